/** The order reports list things in: most severe first. */
import { Violation } from "../engine/runPack";

const SEVERITY_RANK: Record<string, number> = { critical: 4, high: 3, medium: 2, low: 1 };

/** Negative when a is more severe than b. */
export function bySeverity(a: Violation, b: Violation): number {
    const level = Number(b.enforcementLevel === "mandatory") - Number(a.enforcementLevel === "mandatory");
    if (level !== 0) return level;
    const severity = (SEVERITY_RANK[b.severity] ?? 0) - (SEVERITY_RANK[a.severity] ?? 0);
    return severity !== 0 ? severity : a.policy.localeCompare(b.policy);
}

/** Violations grouped by resource URN, resources ordered by their most severe violation. */
export function groupByResource(violations: Violation[]): Array<{ urn: string; violations: Violation[] }> {
    const groups = new Map<string, Violation[]>();
    for (const v of [...violations].sort(bySeverity)) {
        const list = groups.get(v.urn) ?? [];
        list.push(v);
        groups.set(v.urn, list);
    }
    return [...groups.entries()]
        .map(([urn, list]) => ({ urn, violations: list }))
        .sort((a, b) => bySeverity(a.violations[0], b.violations[0]) || a.violations[0].resourceName.localeCompare(b.violations[0].resourceName));
}
