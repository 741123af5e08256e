/**
 * Starts tierguard's Analyzer server, as `new PolicyPack(name, args)` starts the SDK's: the same checks
 * of the pack and its policies (with the SDK's messages, exiting 1), the version from the pack folder's
 * package.json, one pack per process, the same seven methods on 127.0.0.1 with a random port, printed
 * on stdout for the engine (run-policy-pack has already read the engine address; like the SDK's server,
 * this one never calls the engine). Handshake and Cancel stay unimplemented, as in the SDK.
 */
import * as path from "path";
import type { EnforcementLevel, PolicyPackArgs } from "@pulumi/policy";
import type * as grpcTypes from "@grpc/grpc-js";
import type {
    AnalyzeResponse,
    AnalyzerInfo,
    AnalyzerStackConfigureRequest,
    AnalyzerStackConfigureResponse,
    ConfigureAnalyzerRequest,
    RemediateResponse,
} from "@pulumi/pulumi/proto/analyzer_pb";
import type { PluginInfo } from "@pulumi/pulumi/proto/plugin_pb";
import { Pack, Reply, analyze } from "./analyze";
import { analyzeStack } from "./analyzeStack";
import { remediate } from "./remediate";
import { PackState, PolicyConfigEntry, freezeMap } from "./packState";
import { ResourceData, analyzeRequestFrom, analyzeStackRequestFrom } from "./requestDecoding";
import { AnyPolicy, analyzerProto, analyzerRpc, emptyProto, grpc, pluginProto, protoutil, sdkVersion } from "./sdk";

const PACK_NAME = /^[a-zA-Z0-9-_.]{1,100}$/;
/** The SDK raises gRPC's receive limit from 4 MiB to 400 MiB; so does this server. */
const MAX_MESSAGE = 1024 * 1024 * 400;

let serving: string | undefined;

type Unary<Req, Res> = (call: grpcTypes.ServerUnaryCall<Req, Res>, callback: Reply<Res>) => void;

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

    const pack: Pack = { name, version, policies, state: new PackState(level) };
    // Channelz (gRPC's introspection service, which no engine asks for) costs a few percent of every call.
    const server = new grpc.Server({ "grpc.max_receive_message_length": MAX_MESSAGE, "grpc.enable_channelz": 0 });
    server.addService(analyzerService, {
        analyze: ((call, callback) => void analyze(pack, call.request, callback)) as Unary<ResourceData, AnalyzeResponse>,
        analyzeStack: ((call, callback) => void analyzeStack(pack, call.request, callback)) as Unary<ResourceData[], AnalyzeResponse>,
        remediate: ((call, callback) => void remediate(pack, call.request, callback)) as Unary<ResourceData, RemediateResponse>,
        getAnalyzerInfo: ((_call, callback) => {
            let info: AnalyzerInfo;
            try {
                info = protoutil.makeAnalyzerInfo(name, version, level, args, initialConfig);
            } catch (e) {
                callback(protoutil.asGrpcError(e), undefined);
                return;
            }
            callback(undefined, info);
        }) as Unary<unknown, AnalyzerInfo>,
        getPluginInfo: ((_call, callback) => {
            const info = new pluginProto.PluginInfo();
            info.setVersion(sdkVersion);
            callback(undefined, info);
        }) as Unary<unknown, PluginInfo>,
        configure: ((call, callback) => configure(pack.state, call.request, callback)) as Unary<ConfigureAnalyzerRequest, object>,
        configureStack: ((call, callback) => configureStack(pack.state, call.request, callback)) as Unary<
            AnalyzerStackConfigureRequest,
            AnalyzerStackConfigureResponse
        >,
    } as unknown as grpcTypes.UntypedServiceImplementation);
    server.bindAsync("127.0.0.1:0", grpc.ServerCredentials.createInsecure(), (err, port) => {
        if (err) {
            console.error(err);
            process.exit(1);
        }
        // As a string, so Node does not colour it.
        console.log(port.toString());
    });
}

/**
 * The generated Analyzer service, its three resource requests read from their bytes into plain values
 * (requestDecoding.ts) rather than into protobuf messages; everything else as generated.
 */
const analyzerService = {
    ...analyzerRpc.AnalyzerService,
    analyze: { ...analyzerRpc.AnalyzerService.analyze, requestDeserialize: analyzeRequestFrom },
    remediate: { ...analyzerRpc.AnalyzerService.remediate, requestDeserialize: analyzeRequestFrom },
    analyzeStack: { ...analyzerRpc.AnalyzerService.analyzeStack, requestDeserialize: analyzeStackRequestFrom },
} as unknown as grpcTypes.ServiceDefinition;

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
