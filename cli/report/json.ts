/**
 * `--format json`: { stack, program: { status, ... }, violations: [{ policy, enforcementLevel, severity,
 * urn, resourceType, resourceName, message, rule?, ruleUrn?, protocol?, ports?, peer?, exposure?, exposureReason?,
 * gradedFrom?, modeled? }],
 * exempted: [same fields, exception: { id, reason, expiresAt? }] (waived by a policy exception: not counted),
 * exceptions: [{ id, reason, match, expiresAt?, status: "permanent" | "active" | "expired", waived: [{ policy, urn, resourceName, enforcementLevel }] }]
 * (both only when the policy config file has exceptions); a violation an expired exception covers has expiredException,
 * summary: { mandatory, advisory, resources, resourcesWithViolations, findings: { mandatory, advisory }, exempted },
 * components: [...], unchecked: [...], offline: [...] }. One object per policy violation: tools group
 * by `urn` and `rule` as the other formats do.
 */
import { CheckReport } from "./checkReport";
import { summaryOf } from "./summary";
import { bySeverity } from "./order";
import { jsonText } from "./escape";
import { Violation } from "../engine/violation";

export function jsonReport(report: CheckReport): string {
    const violations = [...report.violations].sort(bySeverity).map(listed);
    return jsonText({
        stack: report.stack,
        program: report.outcome,
        violations,
        ...exceptionsJson(report),
        summary: summaryOf(report),
        components: report.components,
        unchecked: report.unchecked,
        offline: report.offline,
    });
}

/**
 * A violation's rule facts (tierguard's own pack only), for tools that group findings themselves; for a
 * resource policy's finding about a rule that admits the internet, its exposure ("reachable", "latent"
 * or "unknown") and why, and `gradedFrom` when `latentFindings: "advisory"` lowered its level.
 */
export function ruleFactsOf(
    v: Violation,
): Partial<Pick<Violation, "rule" | "ruleUrn" | "protocol" | "ports" | "peer" | "exposure" | "exposureReason" | "gradedFrom">> {
    if (v.rule === undefined) return {};
    return {
        rule: v.rule,
        ...(v.ruleUrn ? { ruleUrn: v.ruleUrn } : {}),
        protocol: v.protocol,
        ports: v.ports,
        ...(v.peer !== undefined ? { peer: v.peer } : {}),
        ...(v.exposure ? { exposure: v.exposure, exposureReason: v.exposureReason } : {}),
        ...(v.gradedFrom ? { gradedFrom: v.gradedFrom } : {}),
    };
}

/** A violation as JSON lists it: every field but the path it names (which graphs draw). */
function listed(v: Violation) {
    return {
        policy: v.policy,
        enforcementLevel: v.enforcementLevel,
        severity: v.severity,
        urn: v.urn,
        resourceType: v.resourceType,
        resourceName: v.resourceName,
        message: v.message,
        ...ruleFactsOf(v),
        ...(v.modeled ? { modeled: v.modeled } : {}),
        ...(v.exception ? { exception: v.exception } : {}),
        ...(v.expiredException ? { expiredException: v.expiredException } : {}),
    };
}

/** `exempted` and `exceptions`, when the policy config file has exceptions. */
export function exceptionsJson(report: Pick<CheckReport, "exempted" | "exceptions">): object {
    if (!report.exceptions || report.exceptions.length === 0) return {};
    return { exempted: [...(report.exempted ?? [])].sort(bySeverity).map(listed), exceptions: report.exceptions };
}
