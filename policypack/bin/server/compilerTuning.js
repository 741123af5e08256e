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
 * then idle. By default TurboFan inlines up to 920 bytes of bytecode into each function it optimises
 * (besides the smallest functions, which it inlines whatever the budget). For the pack's code (the
 * graph, reachability, NACL walks: many small functions calling each other) that makes large graphs
 * that take long to compile: in a fresh pack's AnalyzeStack of 10,000 resources, V8's compiler threads
 * used about 900 ms of CPU against the main thread's 550, on the same two cores. With 300 bytes the
 * compiles are smaller and the warm passes measured no slower (the README's performance section has
 * the measurements, all on a 2-core machine).
 *
 * Inlining preserves what the code computes; what Node does not promise is how V8 takes a flag changed
 * after it started ("may result in unpredictable behavior"), so the flag is set only on the V8 it was
 * measured and tested on (Node 20's 11.3), before the server starts, and can be switched off:
 * TIERGUARD_COMPILER_TUNING=off keeps V8's defaults. The SDK's own server
 * (TIERGUARD_ANALYZER_SERVER=sdk) never sets it. The pack owns its process (one pack per process).
 */
const v8 = __importStar(require("v8"));
/** The most bytecode TurboFan inlines into one optimised function, in bytes (V8's default: 920). */
exports.INLINING_BUDGET_BYTES = 300;
/** The V8 the budget was measured on: Node 20's. */
const MEASURED_ON_V8 = "11.3.";
const TUNING_SWITCH = "TIERGUARD_COMPILER_TUNING";
/**
 * The V8 flag the pack sets, or none: on the measured V8 unless the switch says "off". A switch value
 * other than unset, "" , "on" or "off" is an error (a typo must not silently change the pack's setup).
 */
function compilerFlagFor(v8Version, setting) {
    if (setting !== undefined && setting !== "" && setting !== "on" && setting !== "off") {
        throw new Error(`${TUNING_SWITCH}=${JSON.stringify(setting)} is not a setting: use ${TUNING_SWITCH}=off to keep V8's default inlining budget, or leave it unset (or "on").`);
    }
    if (setting === "off" || !v8Version.startsWith(MEASURED_ON_V8))
        return undefined;
    return `--max-inlined-bytecode-size-cumulative=${exports.INLINING_BUDGET_BYTES}`;
}
/** Sets the flag for this process's V8, if any; throws on an invalid switch value. */
function tuneCompiler() {
    const flag = compilerFlagFor(process.versions.v8, process.env[TUNING_SWITCH]);
    if (flag)
        v8.setFlagsFromString(flag);
}
