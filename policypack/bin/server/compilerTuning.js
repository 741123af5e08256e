"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", { value: true });
exports.INLINING_BUDGET_BYTES = void 0;
exports.compilerFlagFor = compilerFlagFor;
exports.tuneCompiler = tuneCompiler;
/**
 * V8's optimising compiler, tuned for what the pack's process does: a pass over a batch of resources,
 * then idle. By default TurboFan inlines up to 920 bytes of bytecode into each function it optimises.
 * For the pack's code (the graph, reachability, NACL walks: many small functions calling each other)
 * that makes large graphs that take long to compile: in a fresh pack's AnalyzeStack of 10,000 resources,
 * V8's compiler threads used about 900 ms of CPU against the main thread's 550, on the same two cores.
 * With 300 bytes the compiles are smaller and the code they produce barely slower, so a pass ends sooner
 * (the README's performance section has the measurements).
 *
 * The setting is V8's, process-wide, and the pack owns its process (one pack per process). It only
 * changes which calls are inlined, never what the code does. Applied only on the V8 it was measured
 * on (Node 20's); elsewhere V8 keeps its defaults. The SDK's own server
 * (TIERGUARD_ANALYZER_SERVER=sdk) is left untouched.
 */
const v8 = __importStar(require("v8"));
/** The most bytecode TurboFan inlines into one optimised function, in bytes (V8's default: 920). */
exports.INLINING_BUDGET_BYTES = 300;
/** The V8 major version the budget was measured on (Node 20's V8 11.3). */
const MEASURED_ON_V8 = 11;
/** The V8 flag the pack sets on this V8 version, or none. */
function compilerFlagFor(v8Version) {
    return Number(v8Version.split(".")[0]) === MEASURED_ON_V8 ? `--max-inlined-bytecode-size-cumulative=${exports.INLINING_BUDGET_BYTES}` : undefined;
}
/** Sets the flag for this process's V8, if any. */
function tuneCompiler() {
    const flag = compilerFlagFor(process.versions.v8);
    if (flag)
        v8.setFlagsFromString(flag);
}
