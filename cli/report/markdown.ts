/**
 * `--format markdown`: a pull-request comment — a summary table, then violations by resource and
 * each stack's network as a Mermaid graph. Everything from outside tierguard is escaped (escape.ts):
 * inside HTML (`<summary>`) as HTML, elsewhere as Markdown inline text or code spans, so no name or
 * message can open a comment, close a `<details>`, start a line of its own or format itself.
 *
 * GitHub refuses longer comments, so the report is kept within MARKDOWN_BUDGET characters: when the
 * whole of it would be longer, it leaves out the graphs, then the violations' messages (one line per
 * resource), then the tail of each list (least severe last), then whole stacks — and says at the top
 * and in place what it left out, pointing to the SARIF and JSON reports for everything.
 */
import { JudgedReport, ScanProblems } from "./checkReport";
import { summaryOf } from "./summary";
import { NETWORK_WORDS, describeOffline, incompleteReason } from "./runNotes";
import { Finding, groupByResource } from "./order";
import { htmlText, markdownCode, markdownText } from "./escape";
import { GRADED_WORDS, exposed, exposureTag } from "./exposure";
import { statusWords } from "../policyExceptions";

/** GitHub refuses a comment longer than this many characters. */
export const GITHUB_COMMENT_LIMIT = 65_536;
/** What the report takes at most: the rest of GitHub's limit is room for a workflow's own header or marker. */
export const MARKDOWN_BUDGET = 64_000;

type Report = JudgedReport & { file?: string };

/** How much a rendering shows; each step of shortening shows less. */
interface Detail {
    graphs: boolean;
    /** Each violation with its message (else one line per resource naming its policies). */
    messages: boolean;
    /** The most entries each list of a stack shows (resources with violations, components, offline answers). */
    perList: number;
    /** The most stacks shown. */
    stacks: number;
}

/** What a rendering left out, counted for the notes that say so. */
interface LeftOut {
    graphs: number;
    messages: number;
    resources: number;
    violations: number;
    components: number;
    offline: number;
    stacks: number;
}

const ALL = Number.POSITIVE_INFINITY;

/**
 * The report of `reports`, each with its Mermaid graph (`graphs[i]`). `graphsOverBudget`: the graphs
 * together are longer than MARKDOWN_BUDGET, so none can be shown (a scan then keeps only a stand-in
 * for each, see scan.ts): the report starts from leaving them out.
 */
export function markdownReport(reports: Report[], graphs: string[] = [], scanProblems?: ScanProblems, options: { graphsOverBudget?: boolean } = {}): string {
    const render = (detail: Detail) => renderReport(reports, graphs, detail, scanProblems);
    const details = [
        { graphs: true, messages: true, perList: ALL, stacks: ALL },
        { graphs: false, messages: true, perList: ALL, stacks: ALL },
        { graphs: false, messages: false, perList: ALL, stacks: ALL },
    ];
    for (const detail of options.graphsOverBudget ? details.slice(1) : details) {
        const text = render(detail);
        if (fits(text)) return text;
    }
    const longestList = Math.max(0, ...reports.map(longestListOf));
    const everyStack = largestFitting(longestList - 1, (perList) => render({ graphs: false, messages: false, perList, stacks: ALL }));
    if (everyStack !== undefined) return everyStack;
    // Only the summary lines of thousands of stacks are left, and still too many: show the first stacks.
    const someStacks = largestFitting(reports.length - 1, (stacks) => render({ graphs: false, messages: false, perList: 0, stacks }));
    return someStacks ?? render({ graphs: false, messages: false, perList: 0, stacks: 0 });
}

function fits(text: string): boolean {
    return text.length <= MARKDOWN_BUDGET;
}

/** The rendering for the largest n in 0..max that fits, if any (a rendering grows with n, so a binary search finds it). */
function largestFitting(max: number, renderWith: (n: number) => string): string | undefined {
    let best: string | undefined;
    let low = 0;
    let high = max;
    while (low <= high) {
        const middle = Math.floor((low + high) / 2);
        const text = renderWith(middle);
        if (fits(text)) {
            best = text;
            low = middle + 1;
        } else {
            high = middle - 1;
        }
    }
    return best;
}

function longestListOf(report: Report): number {
    const resources = new Set(report.violations.map((v) => v.urn)).size;
    return Math.max(resources, report.unchecked.length, expandedOf(report).length, report.offline.length);
}

function renderReport(reports: Report[], graphs: string[], detail: Detail, scanProblems?: ScanProblems): string {
    const leftOut: LeftOut = { graphs: 0, messages: 0, resources: 0, violations: 0, components: 0, offline: 0, stacks: 0 };
    const shown = reports.slice(0, detail.stacks);
    leftOut.stacks = reports.length - shown.length;
    const body = summaryTable(reports, shown.length);
    shown.forEach((report, i) => body.push(...stackSection(report, graphs[i], detail, leftOut)));
    return ["## tierguard", "", ...scanProblemLines(scanProblems, detail), ...uncheckedBanner(reports), ...shortenedNote(leftOut), ...body].join("\n");
}

const plural = (count: number, one: string, many = `${one}s`) => `${count.toLocaleString("en-US")} ${count === 1 ? one : many}`;

/** Files a scan could not judge (always shown, they hide findings) and folders it passed over. */
function scanProblemLines(problems: ScanProblems | undefined, detail: Detail): string[] {
    if (!problems) return [];
    const lines: string[] = [];
    if (problems.errors.length > 0) {
        lines.push(`⛔ **${plural(problems.errors.length, "file")} could not be scanned:**`, "");
        const shown = problems.errors.slice(0, Math.max(detail.perList, 20));
        for (const e of shown) lines.push(`- ${markdownText(e.message)}`);
        lines.push(...moreLine(problems.errors.length - shown.length, "file that could not be scanned"), "");
    }
    if (problems.skipped.length > 0) {
        lines.push("<details><summary>Skipped</summary>", "");
        const shown = problems.skipped.slice(0, detail.perList);
        for (const s of shown) lines.push(`- ${markdownCode(s.path)}: ${markdownText(s.reason)}`);
        lines.push(...moreLine(problems.skipped.length - shown.length, "skipped folder"));
        lines.push("", "</details>", "");
    }
    return lines;
}

function uncheckedBanner(reports: Report[]): string[] {
    const unchecked = reports.reduce((sum, r) => sum + r.unchecked.length, 0);
    if (unchecked === 0) return [];
    return [
        `⚠️ **${unchecked} multi-language component${unchecked === 1 ? " was" : "s were"} not checked**: whatever ${unchecked === 1 ? "it creates" : "they create"} was not judged (listed below).`,
        "",
    ];
}

/** The note at the top of a shortened report: what was left out, and where to find all of it. */
function shortenedNote(leftOut: LeftOut): string[] {
    const parts: string[] = [];
    if (leftOut.graphs > 0) parts.push(leftOut.graphs === 1 ? "the network graph was left out" : `the ${leftOut.graphs} network graphs were left out`);
    if (leftOut.messages > 0) parts.push(`findings are listed one line per resource, without their messages (${plural(leftOut.messages, "message")} left out)`);
    if (leftOut.resources > 0)
        parts.push(
            `${plural(leftOut.resources, "resource")} with ${plural(leftOut.violations, "finding")} ${leftOut.resources === 1 ? "is" : "are"} not listed`,
        );
    if (leftOut.components > 0) parts.push(`${plural(leftOut.components, "multi-language component")} ${leftOut.components === 1 ? "is" : "are"} not listed`);
    if (leftOut.offline > 0) parts.push(`${plural(leftOut.offline, "offline answer")} ${leftOut.offline === 1 ? "is" : "are"} not listed`);
    if (leftOut.stacks > 0) parts.push(`${plural(leftOut.stacks, "stack")} ${leftOut.stacks === 1 ? "is" : "are"} not shown`);
    if (parts.length === 0) return [];
    return [
        `✂️ **Shortened to fit GitHub's ${GITHUB_COMMENT_LIMIT.toLocaleString("en-US")}-character comment limit:** ${parts.join("; ")}. ` +
            "The SARIF (`--format sarif`) and JSON (`--format json`) reports list everything.",
        "",
    ];
}

function summaryTable(reports: Report[], shown: number): string[] {
    // Findings, not policy violations: one rule that breaks three policies is one mistake to fix.
    const lines = [
        "| stack | mandatory findings | advisory findings | resources with violations | resources analysed | not checked |",
        "|---|---:|---:|---:|---:|---:|",
    ];
    for (const report of reports.slice(0, shown)) {
        const s = summaryOf(report);
        const stack = `${markdownText(`${report.project}/${report.stack}`)}${report.outcome.status === "completed" ? "" : " ⛔ incomplete"}`;
        lines.push(
            `| ${stack} | ${s.findings.mandatory ? `**${s.findings.mandatory}**` : "0"} | ${s.findings.advisory} | ${s.resourcesWithViolations} | ${s.resources} | ${report.unchecked.length ? `**${report.unchecked.length}**` : "0"} |`,
        );
    }
    const hidden = reports.slice(shown);
    if (hidden.length > 0) {
        const total = (key: "mandatory" | "advisory") => hidden.reduce((sum, r) => sum + summaryOf(r).findings[key], 0);
        lines.push(
            "",
            `_…and ${plural(hidden.length, "more stack")} (${total("mandatory")} mandatory, ${total("advisory")} advisory findings), left out to fit the comment limit._`,
        );
    }
    return lines;
}

function stackSection(report: Report, graph: string | undefined, detail: Detail, leftOut: LeftOut): string[] {
    const lines = ["", `### ${markdownText(`${report.project}/${report.stack}`)} (${markdownText(report.file ?? report.program)}, ${report.mode} mode)`, ""];
    const incomplete = incompleteReason(report.outcome);
    if (incomplete) lines.push(`⛔ **Incomplete:** ${markdownText(incomplete)}.`, "");
    if (report.violations.length === 0) {
        const notChecked =
            report.unchecked.length > 0
                ? ` ${report.unchecked.length} multi-language component${report.unchecked.length === 1 ? " was" : "s were"} not checked (below).`
                : "";
        lines.push(
            incomplete
                ? `No violations among the resources registered.${notChecked}`
                : notChecked
                  ? `No violations among the resources checked.${notChecked}`
                  : report.exempted?.length
                    ? `No violations but the ${plural(report.exempted.length, "one")} policy exceptions waived (below).`
                    : "No violations.",
        );
    }
    lines.push(...violationLines(report, detail, leftOut));
    lines.push(...exceptionSection(report, detail));
    if (report.unchecked.length > 0) {
        lines.push("", "**Not checked** (run `pulumi preview --policy-pack`, or install their provider plugins, to judge their children):", "");
        const shown = report.unchecked.slice(0, detail.perList);
        for (const u of shown) lines.push(`- ${markdownCode(u.name)} (${markdownText(u.type)}; ${NETWORK_WORDS[u.network]}): ${markdownText(u.reason)}`);
        lines.push(...moreLine(report.unchecked.length - shown.length, "multi-language component"));
        leftOut.components += report.unchecked.length - shown.length;
    }
    const expanded = expandedOf(report);
    if (expanded.length > 0) {
        lines.push("", "<details><summary>Multi-language components</summary>", "");
        const shown = expanded.slice(0, detail.perList);
        for (const c of shown)
            lines.push(`- ${markdownCode(c.name)} (${markdownText(c.type)}${c.version ? ` ${markdownText(c.version)}` : ""}): ${markdownText(c.detail)}`);
        lines.push(...moreLine(expanded.length - shown.length, "multi-language component"));
        lines.push("", "</details>");
        leftOut.components += expanded.length - shown.length;
    }
    if (report.offline.length > 0) {
        lines.push("", "<details><summary>Answered offline (no cloud, no backend)</summary>", "");
        const shown = report.offline.slice(0, detail.perList);
        for (const answer of shown) lines.push(`- ${markdownText(describeOffline(answer))}`);
        lines.push(...moreLine(report.offline.length - shown.length, "offline answer"));
        lines.push("", "</details>");
        leftOut.offline += report.offline.length - shown.length;
    }
    if (graph && detail.graphs) lines.push("", "```mermaid", graph, "```");
    if (graph && !detail.graphs) leftOut.graphs++;
    return lines;
}

/** The config file's policy exceptions: each with its status, its reason and the violations it waived (reported, not counted). */
function exceptionSection(report: Report, detail: Detail): string[] {
    const exceptions = report.exceptions ?? [];
    if (exceptions.length === 0) return [];
    const exempted = report.exempted?.length ?? 0;
    const lines = ["", `<details><summary>Policy exceptions: ${plural(exempted, "violation")} exempted (reported, not counted)</summary>`, ""];
    for (const e of exceptions.slice(0, detail.perList)) {
        const status = e.status === "expired" ? `⚠️ **${markdownText(statusWords(e))}**` : markdownText(statusWords(e));
        lines.push(`- ${markdownCode(e.id)} — ${status}: ${markdownText(e.reason)}`);
        const shown = e.waived.slice(0, detail.perList);
        const verb = e.status === "expired" ? "would have waived (now counted)" : "waived";
        if (e.waived.length === 0) lines.push(`  - ${e.status === "expired" ? "covers nothing in this stack" : "waived nothing in this stack"}`);
        for (const w of shown) lines.push(`  - ${verb}: ${markdownCode(w.policy)} on ${markdownCode(w.resourceName)} (${w.enforcementLevel})`);
        lines.push(...moreLine(e.waived.length - shown.length, "waived violation").map((line) => (line ? `  ${line}` : line)));
    }
    lines.push(...moreLine(exceptions.length - Math.min(exceptions.length, detail.perList), "exception"));
    lines.push("", "</details>");
    return lines;
}

function expandedOf(report: Report) {
    return report.components.filter((c) => c.expandedBy !== "none");
}

/** The resources with violations, most severe first: in full, or one line each; the rest counted. */
function violationLines(report: Report, detail: Detail, leftOut: LeftOut): string[] {
    const groups = groupByResource(report.violations);
    const shown = groups.slice(0, detail.perList);
    const lines = detail.messages ? shown.flatMap(resourceDetails) : shown.map(resourceLine);
    if (!detail.messages) leftOut.messages += shown.reduce((sum, g) => sum + g.findings.length, 0);
    const hidden = groups.slice(shown.length);
    const hiddenFindings = hidden.reduce((sum, g) => sum + g.findings.length, 0);
    leftOut.resources += hidden.length;
    leftOut.violations += hiddenFindings;
    if (hidden.length > 0)
        lines.push("", `_…and ${plural(hidden.length, "more resource")} with ${plural(hiddenFindings, "finding")}, left out to fit the comment limit._`);
    return lines;
}

const isMandatory = (f: Finding) => f.lead.enforcementLevel === "mandatory";

/** ` **[latent: no public address]** _(graded advisory …)_`: the finding's exposure tag, and why it is advisory when graded. */
function exposureMarkdown(finding: Finding): string {
    const tag = exposureTag(exposed(finding));
    if (!tag) return "";
    return ` **[${markdownText(tag)}]**${finding.lead.gradedFrom ? ` _(${markdownText(GRADED_WORDS)})_` : ""}`;
}

/** ` _Exposure (latent):_ "app-0": it has no public IP…`: what is missing (or not known) for a finding that is not reachable. */
function exposureReasonMarkdown(finding: Finding): string {
    const v = exposed(finding);
    if (!v?.exposureReason || v.exposure === "reachable") return "";
    return ` _Exposure (${markdownText(v.exposure!)}):_ ${markdownText(v.exposureReason)}.`;
}

type ResourceGroup = ReturnType<typeof groupByResource>[number];

/** A resource's findings with their messages, in a `<details>` open when one is mandatory. */
function resourceDetails(group: ResourceGroup): string[] {
    const first = group.findings[0].lead;
    const count = plural(group.findings.length, "finding");
    const lines = [
        `<details${group.findings.some(isMandatory) ? " open" : ""}><summary><b>${htmlText(first.resourceName)}</b> <code>${htmlText(first.resourceType)}</code> — ${count}</summary>`,
        "",
    ];
    if (first.modeled) lines.push(`_Modeled from ${markdownText(first.modeled)} (tierguard's model of the component that creates it)._`, "");
    for (const finding of group.findings) {
        const v = finding.lead;
        const also = finding.violations.slice(1).map((o) => `${markdownCode(o.policy)} (${o.enforcementLevel})`);
        lines.push(
            `- ${isMandatory(finding) ? "🛑 **mandatory**" : "⚠️ advisory"} ${markdownCode(v.policy)} (${markdownText(v.severity)})${exposureMarkdown(finding)}: ${markdownText(v.message)}${also.length ? ` _The same rule also breaks:_ ${also.join(", ")}.` : ""}${exposureReasonMarkdown(finding)}`,
        );
    }
    lines.push("", "</details>");
    return lines;
}

/** A resource in one line, when messages were left out: its name, type and the policies it violates. */
function resourceLine(group: ResourceGroup): string {
    const first = group.findings[0].lead;
    const policies = [...new Set(group.findings.flatMap((f) => f.violations.map((v) => v.policy)))].map(markdownCode).join(", ");
    const mark = group.findings.some(isMandatory) ? "🛑" : "⚠️";
    return `- ${mark} **${markdownText(first.resourceName)}** ${markdownCode(first.resourceType)} — ${plural(group.findings.length, "finding")}: ${policies}`;
}

function moreLine(hidden: number, what: string): string[] {
    return hidden > 0 ? [`- _…and ${plural(hidden, `more ${what}`)}, left out to fit the comment limit._`] : [];
}
