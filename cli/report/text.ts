/** The default report: violations grouped by resource, most severe first, then a summary line. */
import { CheckReport, NETWORK_WORDS, describeOffline, incompleteReason, summaryOf } from "./model";
import { groupByResource } from "./order";

function indent(text: string, spaces: number): string {
    return text
        .split("\n")
        .map((line) => " ".repeat(spaces) + line)
        .join("\n");
}

export function textReport(report: CheckReport, command = "check"): string {
    const lines: string[] = [];
    lines.push(`tierguard ${command} ${report.program} (project ${report.project}, stack ${report.stack}, ${report.mode} mode)`);
    const incomplete = incompleteReason(report.outcome);
    if (incomplete) lines.push(`INCOMPLETE: ${incomplete}.`);
    lines.push("");
    for (const group of groupByResource(report.violations)) {
        const first = group.violations[0];
        lines.push(`${first.resourceName}  (${first.resourceType}${first.modeled ? `; modeled from ${first.modeled}` : ""})`);
        for (const v of group.violations) {
            const level = v.enforcementLevel === "mandatory" ? "MANDATORY" : "advisory ";
            lines.push(`  ${level}  ${v.policy}  [${v.severity}]`);
            lines.push(indent(v.message, 14));
        }
        lines.push("");
    }
    const expanded = report.components.filter((c) => c.expandedBy !== "none");
    if (expanded.length > 0) {
        lines.push("Multi-language components:");
        for (const c of expanded) lines.push(`  ${c.name}  (${c.type}${c.version ? ` ${c.version}` : ""}): ${c.detail}`);
        lines.push("");
    }
    if (report.unchecked.length > 0) {
        lines.push("NOT CHECKED (multi-language components whose children no plugin or model made):");
        for (const u of report.unchecked) lines.push(`  ${u.name}  (${u.type}; ${NETWORK_WORDS[u.network]}): ${u.reason}`);
        lines.push("  Check them with: pulumi preview --policy-pack <path to tierguard>/policypack (or install the plugin: pulumi plugin install)");
        lines.push("");
    }
    if (report.offline.length > 0) {
        lines.push("Answered offline (no cloud, no backend):");
        for (const answer of report.offline) lines.push(`  ${describeOffline(answer)}`);
        lines.push("");
    }
    const summary = summaryOf(report);
    const affected = new Set(report.violations.map((v) => v.urn)).size;
    lines.push(
        `Summary: ${summary.mandatory} mandatory, ${summary.advisory} advisory violation${summary.mandatory + summary.advisory === 1 ? "" : "s"}` +
            ` on ${affected} of ${summary.resources} resources analysed` +
            (report.unchecked.length ? `; ${report.unchecked.length} component${report.unchecked.length === 1 ? "" : "s"} not checked offline` : "") +
            (incomplete ? "; INCOMPLETE" : "") +
            ".",
    );
    return lines.join("\n");
}
