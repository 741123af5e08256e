"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.remediate = remediate;
const decode_1 = require("./decode");
const outcomes_1 = require("./outcomes");
const sdk_1 = require("./sdk");
async function remediate(pack, request, reply) {
    const { urn, name, type } = request;
    // As in the SDK, outside the try: a request it cannot read is never answered.
    const opts = (0, decode_1.resourceOptions)(request);
    let props = sdk_1.proxy.unknownCheckingProxy(sdk_1.deserialize.deserializeProperties(request.properties, true));
    const rs = [];
    const notApplicable = new outcomes_1.NotApplicableList();
    try {
        for (const p of pack.policies) {
            if (pack.state.levelOf(p) !== "remediate" || !sdk_1.policyHelpers.isResourcePolicy(p))
                continue;
            if (!p.remediateResource) {
                notApplicable.add(p.name, "Policy does not implement remediateResource");
                continue;
            }
            const pulumiType = sdk_1.policyHelpers.getPulumiType(p.remediateResource);
            if (pulumiType && type !== pulumiType) {
                notApplicable.add(p.name, `Policy only applies to resources of type '${pulumiType}'`);
                continue;
            }
            const args = {
                urn,
                name,
                type,
                opts,
                props,
                stackTags: pack.state.stackTags,
                getConfig: pack.state.getConfigOf(p.name),
                // The properties as they are when asked: a later policy's asType sees earlier remediations.
                ...(0, decode_1.typeTests)(type, () => props),
                notApplicable: outcomes_1.throwNotApplicable,
            };
            const provider = (0, decode_1.providerOf)(request);
            if (provider)
                args.provider = provider;
            let result = undefined;
            let diagnostic = undefined;
            try {
                result = await Promise.resolve(p.remediateResource(args));
                if (result)
                    props = result;
            }
            catch (e) {
                const from = (0, outcomes_1.policyFrom)("remediation", p.name, pack.name, pack.version);
                if (e instanceof sdk_1.proxy.UnknownValueError)
                    diagnostic = `can't run ${from} during preview: ${e.message}`;
                else if (e instanceof outcomes_1.NotApplicableError)
                    notApplicable.add(p.name, e.reason);
                else
                    throw sdk_1.protoutil.asGrpcError(e, `Error remediating resource with ${from}`);
            }
            if (result || diagnostic) {
                if (result)
                    result = await sdk_1.deserialize.serializeProperties(result);
                rs.push({
                    policyName: p.name,
                    policyPackName: pack.name,
                    policyPackVersion: pack.version,
                    description: p.description,
                    properties: result,
                    diagnostic,
                });
            }
        }
    }
    catch (err) {
        reply(err);
        return;
    }
    reply(undefined, sdk_1.protoutil.makeRemediateResponse(rs, notApplicable.entries));
}
