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
import { ResourceData, ResourceOptionsData, propertiesOf } from "./requestDecoding";
import { policyHelpers, proxy } from "./sdk";

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

export function decodeResource(data: ResourceData): DecodedResource {
    const props = propertiesOf(data.properties);
    const opts = resourceOptions(data);
    return { type: data.type, urn: data.urn, name: data.name, props, opts, provider: providerOf(data) };
}

/** `opts` as the SDK builds it; a request without options comes from a CLI too old for the SDK. */
export function resourceOptions(data: ResourceData): PolicyResourceOptions {
    const opts = data.options;
    if (!opts) {
        throw new Error("A more recent version of the Pulumi CLI is required. To upgrade, see https://www.pulumi.com/docs/get-started/install/");
    }
    const result: PolicyResourceOptions = {
        protect: opts.protect,
        ignoreChanges: opts.ignoreChanges,
        aliases: opts.aliases,
        customTimeouts: customTimeouts(opts),
        additionalSecretOutputs: opts.additionalSecretOutputs,
    };
    if (opts.deleteBeforeReplaceDefined) result.deleteBeforeReplace = opts.deleteBeforeReplace;
    if (opts.parent) result.parent = opts.parent;
    return result;
}

function customTimeouts(opts: ResourceOptionsData): PolicyCustomTimeouts {
    const timeouts = opts.customTimeouts;
    return {
        createSeconds: timeouts?.create ?? 0.0,
        updateSeconds: timeouts?.update ?? 0.0,
        deleteSeconds: timeouts?.delete ?? 0.0,
    };
}

/** The resource's provider (its properties decoded and proxied once), if the request names one. */
export function providerOf(data: ResourceData): PolicyProviderResource | undefined {
    const provider = data.provider;
    if (!provider) return undefined;
    return {
        type: provider.type,
        props: proxy.unknownCheckingProxy(propertiesOf(provider.properties)),
        urn: provider.urn,
        name: provider.name,
    };
}

/** `isType(resourceClass)` as the SDK decides it: the class's Pulumi type token, else its `isInstance`. */
export function isTypeOf(type: string, resourceClass: unknown): boolean {
    const pulumiType = policyHelpers.getPulumiType(resourceClass);
    if (pulumiType) return type === pulumiType;
    const isInstance = (resourceClass as { isInstance?: unknown }).isInstance;
    return (isInstance && typeof isInstance === "function" && isInstance({ __pulumiType: type }) === true) as boolean;
}

/** `isType` and `asType` as the SDK hands them to a policy; asType answers with what `props()` gives when asked. */
export function typeTests(type: string, props: () => unknown): Pick<PolicyResource, "isType" | "asType"> {
    // Function expressions, as the SDK's: a policy sees the same kind of function (one with a prototype).
    return {
        isType: function (resourceClass: unknown) {
            return isTypeOf(type, resourceClass);
        },
        asType: function (resourceClass: unknown) {
            return isTypeOf(type, resourceClass) ? props() : undefined;
        } as PolicyResource["asType"],
    };
}

/**
 * A stack's resources, decoded once and shared by every stack policy of the request, as the SDK
 * builds them for each policy: props behind the unknown-checking proxy, parent, dependencies and
 * property dependencies as the resource objects themselves (by URN; unknown URNs dropped).
 */
export function decodeStack(resources: readonly ResourceData[]): PolicyResource[] {
    const decoded: Array<{ resource: PolicyResource; data: ResourceData }> = [];
    for (let at = 0; at < resources.length; at++) {
        const data = resources[at];
        const { type, urn, name, props: plain, opts, provider } = decodeResource(data);
        const props = proxy.unknownCheckingProxy(plain);
        const { isType, asType } = typeTests(type, () => props);
        const resource: PolicyResource = { type, props, urn, name, opts, dependencies: [], propertyDependencies: {}, isType, asType } as PolicyResource;
        if (provider) resource.provider = provider;
        decoded.push({ resource, data });
    }
    const byUrn = new Map<string, PolicyResource>();
    for (let at = 0; at < decoded.length; at++) byUrn.set(decoded[at].resource.urn, decoded[at].resource);
    const found = (urns: string[]) => {
        const resources: PolicyResource[] = [];
        for (let u = 0; u < urns.length; u++) {
            const resource = byUrn.get(urns[u]);
            if (resource) resources.push(resource);
        }
        return resources;
    };
    for (let at = 0; at < decoded.length; at++) {
        const { resource, data } = decoded[at];
        if (data.parent) {
            const parent = byUrn.get(data.parent);
            if (parent) resource.parent = parent;
        }
        resource.dependencies = found(data.dependencies);
        for (const key of Object.keys(data.propertyDependencies)) resource.propertyDependencies[key] = found(data.propertyDependencies[key]);
    }
    return decoded.map((d) => d.resource);
}
