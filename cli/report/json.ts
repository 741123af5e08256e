/**
 * `--format json`: { stack, program: { status, ... }, violations: [{ policy, enforcementLevel, severity,
 * urn, resourceType, resourceName, message, modeled? }], summary: { mandatory, advisory, resources },
 * components: [...], unchecked: [...], offline: [...] }.
 */
import { CheckReport, summaryOf } from "./model";
import { bySeverity } from "./order";
import { jsonText } from "./escape";

export function jsonReport(report: CheckReport): string {
    const violations = [...report.violations].sort(bySeverity).map((v) => ({
        policy: v.policy,
        enforcementLevel: v.enforcementLevel,
        severity: v.severity,
        urn: v.urn,
        resourceType: v.resourceType,
        resourceName: v.resourceName,
        message: v.message,
        ...(v.modeled ? { modeled: v.modeled } : {}),
    }));
    return jsonText({ stack: report.stack, program: report.outcome, violations, summary: summaryOf(report), components: report.components, unchecked: report.unchecked, offline: report.offline });
}
