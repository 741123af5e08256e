/**
 * AnalyzeStack: every resource's outputs, judged by every enabled stack policy — the resources decoded
 * once, at the first policy that needs them, and shared by all (each policy gets its own array of the
 * same resource objects). Levels, "not applicable", unknown values and errors as the SDK's server has them.
 */
import type { PolicyResource, StackValidationArgs } from "@pulumi/policy";
import type { AnalyzeResponse } from "@pulumi/pulumi/proto/analyzer_pb";
import type { Pack, Reply } from "./analyze";
import { decodeStack } from "./decode";
import type { ResourceData } from "./requestDecoding";
import { NotApplicableList, pending, settleValidationError, throwNotApplicable, violationReporter } from "./outcomes";
import { SdkDiagnostic, policyHelpers, protoutil } from "./sdk";

export async function analyzeStack(pack: Pack, stack: readonly ResourceData[], reply: Reply<AnalyzeResponse>): Promise<void> {
    const ds: SdkDiagnostic[] = [];
    const notApplicable = new NotApplicableList();
    let resources: PolicyResource[] | undefined;
    // The stack's types, collected once when a stack policy first names one.
    let types: Set<string> | undefined;
    try {
        for (const p of pack.policies) {
            let level = pack.state.levelOf(p);
            if (level === "disabled" || !policyHelpers.isStackPolicy(p)) continue;
            // Stack policies cannot remediate: the level is mandatory.
            if (level === "remediate") level = "mandatory";
            const pulumiType = policyHelpers.getPulumiType(p.validateStack);
            if (pulumiType && !(types ??= new Set(stack.map((r) => r.type))).has(pulumiType)) {
                notApplicable.add(p.name, `Policy only applies to resources of type '${pulumiType}'`);
                continue;
            }
            const reportViolation = violationReporter(p, pack.name, pack.version, level, ds);
            try {
                resources ??= decodeStack(stack);
                const args: StackValidationArgs = {
                    resources: resources.slice(),
                    getConfig: pack.state.getConfigOf(p.name) as StackValidationArgs["getConfig"],
                    stackTags: pack.state.stackTags as StackValidationArgs["stackTags"],
                    notApplicable: throwNotApplicable,
                } as StackValidationArgs;
                const result = pending(p.validateStack!(args as never, reportViolation));
                if (result) await result;
            } catch (e) {
                settleValidationError(e, p, "validateStack", pack, ds, notApplicable);
            }
        }
    } catch (err) {
        reply(err as Error);
        return;
    }
    // Outside the try, as in the SDK: a response that cannot be built is never answered.
    reply(undefined, protoutil.makeAnalyzeResponse(ds, notApplicable.entries));
}
