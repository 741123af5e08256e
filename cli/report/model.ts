/** Everything a check produced, in the form every output format reads. */
import { Violation } from "../engine/runPack";
import { PolicyInfo } from "../engine/packProcess";
import { CaptureResult, Mode } from "../engine/capturedStack";
import { OfflineAnswer } from "../engine/dataSources";
import { ProgramOutcome } from "../engine/runProgram";

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
}

/** What a scan could not judge: files it could not read or judge (`message` starts with the file), folders it passed over. */
export interface ScanProblems {
    errors: Array<{ file: string; message: string }>;
    skipped: Array<{ path: string; reason: string }>;
}

export function summaryOf(report: CheckReport): { mandatory: number; advisory: number; resources: number } {
    const mandatory = report.violations.filter((v) => v.enforcementLevel === "mandatory").length;
    return { mandatory, advisory: report.violations.length - mandatory, resources: report.resources };
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
