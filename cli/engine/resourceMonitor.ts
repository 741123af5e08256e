/**
 * The `ResourceMonitor` gRPC service as `check` serves it: the program's registrations, reads,
 * invokes and method calls, answered with preview semantics (a new resource's outputs are its
 * inputs, its id and every other computed output unknown; `--mode update` gives known placeholder
 * ids), recorded in the deployment exactly as the engine would hand them to a policy pack.
 */
import * as grpc from "@grpc/grpc-js";
import { Empty } from "google-protobuf/google/protobuf/empty_pb";
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import * as resproto from "@pulumi/pulumi/proto/resource_pb";
import * as providerproto from "@pulumi/pulumi/proto/provider_pb";
import { Callback } from "@pulumi/pulumi/proto/callback_pb";
import { UNKNOWN } from "../../policypack/model/sentinels";
import { CapturedResource, STACK_TYPE, placeholderId, urnOf } from "./capturedStack";
import { answerDataSource } from "./dataSources";
import { Deployment, EngineRefusal } from "./deployment";
import { CallbackRef, ProgramCallbacks, callbackRef, transformInvoke, transformOptionsOf, transformResource } from "./transforms";
import { analyzerValue, outputDependencies, plainValue, withDependencies } from "./wireValues";
import { ComponentExpander } from "./components/componentExpansion";

/**
 * The features the SDK asks about. Each answered yes is implemented: secrets arrive marked, resource
 * references and Outputs are read as the engine reads them, transforms are called back, hooks and
 * packages are accepted (hooks do not run in a preview). Aliases and deletion options change nothing
 * in a preview.
 */
const FEATURES = new Set([
    "secrets",
    "resourceReferences",
    "outputValues",
    "aliasSpecs",
    "deletedWith",
    "replaceWith",
    "replacementTrigger",
    "transforms",
    "invokeTransforms",
    "parameterization",
    "resourceHooks",
    "errorHooks",
]);

const GET_RESOURCE = "pulumi:pulumi:getResource";
const STACK_REFERENCE = "pulumi:pulumi:StackReference";

type Handler<Req, Res> = (request: Req) => Promise<Res>;

/** A unary gRPC handler from an async function; refusals keep their status, other errors are INTERNAL. */
function unary<Req, Res>(handler: Handler<Req, Res>): grpc.handleUnaryCall<Req, Res> {
    return (call, callback) => {
        handler(call.request).then(
            (response) => callback(null, response),
            (error: unknown) => {
                const code = error instanceof EngineRefusal ? grpc.status[error.status] : grpc.status.INTERNAL;
                callback({ code, details: error instanceof Error ? error.message : String(error), name: "EngineError", message: String(error) }, null);
            },
        );
    };
}

function propertyDependenciesOf(map: { entries(): Iterable<[string, { getUrnsList(): string[] }]> }): Record<string, string[]> {
    const result: Record<string, string[]> = {};
    for (const [key, urns] of map.entries()) result[key] = urns.getUrnsList();
    return result;
}

export class ResourceMonitor {
    readonly callbacks = new ProgramCallbacks();
    private readonly stackTransforms: CallbackRef[] = [];
    private readonly stackInvokeTransforms: CallbackRef[] = [];
    /** Transforms declared on a resource apply to its descendants too. */
    private readonly transformsOf = new Map<string, CallbackRef[]>();
    private packages = 0;
    /** Set once the engine serves: what becomes of multi-language components. */
    expander?: ComponentExpander;

    constructor(private readonly deployment: Deployment) {}

    get service(): grpc.UntypedServiceImplementation {
        return {
            supportsFeature: unary(async (request: resproto.SupportsFeatureRequest) =>
                new resproto.SupportsFeatureResponse().setHassupport(FEATURES.has(request.getId())),
            ),
            registerResource: unary((request: resproto.RegisterResourceRequest) => this.registerResource(request)),
            registerResourceOutputs: unary((request: resproto.RegisterResourceOutputsRequest) => this.registerResourceOutputs(request)),
            readResource: unary((request: resproto.ReadResourceRequest) => this.readResource(request)),
            invoke: unary((request: resproto.ResourceInvokeRequest) => this.invoke(request)),
            call: unary((request: resproto.ResourceCallRequest) => this.call(request)),
            registerStackTransform: unary(async (callback: Callback) => (this.stackTransforms.push(callbackRef(callback)), new Empty())),
            registerStackInvokeTransform: unary(async (callback: Callback) => (this.stackInvokeTransforms.push(callbackRef(callback)), new Empty())),
            registerResourceHook: unary(async () => new Empty()),
            registerErrorHook: unary(async () => new Empty()),
            registerPackage: unary(async () => new resproto.RegisterPackageResponse().setRef(`tierguard-package-${++this.packages}`)),
            signalAndWaitForShutdown: unary(async () => (await this.deployment.signalShutdown(), new Empty())),
        };
    }

    /** The resource's own transforms, then each ancestor's, then the stack's. */
    private transformsFor(own: CallbackRef[], parent: string | undefined): CallbackRef[] {
        const transforms = [...own];
        for (let current = parent; current; current = this.deployment.resource(current)?.parent) transforms.push(...(this.transformsOf.get(current) ?? []));
        return [...transforms, ...this.stackTransforms];
    }

    private registerResource(request: resproto.RegisterResourceRequest): Promise<resproto.RegisterResourceResponse> {
        const type = request.getType();
        const name = request.getName();
        return this.deployment.registration(`${type} "${name}"`, async () => {
            const { settings } = this.deployment;
            const parent = request.getParent() || undefined;
            const custom = request.getCustom();
            const remote = request.getRemote();
            let properties = request.getObject() ?? new Struct();
            let dependencies = request.getDependenciesList();
            let propertyDependencies = propertyDependenciesOf(request.getPropertydependenciesMap());
            let provider = request.getProvider() || undefined;
            // Without per-property dependencies, every property depends on every dependency (as the engine backfills).
            if (Object.keys(propertyDependencies).length === 0 && !remote && dependencies.length > 0) {
                for (const key of Object.keys(properties.getFieldsMap().toObject())) propertyDependencies[key] = dependencies;
            }
            const own = request.getTransformsList().map(callbackRef);
            const transforms = this.transformsFor(own, parent);
            if (transforms.length > 0) {
                const result = await transformResource(this.callbacks, transforms, {
                    type,
                    name,
                    custom,
                    parent: parent ?? "",
                    properties: Struct.fromJavaScript(withDependencies(properties.toJavaScript(), propertyDependencies) as never),
                    options: transformOptionsOf(request),
                });
                properties = result.properties;
                const dependsOn = new Set(result.options.getDependsOnList());
                propertyDependencies = {};
                for (const [key, value] of Object.entries(properties.toJavaScript())) {
                    propertyDependencies[key] = [...outputDependencies(value)];
                    for (const urn of propertyDependencies[key]) dependsOn.add(urn);
                }
                dependencies = [...dependsOn];
                provider = result.options.getProvider() || provider;
            }
            const urn = urnOf(settings.stack, settings.project, parent, type, name);
            if (!remote && !custom && this.expander?.isProviderRegistration(urn)) {
                // A component provider registers the component it is constructing: the program's registration stands.
                return new resproto.RegisterResourceResponse().setUrn(urn).setObject(new Struct());
            }
            const position = request.getSourceposition();
            const resource: CapturedResource = {
                urn,
                type,
                name,
                custom,
                remote,
                parent,
                provider,
                inputs: analyzerValue(properties.toJavaScript()) as Record<string, unknown>,
                dependencies,
                propertyDependencies,
                ...(position ? { source: { uri: position.getUri(), line: position.getLine(), column: position.getColumn() } } : {}),
            };
            // An imported resource has its id from the start, in a preview too; a new one gets one from an update.
            const importId = request.getImportid();
            if (custom && importId) resource.id = importId;
            else if (custom && settings.mode === "update") resource.id = placeholderId(type, urn);
            this.deployment.record(resource);
            if (type === STACK_TYPE && !parent) this.deployment.stackUrn = urn;
            if (own.length > 0) this.transformsOf.set(urn, own);

            const response = new resproto.RegisterResourceResponse();
            response.setUrn(urn);
            // A preview answers a new resource with its inputs; what a provider computes stays unknown (absent).
            if (custom) {
                response.setId(resource.id ?? "");
                response.setObject(properties);
            } else if (remote && this.expander) {
                const providers = Object.fromEntries(request.getProvidersMap().entries());
                const expanded = await this.expander.expand(
                    {
                        urn,
                        type,
                        name,
                        parent,
                        version: request.getVersion(),
                        inputs: properties.toJavaScript(),
                        inputDependencies: propertyDependencies,
                        provider,
                    },
                    dependencies,
                    providers,
                );
                resource.expansion = expanded.expansion;
                response.setObject(expanded.outputs);
                for (const [key, urns] of Object.entries(expanded.outputDependencies)) {
                    response.getPropertydependenciesMap().set(key, new resproto.RegisterResourceResponse.PropertyDependencies().setUrnsList(urns));
                }
            } else {
                response.setObject(new Struct());
            }
            return response;
        });
    }

    private async registerResourceOutputs(request: resproto.RegisterResourceOutputsRequest): Promise<Empty> {
        const resource = this.deployment.resource(request.getUrn());
        const outputs = request.getOutputs();
        if (resource && outputs) resource.outputs = analyzerValue(outputs.toJavaScript()) as Record<string, unknown>;
        return new Empty();
    }

    /**
     * `Resource.get(...)` and StackReference read existing state, which only the cloud or the backend
     * has: the answer is what the program passed, every other output unknown, and it is noted.
     */
    private readResource(request: resproto.ReadResourceRequest): Promise<resproto.ReadResourceResponse> {
        const type = request.getType();
        const name = request.getName();
        return this.deployment.registration(`${type} "${name}" (read)`, async () => {
            const { settings } = this.deployment;
            const parent = request.getParent() || undefined;
            const urn = urnOf(settings.stack, settings.project, parent, type, name);
            let properties = request.getProperties() ?? new Struct();
            if (type === STACK_REFERENCE) {
                const stackName = request.getId() || String(properties.toJavaScript().name ?? name);
                properties = Struct.fromJavaScript({ name: stackName, outputs: UNKNOWN, secretOutputNames: UNKNOWN });
                this.deployment.offline.note("stack reference", stackName, "unknown");
            } else {
                this.deployment.offline.note("resource read", type, "unknown", request.getId());
            }
            this.deployment.record({
                urn,
                type,
                name,
                custom: true,
                remote: false,
                read: true,
                parent,
                provider: request.getProvider() || undefined,
                id: request.getId(),
                inputs: analyzerValue(properties.toJavaScript()) as Record<string, unknown>,
                dependencies: request.getDependenciesList(),
                propertyDependencies: {},
            });
            return new resproto.ReadResourceResponse().setUrn(urn).setProperties(properties);
        });
    }

    private async invoke(request: resproto.ResourceInvokeRequest): Promise<providerproto.InvokeResponse> {
        const token = request.getTok();
        let args = request.getArgs() ?? new Struct();
        if (this.stackInvokeTransforms.length > 0) args = await transformInvoke(this.callbacks, this.stackInvokeTransforms, token, args);
        const plain = plainValue(args.toJavaScript()) as Record<string, unknown>;
        const response = new providerproto.InvokeResponse();
        if (token === GET_RESOURCE) {
            const resource = this.deployment.resource(String(plain.urn));
            if (!resource) throw new EngineRefusal("INVALID_ARGUMENT", `no resource with URN ${String(plain.urn)} was registered`);
            const state = resource.outputs ?? resource.inputs;
            return response.setReturn(Struct.fromJavaScript({ urn: resource.urn, id: resource.id ?? "", state } as never));
        }
        const { result, answer, detail } = answerDataSource(token, plain, { region: this.regionOf(request.getProvider()) });
        this.deployment.offline.note("data source", token, answer, detail);
        return response.setReturn(Struct.fromJavaScript(result as never));
    }

    /** A method of a resource (e.g. a component's `getKubeconfig()`): its provider would answer; offline, nothing is known. */
    private async call(request: resproto.ResourceCallRequest): Promise<providerproto.CallResponse> {
        this.deployment.offline.note("method", request.getTok(), "unknown");
        return new providerproto.CallResponse().setReturn(new Struct());
    }

    /** The region of an explicit AWS provider, else the deployment's. */
    private regionOf(providerReference: string): string {
        const providerUrn = providerReference ? providerReference.split("::").slice(0, -1).join("::") : "";
        const region = this.deployment.resource(providerUrn)?.inputs.region;
        return typeof region === "string" && region !== UNKNOWN ? region : this.deployment.settings.region;
    }
}
