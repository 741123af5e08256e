/** `tierguard check <program-dir>`: run the program offline, judge it with the pack, report. */
import * as fs from "fs";
import * as path from "path";
import { pathToFileURL } from "url";
import { judgeWithPack, PolicyConfigFile } from "./engine/runPack";
import { policyPackDir } from "./engine/packProcess";
import { captureProgram, CaptureResult, Mode } from "./program/capture";

import { loadConfig, loadProject, UsageError } from "./program/project";
import { enableTypeScript } from "./program/typescript";
import { CheckReport } from "./report/model";

export interface CheckOptions {
    programDir: string;
    mode: Mode;
    configFile?: string;
    stack?: string;
    overrides: string[];
    /** A policy pack folder to judge with instead of tierguard's own. */
    policyPack?: string;
    /** Progress callback (the CLI shows it on a TTY). */
    onResource?: (count: number) => void;
}

export function readPolicyConfig(file: string | undefined): PolicyConfigFile {
    if (!file) return {};
    let text: string;
    try {
        text = fs.readFileSync(file, "utf8");
    } catch (error) {
        throw new UsageError(`cannot read policy config ${file}: ${(error as Error).message}`);
    }
    let parsed: unknown;
    try {
        parsed = JSON.parse(text);
    } catch (error) {
        throw new UsageError(`policy config ${file} is not valid JSON: ${(error as Error).message}`);
    }
    if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) {
        throw new UsageError(`policy config ${file} must be a JSON object of policy names, as for pulumi preview --policy-pack-config`);
    }
    for (const [name, value] of Object.entries(parsed)) {
        if (typeof value !== "string" && (typeof value !== "object" || value === null || Array.isArray(value))) {
            throw new UsageError(`policy config ${file}: "${name}" must be an enforcement level or an object of settings, got ${JSON.stringify(value)}`);
        }
    }
    return parsed as PolicyConfigFile;
}

/** The stack to use: --stack, else the only Pulumi.<stack>.yaml beside Pulumi.yaml, else "dev". */
function chooseStack(dir: string, stack: string | undefined): string {
    if (stack) return stack;
    const stacks = fs.readdirSync(dir).map((f) => /^Pulumi\.(.+)\.ya?ml$/.exec(f)?.[1]).filter((s): s is string => !!s);
    return stacks.length === 1 ? stacks[0] : "dev";
}

/** tsc turns `import()` into `require()` under CommonJS; this keeps a real dynamic import for ES modules. */
const importModule = new Function("specifier", "return import(specifier)") as (specifier: string) => Promise<Record<string, unknown>>;

/** Loads the program as Node would: CommonJS (and transpiled TypeScript) by require, ES modules by import. */
function loadEntry(entry: string): unknown {
    let loaded: unknown;
    try {
        loaded = require(entry);
    } catch (error) {
        if ((error as { code?: string }).code !== "ERR_REQUIRE_ESM") throw error;
        return importModule(pathToFileURL(entry).href).then(programOf);
    }
    return programOf(loaded);
}

/** An ES module's (or transpiled `export default`) default function is the program, as Pulumi runs it. */
function programOf(loaded: unknown): unknown {
    const module = loaded as { default?: unknown; __esModule?: boolean; [Symbol.toStringTag]?: string } | undefined;
    const isModule = module?.[Symbol.toStringTag] === "Module" || module?.__esModule === true;
    return isModule && typeof module?.default === "function" ? module.default : loaded;
}

async function runProgram(options: CheckOptions): Promise<CaptureResult> {
    const project = loadProject(options.programDir);
    const stack = chooseStack(project.dir, options.stack);
    const config = loadConfig(project, stack, options.overrides);
    if (project.typescript) enableTypeScript();
    process.setSourceMapsEnabled(true);

    const previousDir = process.cwd();
    process.chdir(project.dir); // Pulumi runs programs from their project folder
    try {
        return await captureProgram({
            programDir: project.dir,
            run: () => loadEntry(project.entry),
            project: project.name,
            stack,
            mode: options.mode,
            config: config.values,
            secretKeys: config.secretKeys,
            onResource: options.onResource,
        });
    } finally {
        process.chdir(previousDir);
    }
}

export async function check(options: CheckOptions): Promise<CheckReport> {
    const policyConfig = readPolicyConfig(options.configFile);
    const packDir = policyPackDir(options.policyPack);
    const capture = await runProgram(options);
    const verdict = await judgeWithPack(capture, options.mode, policyConfig, packDir);
    const unchecked = capture.resources
        .filter((r) => r.remote)
        .map((r) => ({
            urn: r.urn,
            type: r.type,
            name: r.name,
            reason: "a multi-language component: its children are created by its provider plugin, which cannot run offline, so they were not checked",
        }));
    return {
        program: path.relative(process.cwd(), path.resolve(options.programDir)) || ".",
        project: capture.project,
        stack: capture.stack,
        stackUrn: capture.stackUrn,
        mode: options.mode,
        violations: verdict.violations,
        resources: verdict.analysed,
        unchecked,
        invokes: capture.invokes,
        policies: verdict.policies,
        capture,
        sources: Object.fromEntries(capture.resources.filter((r) => r.source && r.source.uri).map((r) => [r.urn, r.source!])),
    };
}
