/**
 * Remediate: one resource's inputs, changed by every policy at level "remediate" that can remediate,
 * each seeing the properties the one before it returned — decoded once with secrets preserved, as the
 * SDK does (its secrets-preserving proxy keeps a replaced secret secret), and the results serialised
 * by the SDK's own serializeProperties.
 */
import type { ResourceValidationArgs } from "@pulumi/policy";
import type { RemediateResponse } from "@pulumi/pulumi/proto/analyzer_pb";
import type { Pack, Reply } from "./analyze";
import { providerOf, resourceOptions, typeTests } from "./decode";
import type { ResourceData } from "./requestDecoding";
import { NotApplicableError, NotApplicableList, policyFrom, throwNotApplicable } from "./outcomes";
import { SdkRemediation, deserialize, policyHelpers, protoutil, proxy } from "./sdk";

export async function remediate(pack: Pack, request: ResourceData, reply: Reply<RemediateResponse>): Promise<void> {
    const { urn, name, type } = request;
    // As in the SDK, outside the try: a request it cannot read is never answered.
    const opts = resourceOptions(request);
    let props: Record<string, unknown> = proxy.unknownCheckingProxy(deserialize.deserializeProperties(request.properties!, true));
    const rs: SdkRemediation[] = [];
    const notApplicable = new NotApplicableList();
    try {
        for (const p of pack.policies) {
            if (pack.state.levelOf(p) !== "remediate" || !policyHelpers.isResourcePolicy(p)) continue;
            if (!p.remediateResource) {
                notApplicable.add(p.name, "Policy does not implement remediateResource");
                continue;
            }
            const pulumiType = policyHelpers.getPulumiType(p.remediateResource);
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
                ...typeTests(type, () => props),
                notApplicable: throwNotApplicable,
            } as unknown as ResourceValidationArgs;
            const provider = providerOf(request);
            if (provider) args.provider = provider;
            let result: unknown = undefined;
            let diagnostic: string | undefined = undefined;
            try {
                result = await Promise.resolve(p.remediateResource(args as never));
                if (result) props = result as Record<string, unknown>;
            } catch (e) {
                const from = policyFrom("remediation", p.name, pack.name, pack.version);
                if (e instanceof proxy.UnknownValueError) diagnostic = `can't run ${from} during preview: ${e.message}`;
                else if (e instanceof NotApplicableError) notApplicable.add(p.name, e.reason);
                else throw protoutil.asGrpcError(e, `Error remediating resource with ${from}`);
            }
            if (result || diagnostic) {
                if (result) result = await deserialize.serializeProperties(result);
                rs.push({
                    policyName: p.name,
                    policyPackName: pack.name,
                    policyPackVersion: pack.version,
                    description: p.description,
                    properties: result as Record<string, unknown> | undefined,
                    diagnostic,
                });
            }
        }
    } catch (err) {
        reply(err as Error);
        return;
    }
    reply(undefined, protoutil.makeRemediateResponse(rs, notApplicable.entries));
}
