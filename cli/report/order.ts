/**
 * How reports list violations: one finding per mistake, most severe first. A rule that breaks
 * several policies (SSH open to the world breaks the admin-port, allow-list and tier policies) is
 * one finding naming every policy, at the strictest level, so a report lists mistakes, not policies.
 * Violations without rule facts (another pack's, or one about a resource as a whole) are findings
 * of their own.
 */
import { Violation } from "../engine/violation";
import { severityRank } from "../../policypack/model/severity";

/** Negative when a is more severe than b. */
export function bySeverity(a: Violation, b: Violation): number {
    const level = Number(b.enforcementLevel === "mandatory") - Number(a.enforcementLevel === "mandatory");
    if (level !== 0) return level;
    const severity = severityRank(b.severity) - severityRank(a.severity);
    return severity !== 0 ? severity : a.policy.localeCompare(b.policy);
}

/** One mistake: the violations of one rule of one resource (or a single violation), the most severe first. */
export interface Finding {
    /** The most severe violation: its level, severity and message stand for the finding. */
    lead: Violation;
    /** Every violation of the finding, `lead` first. */
    violations: Violation[];
}

/** The violations grouped into findings, most severe first. */
export function findingsOf(violations: readonly Violation[]): Finding[] {
    const byRule = new Map<string, Violation[]>();
    const findings: Violation[][] = [];
    for (const v of [...violations].sort(bySeverity)) {
        if (v.rule === undefined) {
            findings.push([v]);
            continue;
        }
        const key = `${v.urn}\u0000${v.ruleUrn ?? v.urn}\u0000${v.rule}`;
        const group = byRule.get(key);
        if (group) group.push(v);
        else {
            const created = [v];
            byRule.set(key, created);
            findings.push(created);
        }
    }
    return findings.map((list) => ({ lead: list[0], violations: list }));
}

/** The policies a finding breaks besides its lead's, with their levels: "a (mandatory), b (advisory)". */
export function alsoBroken(finding: Finding): string[] {
    return finding.violations.slice(1).map((v) => `${v.policy} (${v.enforcementLevel})`);
}

/** Findings grouped by resource URN, resources ordered by their most severe finding. */
export function groupByResource(violations: readonly Violation[]): Array<{ urn: string; findings: Finding[]; violations: number }> {
    const groups = new Map<string, Finding[]>();
    for (const finding of findingsOf(violations)) {
        const list = groups.get(finding.lead.urn) ?? groups.set(finding.lead.urn, []).get(finding.lead.urn)!;
        list.push(finding);
    }
    return [...groups.entries()]
        .map(([urn, findings]) => ({ urn, findings, violations: findings.reduce((sum, f) => sum + f.violations.length, 0) }))
        .sort((a, b) => bySeverity(a.findings[0].lead, b.findings[0].lead) || a.findings[0].lead.resourceName.localeCompare(b.findings[0].lead.resourceName));
}
