/**
 * `tierguard scan <file-or-dir>...`: judge exported stacks and previews with the pack, up to `jobs`
 * stacks at once, each job with a pack process of its own (a pack judges on one core). Whatever goes
 * wrong with one file — it cannot be read, is not a stack, is past a limit, makes the pack fail or
 * even stop — is reported by name as that file's error, and the others are still judged (by a new
 * pack if the first one stopped).
 *
 * Memory stays flat in the number of stacks: once a stack is judged, only what the reports print is
 * kept (its violations with their rule facts, exceptions, counts, secret redactor and, when a graph
 * is asked for, the graph's text); the stack's resources are let go. Reports come out in file order
 * whatever the number of jobs, with the same verdicts.
 */
import * as fs from "fs";
import * as os from "os";
import { PackSession } from "../engine/packSession";
import { Violation } from "../engine/violation";
import { PolicyConfigFile } from "../policyConfig";
import { PackFailure, policyPackDir } from "../engine/packProcess";
import { CheckReport, JudgedReport, ScanProblems } from "../report/checkReport";
import { Summary, summaryOf } from "../report/summary";
import { jsonText } from "../report/escape";
import { redactReport, secretsOf } from "../report/secrets";
import { GraphFormat, renderGraph } from "../report/graph";
import { UsageError } from "../program/project";
import { StackFileError, readStackFile } from "./stackFile";
import { discoverStackFiles } from "./discover";
import { MAX_JOBS, ScanLimits, scanLimits } from "./limits";

/** One judged stack as the reports read it: no resources; `graph`: its network graph's text, when one was asked for. */
export type ScanReport = JudgedReport & { file: string; graph?: string };

/** Reports of the stacks judged; `errors` and `skipped` (node_modules, dot-folders, loops): what was not. */
export interface ScanResult extends ScanProblems {
    reports: ScanReport[];
    /** Set when the kept graphs together grew past `graphs.budget`: each report's `graph` is then GRAPH_LEFT_OUT. */
    graphsOverBudget?: boolean;
}

/** What stands for a stack's graph once the graphs together are over the budget a report can show. */
export const GRAPH_LEFT_OUT = "(graph left out: the graphs together are longer than the report can show)";

/**
 * Stack files' bytes a pack judges in about the CPU time it takes to start (measured: a start costs
 * 0.8 s of CPU, judging an export of 1 MiB 0.85 s in the pack).
 */
const BYTES_PER_PACK = 1024 * 1024;

/**
 * How many stacks a scan judges at once unless told (--jobs): one per core, but no more packs than
 * the files' size keeps busy (one per BYTES_PER_PACK): a folder of small stacks is judged by one pack
 * in less time than another takes to start, and a pack each would only cost CPU.
 */
export function defaultJobs(bytes = Number.POSITIVE_INFINITY): number {
    const cores = typeof os.availableParallelism === "function" ? os.availableParallelism() : os.cpus().length;
    return Math.min(MAX_JOBS, Math.max(1, cores), Math.max(1, Math.ceil(bytes / BYTES_PER_PACK)));
}

/** The files' size together (a file that cannot be read counts for nothing: reading it is its own error). */
function totalBytes(files: string[]): number {
    let total = 0;
    for (const file of files) {
        try {
            total += fs.statSync(file).size;
        } catch {
            // Its error comes when it is read.
        }
    }
    return total;
}

export interface ScanOptions {
    policyPack?: string;
    configFile?: string;
    /** Called as each file is taken up (with several jobs, in the order files are taken, not finished). */
    onStack?: (file: string) => void;
    /** Stacks judged at once, each by its own pack (default: defaultJobs() of the files' size); 1 judges them one after another with one pack. */
    jobs?: number;
    /**
     * Keep each stack's network graph in this format (the stack itself is not kept). With `budget`
     * (Markdown, which shows graphs only when everything fits), graphs stop being kept once together
     * they are longer than it.
     */
    graphs?: { format: GraphFormat; budget?: number };
}

async function judgeFile(file: string, session: PackSession, limits: ScanLimits, graph: GraphFormat | undefined): Promise<ScanReport> {
    const stack = readStackFile(file, limits);
    const verdict = await session.judge(stack, stack.mode, { recordedState: stack.recordedState });
    const full: CheckReport & { file: string } = redactReport(
        {
            file,
            program: file,
            project: stack.project,
            stack: stack.stack,
            stackUrn: stack.stackUrn,
            mode: stack.mode,
            violations: verdict.violations,
            exempted: verdict.exempted,
            exceptions: verdict.exceptions,
            resources: verdict.analysed,
            outcome: { status: "completed" },
            unchecked: [],
            components: [],
            offline: [],
            policies: verdict.policies,
            capture: stack,
            graphBasis: session.graphBasis,
            sources: {},
        },
        secretsOf(stack),
    );
    // The stack's resources go here: what is kept is what the reports print.
    const { capture: _judged, ...kept } = full;
    return graph ? { ...kept, graph: renderGraph(full, graph) } : kept;
}

/** An error of the pack's gRPC service (the pack refused a request, or its connection is gone). */
function isServiceError(error: unknown): error is Error & { code: number; details: string } {
    return error instanceof Error && typeof (error as { code?: unknown }).code === "number" && typeof (error as { details?: unknown }).details === "string";
}

/** What went wrong with one file, in one message that starts with its name; `packStopped`: how the pack ended meanwhile. */
function describeFailure(file: string, error: unknown, packStopped: string | undefined): string {
    if (error instanceof StackFileError) return error.message;
    const stopped = packStopped ? ` The policy pack stopped (${packStopped}); the other files are judged by a new one.` : "";
    const what = isServiceError(error) || error instanceof PackFailure ? "the policy pack could not judge it" : "unexpected error while judging it";
    const why = isServiceError(error) ? error.details || error.message : error instanceof Error ? error.message : String(error);
    return `${file}: ${what}: ${why.replace(/\.?$/, ".")}${stopped}`;
}

type Outcome = { report: ScanReport } | { error: { file: string; message: string } };

export async function scan(targets: string[], policyConfig: PolicyConfigFile, options: ScanOptions = {}): Promise<ScanResult> {
    const packDir = policyPackDir(options.policyPack);
    const limits = scanLimits();
    const found = discoverStackFiles(targets);
    if (found.files.length === 0 && found.errors.length === 0) {
        const skipped = found.skipped.length > 0 ? ` (skipped: ${found.skipped.map((s) => `${s.path}: ${s.reason}`).join("; ")})` : "";
        throw new UsageError(`no .json files in ${targets.join(", ")}${skipped}`);
    }
    const result: ScanResult = { reports: [], errors: [...found.errors], skipped: found.skipped };
    const files = found.files;
    if (files.length === 0) return result;
    const open = () => PackSession.open(policyConfig, packDir, options.configFile);
    // A pack that cannot start at all is the scan's error, not any file's.
    const jobs = Math.max(1, Math.min(options.jobs ?? defaultJobs(totalBytes(files)), files.length));
    const opened = await Promise.allSettled(Array.from({ length: jobs }, open));
    const sessions = opened.flatMap((o) => (o.status === "fulfilled" ? [o.value] : []));
    const refused = opened.find((o): o is PromiseRejectedResult => o.status === "rejected");
    if (refused) {
        await Promise.all(sessions.map((s) => s.close()));
        throw refused.reason;
    }

    // Outcomes by file index, so that reports and errors come out in file order however jobs interleave.
    const outcomes: Outcome[] = new Array(files.length);
    const graphFormat = options.graphs?.format;
    const budget = options.graphs?.budget ?? Number.POSITIVE_INFINITY;
    let graphLength = 0;
    const keepGraph = (report: ScanReport): ScanReport => {
        if (report.graph === undefined) return report;
        graphLength += report.graph.length;
        if (graphLength <= budget) return report;
        if (!result.graphsOverBudget) {
            result.graphsOverBudget = true;
            for (const outcome of outcomes) if (outcome && "report" in outcome) outcome.report.graph = GRAPH_LEFT_OUT;
        }
        return { ...report, graph: GRAPH_LEFT_OUT };
    };
    let next = 0;
    let working = jobs;
    let packGone = "";
    const worker = async (first: PackSession) => {
        let session: PackSession | undefined = first;
        try {
            while (next < files.length) {
                const index = next++;
                const file = files[index];
                options.onStack?.(file);
                if (!session) {
                    outcomes[index] = { error: { file, message: `${file}: not judged: ${packGone}` } };
                    continue;
                }
                try {
                    outcomes[index] = { report: keepGraph(await judgeFile(file, session, limits, graphFormat)) };
                } catch (error) {
                    // A file's own error is found before the pack sees it; anything else may have stopped the pack.
                    const packStopped = error instanceof StackFileError ? undefined : await session.failure();
                    outcomes[index] = { error: { file, message: describeFailure(file, error, packStopped) } };
                    if (packStopped === undefined) continue;
                    await session.close();
                    session = undefined;
                    try {
                        session = await open();
                    } catch (restart) {
                        packGone = `the policy pack stopped on ${file} and could not be started again: ${(restart as Error).message}`;
                        // The other jobs take the remaining files; the last one left names each as not judged.
                        if (--working > 0) return;
                    }
                }
            }
        } finally {
            await session?.close();
        }
    };
    await Promise.all(sessions.map(worker));
    for (const outcome of outcomes) {
        if ("report" in outcome) result.reports.push(outcome.report);
        else result.errors.push(outcome.error);
    }
    return result;
}

/** A violation as scan's JSON lists it: every field but the path it names (which graphs draw). */
function withoutEdge({ edge: _drawn, ...violation }: Violation): Omit<Violation, "edge"> {
    return violation;
}

export function scanJson(result: ScanResult): string {
    const stacks = result.reports.map((r) => ({
        stack: r.stack,
        file: r.file,
        violations: r.violations.map(withoutEdge),
        ...(r.exceptions && r.exceptions.length > 0 ? { exempted: (r.exempted ?? []).map(withoutEdge), exceptions: r.exceptions } : {}),
        summary: summaryOf(r),
    }));
    const total = (count: (s: Summary) => number) => stacks.reduce((sum, s) => sum + count(s.summary), 0);
    return jsonText({
        stacks,
        summary: {
            mandatory: total((s) => s.mandatory),
            advisory: total((s) => s.advisory),
            resources: total((s) => s.resources),
            resourcesWithViolations: total((s) => s.resourcesWithViolations),
            findings: { mandatory: total((s) => s.findings.mandatory), advisory: total((s) => s.findings.advisory) },
            exempted: total((s) => s.exempted),
            stacks: stacks.length,
            failedFiles: result.errors.length,
        },
        errors: result.errors,
        skipped: result.skipped,
    });
}
