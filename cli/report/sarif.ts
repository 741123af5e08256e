/**
 * `--format sarif`: SARIF 2.1.0 for code scanning (e.g. GitHub's upload-sarif). One rule per
 * policy with its description and remediation as help; results at "error" (mandatory) or
 * "warning" (advisory), located in the program file that registered the resource when known,
 * else in the scanned file, and always by URN as a logical location.
 */
import * as crypto from "crypto";
import * as path from "path";
import { fileURLToPath } from "url";
import { CheckReport, describeOffline, incompleteReason } from "./model";
import { bySeverity } from "./order";

const SECURITY_SEVERITY: Record<string, string> = { critical: "9.5", high: "8.0", medium: "5.5", low: "3.0" };
const SEVERITY_NAMES = ["", "low", "medium", "high", "critical"];

function relativeUri(file: string): string {
    const absolute = file.startsWith("file://") ? fileURLToPath(file) : path.resolve(file);
    return path.relative(process.cwd(), absolute).split(path.sep).join("/");
}

export function sarifReport(reports: Array<CheckReport & { file?: string }>): string {
    const policies = reports[0]?.policies ?? [];
    const version: string = require("../../../package.json").version;
    const rules = policies.map((p) => ({
        id: p.name,
        name: p.name.replace(/(^|-)(\w)/g, (_, __, c: string) => c.toUpperCase()),
        shortDescription: { text: p.description },
        fullDescription: { text: p.description },
        help: { text: p.remediationSteps, markdown: p.remediationSteps },
        defaultConfiguration: { level: p.enforcementLevel === "mandatory" ? "error" : "warning" },
        properties: { tags: ["security", ...p.tags], "security-severity": SECURITY_SEVERITY[SEVERITY_NAMES[p.severity]] ?? "5.0" },
    }));
    const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
    const results = reports.flatMap((report) =>
        [...report.violations].sort(bySeverity).map((v) => {
            const source = report.sources[v.urn];
            const fallback = report.file ?? path.join(report.program, "Pulumi.yaml");
            const physicalLocation = source
                ? { artifactLocation: { uri: relativeUri(source.uri), uriBaseId: "%SRCROOT%" }, region: { startLine: Math.max(1, source.line), ...(source.column > 0 ? { startColumn: source.column } : {}) } }
                : { artifactLocation: { uri: relativeUri(fallback), uriBaseId: "%SRCROOT%" }, region: { startLine: 1 } };
            return {
                ruleId: v.policy,
                ...(ruleIndex.has(v.policy) ? { ruleIndex: ruleIndex.get(v.policy) } : {}),
                level: v.enforcementLevel === "mandatory" ? "error" : "warning",
                message: { text: v.message },
                locations: [{ physicalLocation, logicalLocations: [{ fullyQualifiedName: v.urn, name: v.resourceName, kind: "resource" }] }],
                partialFingerprints: { "tierguard/v1": crypto.createHash("sha256").update(`${v.policy}|${v.urn}|${v.message}`).digest("hex") },
                properties: { stack: report.stack, project: report.project, resourceType: v.resourceType, severity: v.severity },
            };
        }),
    );
    return JSON.stringify(
        {
            $schema: "https://json.schemastore.org/sarif-2.1.0.json",
            version: "2.1.0",
            runs: [
                {
                    tool: { driver: { name: "tierguard", version, informationUri: "https://www.npmjs.com/package/tierguard", rules } },
                    invocations: [invocationOf(reports)],
                    results,
                    properties: { offlineAnswers: reports.flatMap((r) => r.offline.map((answer) => ({ stack: r.stack, ...answer }))) },
                },
            ],
        },
        null,
        2,
    );
}

/**
 * Whether every program ran to completion, with a notification for each one that did not and for
 * each answer that did not come from the cloud (a reviewer should know what the verdicts rest on).
 */
function invocationOf(reports: CheckReport[]) {
    const notifications = reports.flatMap((report) => {
        const incomplete = incompleteReason(report.outcome);
        const failure = report.outcome.status === "failed" ? `: ${report.outcome.errors.join("\n")}` : "";
        return [
            ...(incomplete ? [{ level: "error", message: { text: `${report.project}/${report.stack}: INCOMPLETE: ${incomplete}${failure}` } }] : []),
            ...report.offline.map((answer) => ({ level: "note", message: { text: `${report.project}/${report.stack}: answered offline: ${describeOffline(answer)}` } })),
        ];
    });
    return {
        executionSuccessful: reports.every((r) => r.outcome.status === "completed"),
        ...(notifications.length > 0 ? { toolExecutionNotifications: notifications } : {}),
    };
}
