/** Everything a check (or the scan of one stack) produced, in the form every output format reads. */
import { Violation } from "../engine/violation";
import { PolicyInfo } from "../engine/packProcess";
import { CaptureResult, Mode } from "../engine/capturedStack";
import { OfflineAnswer } from "../engine/dataSources";
import { ProgramOutcome } from "../engine/runProgram";
import type { SecretRedactor } from "./secrets";
import { GraphBasis } from "../engine/packSession";
import { ExceptionStatus } from "../policyExceptions";

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
    /** The violations that count (an exempted one is in `exempted`). */
    violations: Violation[];
    /** Violations a policy exception of the config file waived: still reported, marked with it; they never fail the run. */
    exempted?: Violation[];
    /** The config file's policy exceptions, with their status and what each waived here. */
    exceptions?: ExceptionStatus[];
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
    /** What the graph is drawn with, so that it shows what the pack judged. */
    graphBasis: GraphBasis;
    /** Where the program registered each resource, by URN, when known. */
    sources: Record<string, { uri: string; line: number; column: number }>;
    /** The stack's secret values, to redact from anything printed (messages are redacted already). */
    secrets?: SecretRedactor;
}

/**
 * A report as the writers (text, SARIF, Markdown, JSON summaries) read it: everything but the judged
 * resources, which only a network graph draws. A scan keeps this much of each stack, not the stack.
 */
export type JudgedReport = Omit<CheckReport, "capture">;

/** What a scan could not judge: files it could not read or judge (`message` starts with the file), folders it passed over. */
export interface ScanProblems {
    errors: Array<{ file: string; message: string }>;
    skipped: Array<{ path: string; reason: string }>;
}
