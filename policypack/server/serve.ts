/**
 * Starts tierguard's Analyzer server, as `new PolicyPack(name, args)` starts the SDK's: the same checks
 * of the pack and its policies (with the SDK's messages, exiting 1), the version from the pack folder's
 * package.json, one pack per process, the same seven methods on 127.0.0.1 with a random port, printed
 * on stdout for the engine (run-policy-pack has already read the engine address; like the SDK's server,
 * this one never calls the engine). Handshake and Cancel stay unimplemented, as in the SDK. The calls
 * arrive over unaryServer.ts, gRPC as grpc-js's server answers it.
 */
import * as path from "path";
import type { EnforcementLevel, PolicyPackArgs } from "@pulumi/policy";
import type { AnalyzerInfo, AnalyzerStackConfigureRequest, AnalyzerStackConfigureResponse, ConfigureAnalyzerRequest } from "@pulumi/pulumi/proto/analyzer_pb";
import { NOTHING_TO_REPORT, Pack, Reply, analyze } from "./analyze";
import { analyzeStack } from "./analyzeStack";
import { remediate } from "./remediate";
import { PackState, PolicyConfigEntry, freezeMap } from "./packState";
import { ResourceData, analyzeRequestFrom, analyzeStackRequestFrom } from "./requestDecoding";
import { AnyPolicy, analyzerProto, analyzerRpc, emptyProto, pluginProto, protoutil, sdkVersion } from "./sdk";
import { tuneCompiler } from "./compilerTuning";
import { UNIMPLEMENTED, serveUnary } from "./unaryServer";

const PACK_NAME = /^[a-zA-Z0-9-_.]{1,100}$/;
/** The SDK raises gRPC's receive limit from 4 MiB to 400 MiB; so does this server. */
const MAX_MESSAGE = 1024 * 1024 * 400;

let serving: string | undefined;

function refuse(message: string): never {
    console.error(message);
    process.exit(1);
}

/**
 * Serves `args.policies` as the policy pack `name`. Like `new PolicyPack(name, args, initialConfig)`:
 * throws when the pack folder's package.json has no version; default pack level advisory.
 */
export function servePolicyPack(name: string, args: PolicyPackArgs, initialConfig?: unknown): void {
    const version: string | undefined = require(path.join(process.cwd(), "package.json")).version;
    if (!version || version === "") throw new Error("Version must be defined in the package.json file.");
    serve(name, version, args.enforcementLevel || "advisory", args, initialConfig);
}

function serve(name: string, version: string, level: EnforcementLevel, args: PolicyPackArgs, initialConfig: unknown): void {
    if (!name || !name.match(PACK_NAME)) {
        refuse(`Invalid policy pack name "${name}". Policy pack names may only contain alphanumerics, hyphens, underscores, or periods.`);
    }
    const policies = (args.policies ?? []) as unknown as AnyPolicy[];
    for (const policy of policies) {
        if (policy.name === "all") refuse('Invalid policy name "all". "all" is a reserved name.');
        if (policy.configSchema) {
            if (policy.configSchema.properties?.enforcementLevel) refuse("enforcementLevel cannot be explicitly specified in properties.");
            if (policy.configSchema.required && policy.configSchema.required.includes("enforcementLevel")) {
                refuse('"enforcementLevel" cannot be specified in required.');
            }
        }
    }
    // The engine reads one port from the process's stdout: one pack per process.
    if (serving) refuse(`Already serving policy pack '${serving}'. Only one policy pack may be defined per-process.`);
    serving = name;

    try {
        tuneCompiler();
    } catch (e) {
        refuse((e as Error).message);
    }
    const pack: Pack = { name, version, policies, state: new PackState(level) };
    const handlers: Record<string, Handler> = {
        analyze: (request, reply) => void analyze(pack, request as ResourceData, reply),
        analyzeStack: (request, reply) => void analyzeStack(pack, request as ResourceData[], reply),
        remediate: (request, reply) => void remediate(pack, request as ResourceData, reply),
        getAnalyzerInfo: (_request, reply) => {
            let info: AnalyzerInfo;
            try {
                info = protoutil.makeAnalyzerInfo(name, version, level, args, initialConfig);
            } catch (e) {
                reply(protoutil.asGrpcError(e), undefined);
                return;
            }
            reply(undefined, info);
        },
        getPluginInfo: (_request, reply) => {
            const info = new pluginProto.PluginInfo();
            info.setVersion(sdkVersion);
            reply(undefined, info);
        },
        configure: (request, reply) => configure(pack.state, request as ConfigureAnalyzerRequest, reply),
        configureStack: (request, reply) => configureStack(pack.state, request as AnalyzerStackConfigureRequest, reply),
    };
    const methods = Object.entries(analyzerService).map(([key, method]) => ({
        path: method.path,
        requestDeserialize: method.requestDeserialize,
        responseSerialize: method.responseSerialize,
        // As grpc-js answers a method the service has and the implementation lacks (Handshake, Cancel).
        handle: handlers[key] ?? ((_request: unknown, reply: Reply<unknown>) => reply(unimplemented(key))),
    }));
    serveUnary(methods, MAX_MESSAGE, (err, port) => {
        if (err) {
            console.error(err);
            process.exit(1);
        }
        // As a string, so Node does not colour it.
        console.log(port.toString());
    });
}

type Handler = (request: unknown, reply: Reply<unknown>) => void;

function unimplemented(method: string): Error {
    return { code: UNIMPLEMENTED, details: `The server does not implement the method ${method}` } as unknown as Error;
}

interface MethodDefinition {
    path: string;
    requestDeserialize(bytes: Buffer): unknown;
    responseSerialize(value: unknown): Buffer;
}

/**
 * The generated Analyzer service, its three resource requests read from their bytes into plain values
 * (requestDecoding.ts) rather than into protobuf messages; everything else as generated.
 */
const analyzerService: Record<string, MethodDefinition> = {
    ...(analyzerRpc.AnalyzerService as unknown as Record<string, MethodDefinition>),
    analyze: {
        ...analyzerRpc.AnalyzerService.analyze,
        requestDeserialize: analyzeRequestFrom,
        responseSerialize: serialisedOnce(NOTHING_TO_REPORT, analyzerRpc.AnalyzerService.analyze.responseSerialize),
    },
    remediate: { ...analyzerRpc.AnalyzerService.remediate, requestDeserialize: analyzeRequestFrom },
    analyzeStack: { ...analyzerRpc.AnalyzerService.analyzeStack, requestDeserialize: analyzeStackRequestFrom },
} as unknown as Record<string, MethodDefinition>;

/** The generated serialiser, with the bytes of one shared response (never changed) kept from its first and only serialisation. */
function serialisedOnce(shared: object, serialize: (value: never) => Buffer): (value: unknown) => Buffer {
    const bytes = serialize(shared as never);
    return (value) => (value === shared ? bytes : serialize(value as never));
}

/** The Empty of the google-protobuf that @pulumi/pulumi's generated service checks Configure's answer against. */
const ConfigureResponse = (analyzerRpc.AnalyzerService.configure as unknown as { responseType?: new () => object }).responseType ?? emptyProto.Empty;

/** Configure replaces the whole config: per policy, its properties and its level (the protocol's number as the SDK names it). */
function configure(state: PackState, request: ConfigureAnalyzerRequest, callback: Reply<object>): void {
    const config: Record<string, PolicyConfigEntry> = {};
    try {
        for (const [policyName, policyConfig] of request.getPolicyconfigMap().entries()) {
            const props = policyConfig.getProperties()!.toJavaScript() as PolicyConfigEntry;
            props.enforcementLevel = protoutil.convertEnforcementLevel(policyConfig.getEnforcementlevel());
            config[policyName] = props;
        }
    } catch (e) {
        callback(protoutil.asGrpcError(e), undefined);
        return;
    }
    state.config = config;
    callback(undefined, new ConfigureResponse());
}

function configureStack(state: PackState, request: AnalyzerStackConfigureRequest, callback: Reply<AnalyzerStackConfigureResponse>): void {
    try {
        const tags = new Map<string, string>();
        request.getTagsMap().forEach((value, key) => tags.set(key, value));
        state.stackTags = freezeMap(tags);
    } catch (e) {
        callback(protoutil.asGrpcError(e));
        return;
    }
    callback(undefined, new analyzerProto.AnalyzerStackConfigureResponse());
}
