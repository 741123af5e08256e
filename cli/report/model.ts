/** Everything a check produced, in the form every output format reads. */
import { Violation } from "../engine/runPack";
import { PolicyInfo } from "../engine/packProcess";
import { CaptureResult, Mode } from "../engine/capturedStack";
import { OfflineAnswer } from "../engine/dataSources";
import { ProgramOutcome } from "../engine/runProgram";
import type { SecretRedactor } from "./secrets";
import { findingsOf } from "./order";

/** A multi-language component whose children were not checked. */
export interface Unchecked {
    urn: string;
    type: string;
    name: string;
    reason: string;
    /** Whether its package can create network resources ("yes", "no", "unknown"). */
    network: "yes" | "no" | "unknown";
}

/** A multi-language component and how its children came to be judged. */
export interface ComponentReport {
    urn: string;
    type: string;
    name: string;
    version?: string;
    expandedBy: "plugin" | "model" | "none";
    detail: string;
    network: "yes" | "no" | "unknown";
    /** Resources made under it (by its plugin or its model). */
    resources: number;
}

export interface CheckReport {
    program: string;
    project: string;
    stack: string;
    stackUrn: string;
    mode: Mode;
    /** How the program's run ended; anything but "completed" means the report covers only part of the stack. */
    outcome: ProgramOutcome;
    violations: Violation[];
    /** Resources analysed one by one by the pack. */
    resources: number;
    unchecked: Unchecked[];
    /** Every multi-language component of the program, however it was (or was not) expanded. */
    components: ComponentReport[];
    /** Data sources, methods, reads and stack references answered without the cloud. */
    offline: OfflineAnswer[];
    /** The pack's policies (for SARIF rules). */
    policies: PolicyInfo[];
    /** The judged resources, for drawing the network graph. */
    capture: CaptureResult;
    /** Where the program registered each resource, by URN, when known. */
    sources: Record<string, { uri: string; line: number; column: number }>;
    /** The stack's secret values, to redact from anything printed (messages are redacted already). */
    secrets?: SecretRedactor;
}

/** What a scan could not judge: files it could not read or judge (`message` starts with the file), folders it passed over. */
export interface ScanProblems {
    errors: Array<{ file: string; message: string }>;
    skipped: Array<{ path: string; reason: string }>;
}

/** What a report counts: policy violations by level, resources analysed, resources with violations, findings (mistakes). */
export interface Summary {
    mandatory: number;
    advisory: number;
    resources: number;
    resourcesWithViolations: number;
    findings: { mandatory: number; advisory: number };
}

export function summaryOf(report: Pick<CheckReport, "violations" | "resources">): Summary {
    const mandatory = report.violations.filter((v) => v.enforcementLevel === "mandatory").length;
    const findings = findingsOf(report.violations);
    const mandatoryFindings = findings.filter((f) => f.lead.enforcementLevel === "mandatory").length;
    return {
        mandatory,
        advisory: report.violations.length - mandatory,
        resources: report.resources,
        resourcesWithViolations: new Set(report.violations.map((v) => v.urn)).size,
        findings: { mandatory: mandatoryFindings, advisory: findings.length - mandatoryFindings },
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
        (violations !== findings ? ` from ${count(violations, "policy violation")}` : "")
    );
}

/** Whether a component's package can create network resources, in words. */
export const NETWORK_WORDS: Record<"yes" | "no" | "unknown", string> = {
    yes: "its package creates network resources",
    no: "its package creates no network resource",
    unknown: "its package may create network resources",
};

/** One sentence on why a report is incomplete, or undefined when the program completed. */
export function incompleteReason(outcome: ProgramOutcome): string | undefined {
    switch (outcome.status) {
        case "completed":
            return undefined;
        case "failed":
            return `the program failed${exitOf(outcome)}, so only the resources it registered before failing were judged`;
        case "ended early":
            return `the program's process ended${exitOf(outcome)} before Pulumi's runner signalled that the program had finished (process.exit, a crash or a signal), so only the resources it registered until then were judged`;
        case "timed out":
            return `the program did not finish within ${outcome.seconds} s (--timeout) and was stopped, so only the resources it registered until then were judged`;
    }
}

function exitOf(outcome: { exitCode: number | null; signal: string | null }): string {
    if (outcome.signal) return ` (signal ${outcome.signal})`;
    return outcome.exitCode ? ` (exit code ${outcome.exitCode})` : "";
}

/** A line per offline answer, e.g. "data source aws:ec2/getAmi:getAmi: placeholder (2 calls)". */
export function describeOffline(answer: OfflineAnswer): string {
    const what = answer.kind === "stack reference" ? `stack reference ${answer.token}: outputs unknown (no backend)` : `${answer.kind} ${answer.token}${answer.detail ? ` (${answer.detail})` : ""}: ${ANSWER_WORDS[answer.answer]}`;
    return `${what}${answer.calls > 1 ? ` (${answer.calls} calls)` : ""}`;
}

const ANSWER_WORDS: Record<OfflineAnswer["answer"], string> = {
    placeholder: "placeholder values",
    computed: "computed offline",
    empty: "no stand-in, answered with an empty result",
    unknown: "answered as unknown",
};
