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
exports.sdkVersion = exports.policyHelpers = exports.protoutil = exports.proxy = exports.deserialize = exports.emptyProto = exports.pluginProto = exports.analyzerRpc = exports.analyzerProto = void 0;
/**
 * The parts of `@pulumi/policy` 1.21 the server reuses rather than re-implements: its conversion of
 * properties (deserialize), its unknown-checking proxy, its protobuf builders (protoutil), its policy
 * predicates and its version. They are internal modules (their .d.ts files are empty), so they are
 * typed here, once. Everything protobuf (and the generated service's paths and serialisers) is loaded
 * from where `@pulumi/policy` loads it, so the messages the SDK's builders make are the very classes
 * the service serialises.
 */
const module_1 = require("module");
const sdkDeserializer_1 = require("../sdkDeserializer");
const path = __importStar(require("path"));
/** `require` as `@pulumi/policy` resolves modules. */
const fromSdk = (0, module_1.createRequire)(path.join(path.dirname(require.resolve("@pulumi/policy/package.json")), "server.js"));
exports.analyzerProto = fromSdk("@pulumi/pulumi/proto/analyzer_pb");
exports.analyzerRpc = fromSdk("@pulumi/pulumi/proto/analyzer_grpc_pb");
exports.pluginProto = fromSdk("@pulumi/pulumi/proto/plugin_pb");
exports.emptyProto = fromSdk("google-protobuf/google/protobuf/empty_pb");
/** deserialize.js, loaded without the whole of @pulumi/pulumi (see ../sdkDeserializer.ts). */
exports.deserialize = (0, sdkDeserializer_1.sdkSerialization)();
exports.proxy = fromSdk("./proxy");
exports.protoutil = fromSdk("./protoutil");
exports.policyHelpers = fromSdk("./policy");
exports.sdkVersion = fromSdk("./version").version;
