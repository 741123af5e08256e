"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.decodeResource = decodeResource;
exports.resourceOptions = resourceOptions;
exports.providerOf = providerOf;
exports.isTypeOf = isTypeOf;
exports.typeTests = typeTests;
exports.decodeStack = decodeStack;
const requestDecoding_1 = require("./requestDecoding");
const sdk_1 = require("./sdk");
function decodeResource(data) {
    const props = (0, requestDecoding_1.propertiesOf)(data.properties);
    const opts = resourceOptions(data);
    return { type: data.type, urn: data.urn, name: data.name, props, opts, provider: providerOf(data) };
}
/** `opts` as the SDK builds it; a request without options comes from a CLI too old for the SDK. */
function resourceOptions(data) {
    const opts = data.options;
    if (!opts) {
        throw new Error("A more recent version of the Pulumi CLI is required. To upgrade, see https://www.pulumi.com/docs/get-started/install/");
    }
    const result = {
        protect: opts.protect,
        ignoreChanges: opts.ignoreChanges,
        aliases: opts.aliases,
        customTimeouts: customTimeouts(opts),
        additionalSecretOutputs: opts.additionalSecretOutputs,
    };
    if (opts.deleteBeforeReplaceDefined)
        result.deleteBeforeReplace = opts.deleteBeforeReplace;
    if (opts.parent)
        result.parent = opts.parent;
    return result;
}
function customTimeouts(opts) {
    const timeouts = opts.customTimeouts;
    return {
        createSeconds: timeouts?.create ?? 0.0,
        updateSeconds: timeouts?.update ?? 0.0,
        deleteSeconds: timeouts?.delete ?? 0.0,
    };
}
/** The resource's provider (its properties decoded and proxied once), if the request names one. */
function providerOf(data) {
    const provider = data.provider;
    if (!provider)
        return undefined;
    return {
        type: provider.type,
        props: sdk_1.proxy.unknownCheckingProxy((0, requestDecoding_1.propertiesOf)(provider.properties)),
        urn: provider.urn,
        name: provider.name,
    };
}
/** `isType(resourceClass)` as the SDK decides it: the class's Pulumi type token, else its `isInstance`. */
function isTypeOf(type, resourceClass) {
    const pulumiType = sdk_1.policyHelpers.getPulumiType(resourceClass);
    if (pulumiType)
        return type === pulumiType;
    const isInstance = resourceClass.isInstance;
    return (isInstance && typeof isInstance === "function" && isInstance({ __pulumiType: type }) === true);
}
/** `isType` and `asType` as the SDK hands them to a policy; asType answers with what `props()` gives when asked. */
function typeTests(type, props) {
    // Function expressions, as the SDK's: a policy sees the same kind of function (one with a prototype).
    return {
        isType: function (resourceClass) {
            return isTypeOf(type, resourceClass);
        },
        asType: function (resourceClass) {
            return isTypeOf(type, resourceClass) ? props() : undefined;
        },
    };
}
/**
 * A stack's resources, decoded once and shared by every stack policy of the request, as the SDK
 * builds them for each policy: props behind the unknown-checking proxy, parent, dependencies and
 * property dependencies as the resource objects themselves (by URN; unknown URNs dropped).
 */
function decodeStack(resources) {
    const decoded = [];
    for (let at = 0; at < resources.length; at++) {
        const data = resources[at];
        const { type, urn, name, props: plain, opts, provider } = decodeResource(data);
        const props = sdk_1.proxy.unknownCheckingProxy(plain);
        const { isType, asType } = typeTests(type, () => props);
        const resource = { type, props, urn, name, opts, dependencies: [], propertyDependencies: {}, isType, asType };
        if (provider)
            resource.provider = provider;
        decoded.push({ resource, data });
    }
    const byUrn = new Map();
    for (let at = 0; at < decoded.length; at++)
        byUrn.set(decoded[at].resource.urn, decoded[at].resource);
    const found = (urns) => {
        const resources = [];
        for (let u = 0; u < urns.length; u++) {
            const resource = byUrn.get(urns[u]);
            if (resource)
                resources.push(resource);
        }
        return resources;
    };
    for (let at = 0; at < decoded.length; at++) {
        const { resource, data } = decoded[at];
        if (data.parent) {
            const parent = byUrn.get(data.parent);
            if (parent)
                resource.parent = parent;
        }
        resource.dependencies = found(data.dependencies);
        for (const key of Object.keys(data.propertyDependencies))
            resource.propertyDependencies[key] = found(data.propertyDependencies[key]);
    }
    return decoded.map((d) => d.resource);
}
