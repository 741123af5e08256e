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
    if (twin.exposure) {
        facts.exposure = twin.exposure.exposure;
        facts.exposureReason = twin.exposure.reason;
        if (twin.exposure.hop) facts.exposureHop = twin.exposure.hop;
    }
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
    const gradeLatent = latentFindingsGrade(configuration) === "advisory";
    return violations.map((violation) => {
        const twin = twins.get(key(violation.policy, violation.urn, violation.message))?.shift();
        const withFacts = twin ? withFactsOf(violation, twin) : violation;
        return gradeLatent ? gradedLatent(withFacts) : withFacts;
    });
}

/**
 * `internet-exposure`'s `latentFindings` setting: "advisory" grades resource-policy findings whose rule
 * the internet does not reach today (exposure "latent") advisory in tierguard's reports, summary and
 * exit code. The pack under `pulumi preview` is unchanged (a resource policy sees one resource).
 */
export function latentFindingsGrade(configuration: PackConfiguration): string {
    const value = configuration["internet-exposure"]?.latentFindings;
    return typeof value === "string" ? value : "as-configured";
}

function gradedLatent(violation: Violation): Violation {
    if (violation.exposure !== "latent" || violation.enforcementLevel !== "mandatory") return violation;
    return { ...violation, enforcementLevel: "advisory", gradedFrom: "mandatory" };
}
