/** `--format markdown`: a pull-request comment — a summary table, then violations by resource. */
import { CheckReport, describeOffline, incompleteReason, summaryOf } from "./model";
import { groupByResource } from "./order";

function escape(text: string): string {
    return text.replace(/\|/g, "\\|").replace(/\n/g, " ");
}

export function markdownReport(reports: Array<CheckReport & { file?: string }>, graphs: string[] = []): string {
    const lines: string[] = ["## tierguard", ""];
    lines.push("| stack | mandatory | advisory | resources analysed |", "|---|---:|---:|---:|");
    for (const report of reports) {
        const s = summaryOf(report);
        const stack = `${escape(`${report.project}/${report.stack}`)}${report.outcome.status === "completed" ? "" : " ⛔ incomplete"}`;
        lines.push(`| ${stack} | ${s.mandatory ? `**${s.mandatory}**` : "0"} | ${s.advisory} | ${s.resources} |`);
    }
    reports.forEach((report, i) => {
        lines.push("", `### ${escape(`${report.project}/${report.stack}`)} (${report.file ?? report.program}, ${report.mode} mode)`, "");
        const incomplete = incompleteReason(report.outcome);
        if (incomplete) lines.push(`⛔ **Incomplete:** ${escape(incomplete)}.`, "");
        if (report.violations.length === 0) lines.push(incomplete ? "No violations among the resources registered." : "No violations.");
        for (const group of groupByResource(report.violations)) {
            const first = group.violations[0];
            lines.push(`<details${group.violations.some((v) => v.enforcementLevel === "mandatory") ? " open" : ""}><summary><b>${escape(first.resourceName)}</b> <code>${escape(first.resourceType)}</code> — ${group.violations.length} violation${group.violations.length === 1 ? "" : "s"}</summary>`, "");
            for (const v of group.violations) lines.push(`- ${v.enforcementLevel === "mandatory" ? "🛑 **mandatory**" : "⚠️ advisory"} \`${v.policy}\` (${v.severity}): ${escape(v.message)}`);
            lines.push("", "</details>");
        }
        if (report.unchecked.length > 0) {
            lines.push("", `**Not checked offline:** ${report.unchecked.map((u) => `\`${u.name}\` (${u.type})`).join(", ")} — run \`pulumi preview --policy-pack\` for their children.`);
        }
        if (report.offline.length > 0) {
            lines.push("", "<details><summary>Answered offline (no cloud, no backend)</summary>", "");
            for (const answer of report.offline) lines.push(`- ${escape(describeOffline(answer))}`);
            lines.push("", "</details>");
        }
        if (graphs[i]) lines.push("", "```mermaid", graphs[i], "```");
    });
    return lines.join("\n");
}
