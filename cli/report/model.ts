/** Everything a check produced, in the form every output format reads. */
import { Violation } from "../engine/runPack";
import { PolicyInfo } from "../engine/packProcess";
import { InvokeNote } from "../program/invokes";
import { CaptureResult, Mode } from "../program/capture";

export interface Unchecked {
    urn: string;
    type: string;
    name: string;
    reason: string;
}

export interface CheckReport {
    program: string;
    project: string;
    stack: string;
    stackUrn: string;
    mode: Mode;
    violations: Violation[];
    /** Resources analysed one by one by the pack. */
    resources: number;
    unchecked: Unchecked[];
    invokes: InvokeNote[];
    /** The pack's policies (for SARIF rules). */
    policies: PolicyInfo[];
    /** The judged resources, for drawing the network graph. */
    capture: CaptureResult;
    /** Where the program registered each resource, by URN, when known. */
    sources: Record<string, { uri: string; line: number; column: number }>;
}

export function summaryOf(report: CheckReport): { mandatory: number; advisory: number; resources: number } {
    const mandatory = report.violations.filter((v) => v.enforcementLevel === "mandatory").length;
    return { mandatory, advisory: report.violations.length - mandatory, resources: report.resources };
}
