"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.decodeResource = decodeResource;
exports.resourceOptions = resourceOptions;
exports.providerOf = providerOf;
exports.isTypeOf = isTypeOf;
exports.decodeStack = decodeStack;
const sdk_1 = require("./sdk");
function decodeResource(message) {
    const props = sdk_1.deserialize.deserializeProperties(message.getProperties(), false);
    const opts = resourceOptions(message);
    return { type: message.getType(), urn: message.getUrn(), name: message.getName(), props, opts, provider: providerOf(message) };
}
/** `opts` as the SDK builds it; a request without options comes from a CLI too old for the SDK. */
function resourceOptions(message) {
    const opts = message.getOptions();
    if (!opts) {
        throw new Error("A more recent version of the Pulumi CLI is required. To upgrade, see https://www.pulumi.com/docs/get-started/install/");
    }
    const result = {
        protect: opts.getProtect(),
        ignoreChanges: opts.getIgnorechangesList(),
        aliases: opts.getAliasesList(),
        customTimeouts: customTimeouts(opts),
        additionalSecretOutputs: opts.getAdditionalsecretoutputsList(),
    };
    if (opts.getDeletebeforereplacedefined())
        result.deleteBeforeReplace = opts.getDeletebeforereplace();
    if (opts.getParent())
        result.parent = opts.getParent();
    return result;
}
function customTimeouts(opts) {
    const timeouts = opts.getCustomtimeouts();
    return {
        createSeconds: timeouts?.getCreate() ?? 0.0,
        updateSeconds: timeouts?.getUpdate() ?? 0.0,
        deleteSeconds: timeouts?.getDelete() ?? 0.0,
    };
}
/** The resource's provider (its properties decoded and proxied once), if the request names one. */
function providerOf(message) {
    const provider = message.getProvider();
    if (!provider)
        return undefined;
    return {
        type: provider.getType(),
        props: sdk_1.proxy.unknownCheckingProxy(sdk_1.deserialize.deserializeProperties(provider.getProperties(), false)),
        urn: provider.getUrn(),
        name: provider.getName(),
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
/**
 * A stack's resources, decoded once and shared by every stack policy of the request, as the SDK
 * builds them for each policy: props behind the unknown-checking proxy, parent, dependencies and
 * property dependencies as the resource objects themselves (by URN; unknown URNs dropped).
 */
function decodeStack(messages) {
    const decoded = [];
    for (const message of messages) {
        const type = message.getType();
        const props = sdk_1.proxy.unknownCheckingProxy(sdk_1.deserialize.deserializeProperties(message.getProperties(), false));
        const resource = {
            type,
            props,
            urn: message.getUrn(),
            name: message.getName(),
            opts: resourceOptions(message),
            dependencies: [],
            propertyDependencies: {},
            isType: (resourceClass) => isTypeOf(type, resourceClass),
            asType: ((resourceClass) => (isTypeOf(type, resourceClass) ? props : undefined)),
        };
        const provider = providerOf(message);
        if (provider)
            resource.provider = provider;
        decoded.push({
            resource,
            parent: message.getParent(),
            dependencies: message.getDependenciesList(),
            propertyDependencies: propertyDependenciesOf(message),
        });
    }
    const byUrn = new Map();
    for (const d of decoded)
        byUrn.set(d.resource.urn, d.resource);
    const found = (urns) => urns.map((urn) => byUrn.get(urn)).filter((r) => r);
    for (const d of decoded) {
        if (d.parent) {
            const parent = byUrn.get(d.parent);
            if (parent)
                d.resource.parent = parent;
        }
        d.resource.dependencies = found(d.dependencies);
        for (const key of Object.keys(d.propertyDependencies))
            d.resource.propertyDependencies[key] = found(d.propertyDependencies[key]);
    }
    return decoded.map((d) => d.resource);
}
function propertyDependenciesOf(message) {
    const result = {};
    const map = message.getPropertydependenciesMap();
    if (map)
        for (const [key, value] of map.entries())
            result[key] = value.getUrnsList();
    return result;
}
