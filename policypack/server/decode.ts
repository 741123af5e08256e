/**
 * Decoding a request once: a resource's properties converted by the SDK's own deserializeProperties,
 * its options and provider read as the SDK reads them, in the SDK's order (properties, options,
 * provider), so a request the SDK cannot read fails here with the same error.
 *
 * Every policy of a request then judges that one copy, each through its own unknown-checking proxy
 * (the SDK's), so reading an unknown value still throws the SDK's UnknownValueError at the path read.
 * The copy is shared, not cloned per policy: a policy that wrote into its props would be seen by the
 * policies after it (under the SDK's server it would only see its own writes). tierguard's policies
 * only read (test/unit/analyzerServer.test.ts holds them to that); see policypack/server/README.md.
 */
import type { PolicyCustomTimeouts, PolicyProviderResource, PolicyResource, PolicyResourceOptions } from "@pulumi/policy";
import type { AnalyzeRequest, AnalyzerResource, AnalyzerResourceOptions } from "@pulumi/pulumi/proto/analyzer_pb";
import { deserialize, policyHelpers, proxy } from "./sdk";

type ResourceMessage = AnalyzeRequest | AnalyzerResource;

/** One resource of a request, decoded: the plain properties (no proxy) and what every policy is handed besides. */
export interface DecodedResource {
    type: string;
    urn: string;
    name: string;
    /** The SDK's conversion of the properties (secrets unwrapped), shared by every policy of the request. */
    props: Record<string, unknown>;
    opts: PolicyResourceOptions;
    provider: PolicyProviderResource | undefined;
}

export function decodeResource(message: ResourceMessage): DecodedResource {
    const props = deserialize.deserializeProperties(message.getProperties()!, false);
    const opts = resourceOptions(message);
    return { type: message.getType(), urn: message.getUrn(), name: message.getName(), props, opts, provider: providerOf(message) };
}

/** `opts` as the SDK builds it; a request without options comes from a CLI too old for the SDK. */
export function resourceOptions(message: ResourceMessage): PolicyResourceOptions {
    const opts = message.getOptions();
    if (!opts) {
        throw new Error("A more recent version of the Pulumi CLI is required. To upgrade, see https://www.pulumi.com/docs/get-started/install/");
    }
    const result: PolicyResourceOptions = {
        protect: opts.getProtect(),
        ignoreChanges: opts.getIgnorechangesList(),
        aliases: opts.getAliasesList(),
        customTimeouts: customTimeouts(opts),
        additionalSecretOutputs: opts.getAdditionalsecretoutputsList(),
    };
    if (opts.getDeletebeforereplacedefined()) result.deleteBeforeReplace = opts.getDeletebeforereplace();
    if (opts.getParent()) result.parent = opts.getParent();
    return result;
}

function customTimeouts(opts: AnalyzerResourceOptions): PolicyCustomTimeouts {
    const timeouts = opts.getCustomtimeouts();
    return {
        createSeconds: timeouts?.getCreate() ?? 0.0,
        updateSeconds: timeouts?.getUpdate() ?? 0.0,
        deleteSeconds: timeouts?.getDelete() ?? 0.0,
    };
}

/** The resource's provider (its properties decoded and proxied once), if the request names one. */
export function providerOf(message: ResourceMessage): PolicyProviderResource | undefined {
    const provider = message.getProvider();
    if (!provider) return undefined;
    return {
        type: provider.getType(),
        props: proxy.unknownCheckingProxy(deserialize.deserializeProperties(provider.getProperties()!, false)),
        urn: provider.getUrn(),
        name: provider.getName(),
    };
}

/** `isType(resourceClass)` as the SDK decides it: the class's Pulumi type token, else its `isInstance`. */
export function isTypeOf(type: string, resourceClass: unknown): boolean {
    const pulumiType = policyHelpers.getPulumiType(resourceClass);
    if (pulumiType) return type === pulumiType;
    const isInstance = (resourceClass as { isInstance?: unknown }).isInstance;
    return (isInstance && typeof isInstance === "function" && isInstance({ __pulumiType: type }) === true) as boolean;
}

/**
 * A stack's resources, decoded once and shared by every stack policy of the request, as the SDK
 * builds them for each policy: props behind the unknown-checking proxy, parent, dependencies and
 * property dependencies as the resource objects themselves (by URN; unknown URNs dropped).
 */
export function decodeStack(messages: readonly AnalyzerResource[]): PolicyResource[] {
    const decoded: Array<{ resource: PolicyResource; parent: string; dependencies: string[]; propertyDependencies: Record<string, string[]> }> = [];
    for (const message of messages) {
        const type = message.getType();
        const props = proxy.unknownCheckingProxy(deserialize.deserializeProperties(message.getProperties()!, false));
        const resource: PolicyResource = {
            type,
            props,
            urn: message.getUrn(),
            name: message.getName(),
            opts: resourceOptions(message),
            dependencies: [],
            propertyDependencies: {},
            isType: (resourceClass: unknown) => isTypeOf(type, resourceClass),
            asType: ((resourceClass: unknown) => (isTypeOf(type, resourceClass) ? props : undefined)) as PolicyResource["asType"],
        } as PolicyResource;
        const provider = providerOf(message);
        if (provider) resource.provider = provider;
        decoded.push({
            resource,
            parent: message.getParent(),
            dependencies: message.getDependenciesList(),
            propertyDependencies: propertyDependenciesOf(message),
        });
    }
    const byUrn = new Map<string, PolicyResource>();
    for (const d of decoded) byUrn.set(d.resource.urn, d.resource);
    const found = (urns: string[]) => urns.map((urn) => byUrn.get(urn)).filter((r) => r) as PolicyResource[];
    for (const d of decoded) {
        if (d.parent) {
            const parent = byUrn.get(d.parent);
            if (parent) d.resource.parent = parent;
        }
        d.resource.dependencies = found(d.dependencies);
        for (const key of Object.keys(d.propertyDependencies)) d.resource.propertyDependencies[key] = found(d.propertyDependencies[key]);
    }
    return decoded.map((d) => d.resource);
}

function propertyDependenciesOf(message: AnalyzerResource): Record<string, string[]> {
    const result: Record<string, string[]> = {};
    const map = message.getPropertydependenciesMap();
    if (map) for (const [key, value] of map.entries()) result[key] = value.getUrnsList();
    return result;
}
