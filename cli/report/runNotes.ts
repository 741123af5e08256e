/**
 * What every report says about how the check ran, in words: why it is incomplete, what was answered
 * offline, and whether a component that was not checked may create network resources.
 */
import { OfflineAnswer } from "../engine/dataSources";
import { ProgramOutcome } from "../engine/runProgram";

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
    const what =
        answer.kind === "stack reference"
            ? `stack reference ${answer.token}: outputs unknown (no backend)`
            : `${answer.kind} ${answer.token}${answer.detail ? ` (${answer.detail})` : ""}: ${ANSWER_WORDS[answer.answer]}`;
    return `${what}${answer.calls > 1 ? ` (${answer.calls} calls)` : ""}`;
}

const ANSWER_WORDS: Record<OfflineAnswer["answer"], string> = {
    placeholder: "placeholder values",
    computed: "computed offline",
    empty: "no stand-in, answered with an empty result",
    unknown: "answered as unknown",
};
