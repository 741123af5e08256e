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
exports.servePolicyPack = servePolicyPack;
/**
 * Starts tierguard's Analyzer server, as `new PolicyPack(name, args)` starts the SDK's: the same checks
 * of the pack and its policies (with the SDK's messages, exiting 1), the version from the pack folder's
 * package.json, one pack per process, the same seven methods on 127.0.0.1 with a random port, printed
 * on stdout for the engine (run-policy-pack has already read the engine address; like the SDK's server,
 * this one never calls the engine). Handshake and Cancel stay unimplemented, as in the SDK. The calls
 * arrive over unaryServer.ts, gRPC as grpc-js's server answers it.
 */
const path = __importStar(require("path"));
const analyze_1 = require("./analyze");
const analyzeStack_1 = require("./analyzeStack");
const remediate_1 = require("./remediate");
const packState_1 = require("./packState");
const requestDecoding_1 = require("./requestDecoding");
const sdk_1 = require("./sdk");
const compilerTuning_1 = require("./compilerTuning");
const unaryServer_1 = require("./unaryServer");
const PACK_NAME = /^[a-zA-Z0-9-_.]{1,100}$/;
/** The SDK raises gRPC's receive limit from 4 MiB to 400 MiB; so does this server. */
const MAX_MESSAGE = 1024 * 1024 * 400;
let serving;
function refuse(message) {
    console.error(message);
    process.exit(1);
}
/**
 * Serves `args.policies` as the policy pack `name`. Like `new PolicyPack(name, args, initialConfig)`:
 * throws when the pack folder's package.json has no version; default pack level advisory.
 */
function servePolicyPack(name, args, initialConfig) {
    const version = require(path.join(process.cwd(), "package.json")).version;
    if (!version || version === "")
        throw new Error("Version must be defined in the package.json file.");
    serve(name, version, args.enforcementLevel || "advisory", args, initialConfig);
}
function serve(name, version, level, args, initialConfig) {
    if (!name || !name.match(PACK_NAME)) {
        refuse(`Invalid policy pack name "${name}". Policy pack names may only contain alphanumerics, hyphens, underscores, or periods.`);
    }
    const policies = (args.policies ?? []);
    for (const policy of policies) {
        if (policy.name === "all")
            refuse('Invalid policy name "all". "all" is a reserved name.');
        if (policy.configSchema) {
            if (policy.configSchema.properties?.enforcementLevel)
                refuse("enforcementLevel cannot be explicitly specified in properties.");
            if (policy.configSchema.required && policy.configSchema.required.includes("enforcementLevel")) {
                refuse('"enforcementLevel" cannot be specified in required.');
            }
        }
    }
    // The engine reads one port from the process's stdout: one pack per process.
    if (serving)
        refuse(`Already serving policy pack '${serving}'. Only one policy pack may be defined per-process.`);
    serving = name;
    try {
        (0, compilerTuning_1.tuneCompiler)();
    }
    catch (e) {
        refuse(e.message);
    }
    const pack = { name, version, policies, state: new packState_1.PackState(level) };
    const handlers = {
        analyze: (request, reply) => void (0, analyze_1.analyze)(pack, request, reply),
        analyzeStack: (request, reply) => void (0, analyzeStack_1.analyzeStack)(pack, request, reply),
        remediate: (request, reply) => void (0, remediate_1.remediate)(pack, request, reply),
        getAnalyzerInfo: (_request, reply) => {
            let info;
            try {
                info = sdk_1.protoutil.makeAnalyzerInfo(name, version, level, args, initialConfig);
            }
            catch (e) {
                reply(sdk_1.protoutil.asGrpcError(e), undefined);
                return;
            }
            reply(undefined, info);
        },
        getPluginInfo: (_request, reply) => {
            const info = new sdk_1.pluginProto.PluginInfo();
            info.setVersion(sdk_1.sdkVersion);
            reply(undefined, info);
        },
        configure: (request, reply) => configure(pack.state, request, reply),
        configureStack: (request, reply) => configureStack(pack.state, request, reply),
    };
    const methods = Object.entries(analyzerService).map(([key, method]) => ({
        path: method.path,
        requestDeserialize: method.requestDeserialize,
        responseSerialize: method.responseSerialize,
        // As grpc-js answers a method the service has and the implementation lacks (Handshake, Cancel).
        handle: handlers[key] ?? ((_request, reply) => reply(unimplemented(key))),
    }));
    (0, unaryServer_1.serveUnary)(methods, MAX_MESSAGE, (err, port) => {
        if (err) {
            console.error(err);
            process.exit(1);
        }
        // As a string, so Node does not colour it.
        console.log(port.toString());
    });
}
function unimplemented(method) {
    return { code: unaryServer_1.UNIMPLEMENTED, details: `The server does not implement the method ${method}` };
}
/**
 * The generated Analyzer service, its three resource requests read from their bytes into plain values
 * (requestDecoding.ts) rather than into protobuf messages; everything else as generated.
 */
const analyzerService = {
    ...sdk_1.analyzerRpc.AnalyzerService,
    analyze: {
        ...sdk_1.analyzerRpc.AnalyzerService.analyze,
        requestDeserialize: requestDecoding_1.analyzeRequestFrom,
        responseSerialize: serialisedOnce(analyze_1.NOTHING_TO_REPORT, sdk_1.analyzerRpc.AnalyzerService.analyze.responseSerialize),
    },
    remediate: { ...sdk_1.analyzerRpc.AnalyzerService.remediate, requestDeserialize: requestDecoding_1.analyzeRequestFrom },
    analyzeStack: { ...sdk_1.analyzerRpc.AnalyzerService.analyzeStack, requestDeserialize: requestDecoding_1.analyzeStackRequestFrom },
};
/** The generated serialiser, with the bytes of one shared response (never changed) kept from its first and only serialisation. */
function serialisedOnce(shared, serialize) {
    const bytes = serialize(shared);
    return (value) => (value === shared ? bytes : serialize(value));
}
/** The Empty of the google-protobuf that @pulumi/pulumi's generated service checks Configure's answer against. */
const ConfigureResponse = sdk_1.analyzerRpc.AnalyzerService.configure.responseType ?? sdk_1.emptyProto.Empty;
/** Configure replaces the whole config: per policy, its properties and its level (the protocol's number as the SDK names it). */
function configure(state, request, callback) {
    const config = {};
    try {
        for (const [policyName, policyConfig] of request.getPolicyconfigMap().entries()) {
            const props = policyConfig.getProperties().toJavaScript();
            props.enforcementLevel = sdk_1.protoutil.convertEnforcementLevel(policyConfig.getEnforcementlevel());
            config[policyName] = props;
        }
    }
    catch (e) {
        callback(sdk_1.protoutil.asGrpcError(e), undefined);
        return;
    }
    state.config = config;
    callback(undefined, new ConfigureResponse());
}
function configureStack(state, request, callback) {
    try {
        const tags = new Map();
        request.getTagsMap().forEach((value, key) => tags.set(key, value));
        state.stackTags = (0, packState_1.freezeMap)(tags);
    }
    catch (e) {
        callback(sdk_1.protoutil.asGrpcError(e));
        return;
    }
    callback(undefined, new sdk_1.analyzerProto.AnalyzerStackConfigureResponse());
}
