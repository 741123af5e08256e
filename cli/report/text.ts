/**
 * The default report: violations grouped by resource, most severe first, then a summary line.
 * Everything from outside tierguard goes through terminalText, so its control characters show as
 * escape sequences instead of acting on the terminal.
 */
import { JudgedReport } from "./checkReport";
import { summaryOf, summaryWords } from "./summary";
import { NETWORK_WORDS, describeOffline, incompleteReason } from "./runNotes";
import { alsoBroken, groupByResource } from "./order";
import { terminalText } from "./escape";
import { GRADED_WORDS, exposed, exposureTag } from "./exposure";
import { statusWords } from "../policyExceptions";

function indent(text: string, spaces: number): string {
    return text
        .split("\n")
        .map((line) => " ".repeat(spaces) + line)
        .join("\n");
}

export function textReport(report: JudgedReport, command = "check"): string {
    const lines: string[] = [];
    lines.push(
        `tierguard ${command} ${terminalText(report.program)} (project ${terminalText(report.project)}, stack ${terminalText(report.stack)}, ${report.mode} mode)`,
    );
    const incomplete = incompleteReason(report.outcome);
    if (incomplete) lines.push(`INCOMPLETE: ${incomplete}.`);
    lines.push("");
    for (const group of groupByResource(report.violations)) {
        const first = group.findings[0].lead;
        lines.push(
            `${terminalText(first.resourceName)}  (${terminalText(first.resourceType)}${first.modeled ? `; modeled from ${terminalText(first.modeled)}` : ""})`,
        );
        for (const finding of group.findings) {
            const v = finding.lead;
            const level = v.enforcementLevel === "mandatory" ? "MANDATORY" : "advisory ";
            const withExposure = exposed(finding);
            const tag = exposureTag(withExposure);
            lines.push(
                `  ${level}  ${terminalText(v.policy)}  [${terminalText(v.severity)}]${tag ? `  [${terminalText(tag)}]` : ""}${v.gradedFrom ? ` (${GRADED_WORDS})` : ""}`,
            );
            // A message may span lines; each is indented, so none can pass for a line of tierguard's.
            lines.push(indent(terminalText(v.message, { multiline: true }), 14));
            const also = alsoBroken(finding);
            if (also.length > 0) lines.push(indent(`The same rule also breaks: ${terminalText(also.join(", "))}.`, 14));
            if (withExposure?.exposureReason && withExposure.exposure !== "reachable")
                lines.push(indent(`Exposure (${withExposure.exposure}): ${terminalText(withExposure.exposureReason)}.`, 14));
        }
        lines.push("");
    }
    lines.push(...exceptionLines(report));
    const expanded = report.components.filter((c) => c.expandedBy !== "none");
    if (expanded.length > 0) {
        lines.push("Multi-language components:");
        for (const c of expanded)
            lines.push(`  ${terminalText(c.name)}  (${terminalText(c.type)}${c.version ? ` ${terminalText(c.version)}` : ""}): ${terminalText(c.detail)}`);
        lines.push("");
    }
    if (report.unchecked.length > 0) {
        lines.push("NOT CHECKED (multi-language components whose children no plugin or model made):");
        for (const u of report.unchecked)
            lines.push(`  ${terminalText(u.name)}  (${terminalText(u.type)}; ${NETWORK_WORDS[u.network]}): ${terminalText(u.reason)}`);
        lines.push("  Check them with: pulumi preview --policy-pack <path to tierguard>/policypack (or install the plugin: pulumi plugin install)");
        lines.push("");
    }
    if (report.offline.length > 0) {
        lines.push("Answered offline (no cloud, no backend):");
        for (const answer of report.offline) lines.push(`  ${terminalText(describeOffline(answer))}`);
        lines.push("");
    }
    lines.push(
        `Summary: ${summaryWords(summaryOf(report))}` +
            (report.unchecked.length ? `; ${report.unchecked.length} component${report.unchecked.length === 1 ? "" : "s"} not checked offline` : "") +
            (incomplete ? "; INCOMPLETE" : "") +
            ".",
    );
    return lines.join("\n");
}

/** The violations policy exceptions waived (reported, not counted), then every exception with its status and what it waived. */
function exceptionLines(report: JudgedReport): string[] {
    const lines: string[] = [];
    const exempted = report.exempted ?? [];
    if (exempted.length > 0) {
        lines.push("EXEMPTED by policy exceptions (reported, not counted):");
        for (const v of exempted) {
            lines.push(
                `  ${terminalText(v.resourceName)}  (${terminalText(v.resourceType)})  ${terminalText(v.policy)}  [${terminalText(v.severity)}]  was ${v.enforcementLevel}`,
            );
            lines.push(indent(terminalText(v.message, { multiline: true }), 14));
            lines.push(indent(`Exempted by exception ${terminalText(v.exception!.id)}: ${terminalText(v.exception!.reason, { multiline: true })}`, 14));
        }
        lines.push("");
    }
    const exceptions = report.exceptions ?? [];
    if (exceptions.length > 0) {
        lines.push("Policy exceptions (policy config file):");
        for (const e of exceptions) {
            lines.push(`  ${terminalText(e.id)}  ${terminalText(statusWords(e))}: ${terminalText(e.reason, { multiline: true })}`);
            const what = e.waived.map((w) => `${terminalText(w.policy)} on ${terminalText(w.resourceName)}`).join(", ");
            if (e.status === "expired") lines.push(`    ${e.waived.length > 0 ? `would have waived (now counted): ${what}` : "covers nothing in this stack"}`);
            else lines.push(`    ${e.waived.length > 0 ? `waived ${e.waived.length}: ${what}` : "waived nothing in this stack"}`);
        }
        lines.push("");
    }
    return lines;
}
