/**
 * Rule facts for tierguard's own pack: the Analyzer protocol carries only messages, so the rule, protocol,
 * ports and peer of each violation come from the pack's own evaluation run in-process on the same
 * resources and config (never parsed from message text). A protocol verdict with no in-process twin
 * (another pack's, or a finding not about one rule) simply has no facts.
 */
import { CaptureResult, isAnalysed, outputsOf } from "./capturedStack";
import { Violation } from "./violation";
import { PackConfiguration, judgeInProcess } from "../../policypack/inProcess";
import { ruleFacts } from "../../policypack/model/rule";

export function withRuleFacts(violations: Violation[], capture: CaptureResult, configuration: PackConfiguration): Violation[] {
    const asSent = (r: CaptureResult["resources"][number], props: Record<string, unknown>) => ({ type: r.type, name: r.name, urn: r.urn, props, propertyDependencies: r.propertyDependencies });
    const findings = judgeInProcess(
        capture.resources.filter(isAnalysed).map((r) => asSent(r, r.inputs)),
        capture.resources.map((r) => asSent(r, outputsOf(r))),
        configuration,
    );
    const key = (policy: string, urn: string, message: string) => `${policy}\u0000${urn}\u0000${message}`;
    const twins = new Map<string, typeof findings>();
    for (const finding of findings) {
        if (!finding.rule) continue;
        const k = key(finding.policy, finding.urn || capture.stackUrn, finding.message);
        (twins.get(k) ?? twins.set(k, []).get(k)!).push(finding);
    }
    return violations.map((violation) => {
        const twin = twins.get(key(violation.policy, violation.urn, violation.message))?.shift();
        if (!twin?.rule) return violation;
        const { ruleUrn, ...facts } = ruleFacts(twin.rule);
        return { ...violation, ...facts, ...(ruleUrn !== violation.urn ? { ruleUrn } : {}), ...(twin.peer !== undefined ? { peer: twin.peer } : {}) };
    });
}
