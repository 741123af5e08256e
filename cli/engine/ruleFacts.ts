/**
 * Rule facts for tierguard's own pack: the Analyzer protocol carries only messages, so the rule,
 * protocol, ports, peer and path of each violation come from the pack's own evaluation run in-process
 * on the same resources with the same configuration (levels, settings, exemptions), never parsed
 * from message text. A protocol verdict with no in-process twin (another pack's, or a finding about
 * no rule) simply has no facts.
 */
import { CaptureResult, analysedAsSent, stackAsSent } from "./capturedStack";
import { Violation } from "./violation";
import { InProcessFinding, PackConfiguration, judgeInProcess } from "../../policypack/inProcess";
import { ruleFacts } from "../../policypack/model/rule";

/** The violation with what its in-process twin knows of it. */
function withFactsOf(violation: Violation, twin: InProcessFinding): Violation {
    const facts: Partial<Violation> = twin.edge ? { edge: twin.edge } : {};
    if (!twin.rule) return { ...violation, ...facts };
    const { ruleUrn, ...rule } = ruleFacts(twin.rule);
    return { ...violation, ...rule, ...(ruleUrn !== violation.urn ? { ruleUrn } : {}), ...(twin.peer !== undefined ? { peer: twin.peer } : {}), ...facts };
}

export function withRuleFacts(violations: Violation[], capture: CaptureResult, configuration: PackConfiguration): Violation[] {
    const findings = judgeInProcess(analysedAsSent(capture), stackAsSent(capture), configuration);
    const key = (policy: string, urn: string, message: string) => `${policy}\u0000${urn}\u0000${message}`;
    const twins = new Map<string, InProcessFinding[]>();
    for (const finding of findings) {
        if (!finding.rule && !finding.edge) continue;
        const k = key(finding.policy, finding.urn || capture.stackUrn, finding.message);
        (twins.get(k) ?? twins.set(k, []).get(k)!).push(finding);
    }
    return violations.map((violation) => {
        const twin = twins.get(key(violation.policy, violation.urn, violation.message))?.shift();
        return twin ? withFactsOf(violation, twin) : violation;
    });
}
