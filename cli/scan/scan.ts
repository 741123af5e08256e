/**
 * `tierguard scan <file-or-dir>...`: judge exported stacks and previews with the pack, one pack
 * process for all of them. A file that cannot be read is reported by name and does not stop the others.
 */
import * as fs from "fs";
import * as path from "path";
import { PackSession, PolicyConfigFile } from "../engine/runPack";
import { policyPackDir } from "../engine/packProcess";
import { CheckReport, Summary, summaryOf } from "../report/model";
import { UsageError } from "../program/project";
import { jsonText } from "../report/escape";
import { StackFileError, readStackFile } from "./stackFile";
import { redactReport, secretsOf } from "../report/secrets";

export interface ScanResult {
    reports: Array<CheckReport & { file: string }>;
    errors: Array<{ file: string; message: string }>;
}

/** Files to scan: each file given, and every .json file in each directory (recursively, sorted). */
export function stackFiles(targets: string[]): string[] {
    const files: string[] = [];
    const walk = (dir: string) => {
        for (const entry of fs.readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
            const full = path.join(dir, entry.name);
            if (entry.isDirectory()) walk(full);
            else if (entry.name.endsWith(".json")) files.push(full);
        }
    };
    for (const target of targets) {
        if (!fs.existsSync(target)) throw new UsageError(`${target} does not exist`);
        if (fs.statSync(target).isDirectory()) walk(target);
        else files.push(target);
    }
    return files;
}

export async function scan(targets: string[], policyConfig: PolicyConfigFile, options: { policyPack?: string; configFile?: string; onStack?: (file: string) => void } = {}): Promise<ScanResult> {
    const packDir = policyPackDir(options.policyPack);
    const files = stackFiles(targets);
    if (files.length === 0) throw new UsageError(`no .json files in ${targets.join(", ")}`);
    const result: ScanResult = { reports: [], errors: [] };
    const session = await PackSession.open(policyConfig, packDir, options.configFile);
    try {
        for (const file of files) {
            options.onStack?.(file);
            try {
                const stack = readStackFile(file);
                const verdict = await session.judge(stack, stack.mode);
                result.reports.push(redactReport({
                    file,
                    program: file,
                    project: stack.project,
                    stack: stack.stack,
                    stackUrn: stack.stackUrn,
                    mode: stack.mode,
                    violations: verdict.violations,
                    resources: verdict.analysed,
                    outcome: { status: "completed" },
                    unchecked: [],
                    components: [],
                    offline: [],
                    policies: verdict.policies,
                    capture: stack,
                    sources: {},
                }, secretsOf(stack)));
            } catch (error) {
                if (!(error instanceof StackFileError)) throw error;
                result.errors.push({ file, message: error.message });
            }
        }
    } finally {
        await session.close();
    }
    return result;
}

export function scanJson(result: ScanResult): string {
    const stacks = result.reports.map((r) => ({ stack: r.stack, file: r.file, violations: r.violations, summary: summaryOf(r) }));
    const total = (count: (s: Summary) => number) => stacks.reduce((sum, s) => sum + count(s.summary), 0);
    return jsonText({
        stacks,
        summary: {
            mandatory: total((s) => s.mandatory),
            advisory: total((s) => s.advisory),
            resources: total((s) => s.resources),
            resourcesWithViolations: total((s) => s.resourcesWithViolations),
            findings: { mandatory: total((s) => s.findings.mandatory), advisory: total((s) => s.findings.advisory) },
            stacks: stacks.length,
            failedFiles: result.errors.length,
        },
        errors: result.errors,
    });
}
