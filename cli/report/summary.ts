/** What a report counts: policy violations by level, resources analysed, resources with violations, findings (mistakes). */
import { CheckReport } from "./checkReport";
import { findingsOf } from "./order";

export interface Summary {
    mandatory: number;
    advisory: number;
    resources: number;
    resourcesWithViolations: number;
    findings: { mandatory: number; advisory: number };
    /** Violations a policy exception waived (not counted above). */
    exempted: number;
}

export function summaryOf(report: Pick<CheckReport, "violations" | "resources" | "exempted">): Summary {
    const mandatory = report.violations.filter((v) => v.enforcementLevel === "mandatory").length;
    const findings = findingsOf(report.violations);
    const mandatoryFindings = findings.filter((f) => f.lead.enforcementLevel === "mandatory").length;
    return {
        mandatory,
        advisory: report.violations.length - mandatory,
        resources: report.resources,
        resourcesWithViolations: new Set(report.violations.map((v) => v.urn)).size,
        findings: { mandatory: mandatoryFindings, advisory: findings.length - mandatoryFindings },
        exempted: report.exempted?.length ?? 0,
    };
}

const count = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString("en-US")} ${n === 1 ? one : many}`;

/** The summary in words: "2 resources with violations; 3 analysed; 4 findings (3 mandatory, 1 advisory) from 7 policy violations". */
export function summaryWords(summary: Summary): string {
    const findings = summary.findings.mandatory + summary.findings.advisory;
    const violations = summary.mandatory + summary.advisory;
    return (
        `${count(summary.resourcesWithViolations, "resource")} with violations; ${summary.resources.toLocaleString("en-US")} analysed; ` +
        `${count(findings, "finding")} (${summary.findings.mandatory} mandatory, ${summary.findings.advisory} advisory)` +
        (violations !== findings ? ` from ${count(violations, "policy violation")}` : "") +
        (summary.exempted > 0 ? `; ${count(summary.exempted, "violation")} exempted by policy exceptions` : "")
    );
}
