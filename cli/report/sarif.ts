/**
 * `--format sarif`: SARIF 2.1.0 for code scanning (e.g. GitHub's upload-sarif). One rule per
 * policy with its description and remediation as help; results at "error" (mandatory) or
 * "warning" (advisory), located in the program file that registered the resource when known,
 * else in the scanned file, and always by URN as a logical location. A violation a policy exception
 * waived is a result with a `suppressions` entry (kind "external", status "accepted") whose
 * justification is the exception's ID and reason.
 *
 * Messages from outside tierguard are plain text escaped for SARIF (sarifText), file locations
 * are relative URI references (uriPath), and the log is written by jsonText, so no control
 * character reaches a terminal that shows it.
 */
import * as crypto from "crypto";
import * as path from "path";
import { fileURLToPath } from "url";
import { JudgedReport, ScanProblems } from "./checkReport";
import { describeOffline, incompleteReason } from "./runNotes";
import { Finding, alsoBroken, findingsOf } from "./order";
import { ruleFactsOf } from "./json";
import { exposed, exposureSecuritySeverity } from "./exposure";
import { jsonText, markdownText, sarifText, uriPath } from "./escape";
import { securitySeverity, severityOfNumber } from "../../policypack/model/severity";

/** A file (a path, or a file: URL from a program's stack trace) as a URI reference relative to the working directory. */
function relativeUri(file: string): string {
    return uriPath(path.relative(process.cwd(), absolutePathOf(file)).split(path.sep).join("/"));
}

function absolutePathOf(file: string): string {
    if (file.startsWith("file://")) {
        try {
            return fileURLToPath(file);
        } catch {
            // Not a URL Node can turn into a path (e.g. a file: URL naming another host): read it as a path.
        }
    }
    return path.resolve(file);
}

/** The rule of "a multi-language component was not checked" (not a policy of the pack: tierguard's own). */
const UNCHECKED_RULE = {
    id: "tierguard-unchecked-component",
    name: "UncheckedComponent",
    shortDescription: { text: "A multi-language component whose children were not checked" },
    fullDescription: {
        text: "A component whose children only its provider plugin creates, with no plugin installed and no model in tierguard: whatever network resources it creates were not judged.",
    },
    help: {
        text: "Install the component's provider plugin (pulumi plugin install resource <name> <version>) so tierguard can construct it, or check the stack with pulumi preview --policy-pack.",
        markdown:
            "Install the component's provider plugin (`pulumi plugin install resource <name> <version>`) so tierguard can construct it, or check the stack with `pulumi preview --policy-pack`.",
    },
    properties: { tags: ["security", "coverage"], "security-severity": "5.0" },
};

export function sarifReport(
    reports: Array<JudgedReport & { file?: string }>,
    options: { failOnUnchecked?: boolean; scanProblems?: ScanProblems } = {},
): string {
    const policies = reports[0]?.policies ?? [];
    const version: string = require("../../../package.json").version;
    const rules = policies.map((p) => ({
        id: p.name,
        name: p.name.replace(/(^|-)(\w)/g, (_, __, c: string) => c.toUpperCase()),
        shortDescription: { text: sarifText(p.description) },
        fullDescription: { text: sarifText(p.description) },
        // A policy's remediation is plain text: as Markdown it is escaped, not interpreted.
        help: { text: sarifText(p.remediationSteps), markdown: sarifText(markdownText(p.remediationSteps)) },
        defaultConfiguration: { level: p.enforcementLevel === "mandatory" ? "error" : "warning" },
        properties: { tags: ["security", ...p.tags], "security-severity": securitySeverity(severityOfNumber(p.severity)) },
    }));
    const hasUnchecked = reports.some((r) => r.unchecked.length > 0);
    const allRules = hasUnchecked ? [...rules, { ...UNCHECKED_RULE, defaultConfiguration: { level: options.failOnUnchecked ? "error" : "warning" } }] : rules;
    const ruleIndex = new Map(allRules.map((r, i) => [r.id, i]));
    const locationOf = (report: JudgedReport & { file?: string }, urn: string) => {
        const source = report.sources[urn];
        const fallback = report.file ?? path.join(report.program, "Pulumi.yaml");
        return source
            ? {
                  artifactLocation: { uri: relativeUri(source.uri), uriBaseId: "%SRCROOT%" },
                  region: { startLine: Math.max(1, source.line), ...(source.column > 0 ? { startColumn: source.column } : {}) },
              }
            : { artifactLocation: { uri: relativeUri(fallback), uriBaseId: "%SRCROOT%" }, region: { startLine: 1 } };
    };
    const uncheckedResults = reports.flatMap((report) =>
        report.unchecked.map((u) => ({
            ruleId: UNCHECKED_RULE.id,
            ruleIndex: ruleIndex.get(UNCHECKED_RULE.id),
            level: options.failOnUnchecked ? "error" : "warning",
            message: {
                text: `${sarifText(u.name)} (${sarifText(u.type)}) was NOT CHECKED: ${sarifText(u.reason)}. ${u.network === "no" ? "Its package creates no network resource." : u.network === "yes" ? "Its package creates network resources." : "Its package may create network resources."}`,
            },
            locations: [{ physicalLocation: locationOf(report, u.urn), logicalLocations: [{ fullyQualifiedName: u.urn, name: u.name, kind: "resource" }] }],
            partialFingerprints: { "tierguard/v1": crypto.createHash("sha256").update(`unchecked|${u.urn}`).digest("hex") },
            properties: { stack: report.stack, project: report.project, resourceType: u.type, network: u.network },
        })),
    );
    // One result per finding: a rule that breaks several policies is reported once, under its most
    // severe policy, naming the others (an alert per policy would be one mistake counted several times).
    const resultOf = (report: JudgedReport & { file?: string }, finding: Finding) => {
        const v = finding.lead;
        const physicalLocation = locationOf(report, v.urn);
        const also = alsoBroken(finding);
        // A finding with an exposure is scored by it (see exposure.ts); others keep their rule's score.
        const withExposure = exposed(finding);
        const graded = withExposure ? exposureSecuritySeverity({ ...withExposure, severity: v.severity }) : undefined;
        return {
            ruleId: v.policy,
            ...(ruleIndex.has(v.policy) ? { ruleIndex: ruleIndex.get(v.policy) } : {}),
            level: v.enforcementLevel === "mandatory" ? "error" : "warning",
            message: { text: sarifText(also.length > 0 ? `${v.message} The same rule also breaks: ${also.join(", ")}.` : v.message) },
            locations: [{ physicalLocation, logicalLocations: [{ fullyQualifiedName: v.urn, name: v.resourceName, kind: "resource" }] }],
            partialFingerprints: { "tierguard/v1": crypto.createHash("sha256").update(`${v.policy}|${v.urn}|${v.message}`).digest("hex") },
            properties: {
                stack: report.stack,
                project: report.project,
                resourceType: v.resourceType,
                severity: v.severity,
                policies: finding.violations.map((o) => o.policy),
                ...ruleFactsOf(v),
                ...(withExposure && !v.exposure ? { exposure: withExposure.exposure, exposureReason: withExposure.exposureReason } : {}),
                ...(graded ? { "security-severity": graded } : {}),
                ...(v.modeled ? { modeled: v.modeled } : {}),
                ...(v.drift ? { drift: true } : {}),
                ...(v.expiredException ? { expiredException: v.expiredException } : {}),
            },
            // An exempted violation is reported as Pulumi reports it, marked with the exception that waived it.
            ...(v.exception
                ? {
                      suppressions: [
                          {
                              kind: "external",
                              status: "accepted",
                              justification: sarifText(`policy exception ${v.exception.id}: ${v.exception.reason}`),
                              properties: { exception: v.exception },
                          },
                      ],
                  }
                : {}),
        };
    };
    const results = reports.flatMap((report) => [
        ...findingsOf(report.violations).map((finding) => resultOf(report, finding)),
        // One result per exempted violation: each carries the exception that waived it.
        ...(report.exempted ?? []).map((v) => resultOf(report, { lead: v, violations: [v] })),
    ]);
    return jsonText({
        $schema: "https://json.schemastore.org/sarif-2.1.0.json",
        version: "2.1.0",
        runs: [
            {
                tool: { driver: { name: "tierguard", version, informationUri: "https://www.npmjs.com/package/tierguard", rules: allRules } },
                invocations: [invocationOf(reports, options.scanProblems)],
                results: [...results, ...uncheckedResults],
                properties: { offlineAnswers: reports.flatMap((r) => r.offline.map((answer) => ({ stack: r.stack, ...answer }))) },
            },
        ],
    });
}

/**
 * Whether every program ran to completion, with a notification for each one that did not and for
 * each answer that did not come from the cloud (a reviewer should know what the verdicts rest on).
 */
function invocationOf(reports: JudgedReport[], scanProblems: ScanProblems = { errors: [], skipped: [] }) {
    const inFile = (file: string) => [{ physicalLocation: { artifactLocation: { uri: relativeUri(file), uriBaseId: "%SRCROOT%" } } }];
    const fileNotifications = [
        ...scanProblems.errors.map((e) => ({ level: "error", message: { text: sarifText(`could not scan ${e.message}`) }, locations: inFile(e.file) })),
        ...scanProblems.skipped.map((s) => ({ level: "note", message: { text: sarifText(`skipped ${s.path}: ${s.reason}`) }, locations: inFile(s.path) })),
    ];
    const notifications = [
        ...fileNotifications,
        ...reports.flatMap((report) => {
            const incomplete = incompleteReason(report.outcome);
            const failure = report.outcome.status === "failed" ? `: ${report.outcome.errors.join("\n")}` : "";
            return [
                ...(incomplete
                    ? [{ level: "error", message: { text: sarifText(`${report.project}/${report.stack}: INCOMPLETE: ${incomplete}${failure}`) } }]
                    : []),
                ...report.offline.map((answer) => ({
                    level: "note",
                    message: { text: sarifText(`${report.project}/${report.stack}: answered offline: ${describeOffline(answer)}`) },
                })),
            ];
        }),
    ];
    return {
        executionSuccessful: reports.every((r) => r.outcome.status === "completed") && scanProblems.errors.length === 0,
        ...(notifications.length > 0 ? { toolExecutionNotifications: notifications } : {}),
    };
}
