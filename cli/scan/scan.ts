/**
 * `tierguard scan <file-or-dir>...`: judge exported stacks and previews with the pack, one pack
 * process for all of them. Whatever goes wrong with one file — it cannot be read, is not a stack,
 * is past a limit, makes the pack fail or even stop — is reported by name as that file's error, and
 * the others are still judged (by a new pack if the first one stopped).
 */
import { PackSession } from "../engine/packSession";
import { Violation } from "../engine/violation";
import { PolicyConfigFile } from "../policyConfig";
import { PackFailure, policyPackDir } from "../engine/packProcess";
import { CheckReport, ScanProblems } from "../report/checkReport";
import { Summary, summaryOf } from "../report/summary";
import { jsonText } from "../report/escape";
import { redactReport, secretsOf } from "../report/secrets";
import { UsageError } from "../program/project";
import { StackFileError, readStackFile } from "./stackFile";
import { discoverStackFiles } from "./discover";
import { ScanLimits, scanLimits } from "./limits";

/** Reports of the stacks judged; `errors` and `skipped` (node_modules, dot-folders, loops): what was not. */
export interface ScanResult extends ScanProblems {
    reports: Array<CheckReport & { file: string }>;
}

async function judgeFile(file: string, session: PackSession, limits: ScanLimits): Promise<CheckReport & { file: string }> {
    const stack = readStackFile(file, limits);
    const verdict = await session.judge(stack, stack.mode, { recordedState: stack.recordedState });
    return redactReport(
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

export async function scan(
    targets: string[],
    policyConfig: PolicyConfigFile,
    options: { policyPack?: string; configFile?: string; onStack?: (file: string) => void } = {},
): Promise<ScanResult> {
    const packDir = policyPackDir(options.policyPack);
    const limits = scanLimits();
    const found = discoverStackFiles(targets);
    if (found.files.length === 0 && found.errors.length === 0) {
        const skipped = found.skipped.length > 0 ? ` (skipped: ${found.skipped.map((s) => `${s.path}: ${s.reason}`).join("; ")})` : "";
        throw new UsageError(`no .json files in ${targets.join(", ")}${skipped}`);
    }
    const result: ScanResult = { reports: [], errors: [...found.errors], skipped: found.skipped };
    if (found.files.length === 0) return result;
    // A pack that cannot start at all is the scan's error, not any file's.
    let session: PackSession | undefined = await PackSession.open(policyConfig, packDir, options.configFile);
    let packGone = "";
    try {
        for (const file of found.files) {
            options.onStack?.(file);
            if (!session) {
                result.errors.push({ file, message: `${file}: not judged: ${packGone}` });
                continue;
            }
            try {
                result.reports.push(await judgeFile(file, session, limits));
            } catch (error) {
                // A file's own error is found before the pack sees it; anything else may have stopped the pack.
                const packStopped = error instanceof StackFileError ? undefined : await session.failure();
                result.errors.push({ file, message: describeFailure(file, error, packStopped) });
                if (packStopped === undefined) continue;
                await session.close();
                session = undefined;
                try {
                    session = await PackSession.open(policyConfig, packDir, options.configFile);
                } catch (restart) {
                    packGone = `the policy pack stopped on ${file} and could not be started again: ${(restart as Error).message}`;
                }
            }
        }
    } finally {
        await session?.close();
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
