/** Runs `tierguard check --format json` on a fixture program and parses its report (failing clearly when stdout is not one). */
import { fixture, tierguardWith, CliRun } from "./run";

export const MODES = ["preview", "update"] as const;

export interface Report {
    program: { status: string; exitCode?: number; errors?: string[]; seconds?: number };
    violations: Array<{ policy: string; resourceName: string; enforcementLevel: string; message: string; urn: string; modeled?: string }>;
    components: Array<{ urn: string; type: string; name: string; version?: string; expandedBy: string; detail: string; network: string; resources: number }>;
    unchecked: Array<{ urn: string; type: string; name: string; reason: string; network: string }>;
    summary: { mandatory: number; advisory: number; resources: number };
    offline: Array<{ kind: string; token: string; answer: string; detail?: string }>;
}

export function checkJson(program: string, mode: string, ...args: string[]): CliRun & { report: Report } {
    return checkJsonWith({}, program, mode, ...args);
}

/** checkJson with extra environment variables. */
export function checkJsonWith(env: Record<string, string>, program: string, mode: string, ...args: string[]): CliRun & { report: Report } {
    const run = tierguardWith(env, "check", program.includes("/") ? program : fixture(program), "--mode", mode, "--format", "json", ...args);
    let report: Report;
    try {
        report = JSON.parse(run.stdout);
    } catch {
        const tail = (text: string) => (text.length > 4000 ? `…${text.slice(-4000)}` : text);
        throw new Error(`stdout is not a JSON report (exit ${run.code}):\n${tail(run.stdout)}\n--- stderr:\n${tail(run.stderr)}`);
    }
    return { ...run, report };
}

/** The resources a mandatory no-admin-ports-from-internet violation names, sorted. */
export const sshOpenOn = (report: Report) =>
    report.violations
        .filter((v) => v.policy === "no-admin-ports-from-internet" && v.enforcementLevel === "mandatory")
        .map((v) => v.resourceName)
        .sort();
