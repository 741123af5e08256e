/** `--format markdown`: a pull-request comment — a summary table, then violations by resource. */
import { CheckReport, NETWORK_WORDS, ScanProblems, describeOffline, incompleteReason, summaryOf } from "./model";
import { groupByResource } from "./order";

function escape(text: string): string {
    return text.replace(/\|/g, "\\|").replace(/\n/g, " ");
}

export function markdownReport(reports: Array<CheckReport & { file?: string }>, graphs: string[] = [], scanProblems?: ScanProblems): string {
    const lines: string[] = ["## tierguard", ""];
    if (scanProblems && scanProblems.errors.length > 0) {
        lines.push(`⛔ **${scanProblems.errors.length} file${scanProblems.errors.length === 1 ? "" : "s"} could not be scanned:**`, "");
        for (const e of scanProblems.errors) lines.push(`- ${escape(e.message)}`);
        lines.push("");
    }
    if (scanProblems && scanProblems.skipped.length > 0) {
        lines.push("<details><summary>Skipped</summary>", "");
        for (const s of scanProblems.skipped) lines.push(`- \`${escape(s.path)}\`: ${escape(s.reason)}`);
        lines.push("", "</details>", "");
    }
    const unchecked = reports.reduce((sum, r) => sum + r.unchecked.length, 0);
    if (unchecked > 0) {
        lines.push(`⚠️ **${unchecked} multi-language component${unchecked === 1 ? " was" : "s were"} not checked**: whatever ${unchecked === 1 ? "it creates" : "they create"} was not judged (listed below).`, "");
    }
    lines.push("| stack | mandatory | advisory | resources analysed | not checked |", "|---|---:|---:|---:|---:|");
    for (const report of reports) {
        const s = summaryOf(report);
        const stack = `${escape(`${report.project}/${report.stack}`)}${report.outcome.status === "completed" ? "" : " ⛔ incomplete"}`;
        lines.push(`| ${stack} | ${s.mandatory ? `**${s.mandatory}**` : "0"} | ${s.advisory} | ${s.resources} | ${report.unchecked.length ? `**${report.unchecked.length}**` : "0"} |`);
    }
    reports.forEach((report, i) => {
        lines.push("", `### ${escape(`${report.project}/${report.stack}`)} (${report.file ?? report.program}, ${report.mode} mode)`, "");
        const incomplete = incompleteReason(report.outcome);
        if (incomplete) lines.push(`⛔ **Incomplete:** ${escape(incomplete)}.`, "");
        if (report.violations.length === 0) {
            const notChecked = report.unchecked.length > 0 ? ` ${report.unchecked.length} multi-language component${report.unchecked.length === 1 ? " was" : "s were"} not checked (below).` : "";
            lines.push(incomplete ? `No violations among the resources registered.${notChecked}` : notChecked ? `No violations among the resources checked.${notChecked}` : "No violations.");
        }
        for (const group of groupByResource(report.violations)) {
            const first = group.violations[0];
            lines.push(`<details${group.violations.some((v) => v.enforcementLevel === "mandatory") ? " open" : ""}><summary><b>${escape(first.resourceName)}</b> <code>${escape(first.resourceType)}</code> — ${group.violations.length} violation${group.violations.length === 1 ? "" : "s"}</summary>`, "");
            if (first.modeled) lines.push(`_Modeled from ${escape(first.modeled)} (tierguard's model of the component that creates it)._`, "");
            for (const v of group.violations) lines.push(`- ${v.enforcementLevel === "mandatory" ? "🛑 **mandatory**" : "⚠️ advisory"} \`${v.policy}\` (${v.severity}): ${escape(v.message)}`);
            lines.push("", "</details>");
        }
        if (report.unchecked.length > 0) {
            lines.push("", "**Not checked** (run `pulumi preview --policy-pack`, or install their provider plugins, to judge their children):", "");
            for (const u of report.unchecked) lines.push(`- \`${escape(u.name)}\` (${escape(u.type)}; ${NETWORK_WORDS[u.network]}): ${escape(u.reason)}`);
        }
        const expanded = report.components.filter((c) => c.expandedBy !== "none");
        if (expanded.length > 0) {
            lines.push("", "<details><summary>Multi-language components</summary>", "");
            for (const c of expanded) lines.push(`- \`${escape(c.name)}\` (${escape(c.type)}${c.version ? ` ${escape(c.version)}` : ""}): ${escape(c.detail)}`);
            lines.push("", "</details>");
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
