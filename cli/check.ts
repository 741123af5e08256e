/** `tierguard check <program-dir>`: run the program under tierguard's engine, judge it with the pack, report. */
import * as fs from "fs";
import * as path from "path";
import { PackSession } from "./engine/packSession";
import { ownPolicyInfos, readPolicyConfig, validatePolicyConfig } from "./policyConfig";
import { policyPackDir } from "./engine/packProcess";
import { CapturedResource, Mode } from "./engine/capturedStack";
import { runProgram } from "./engine/runProgram";
import { Project, loadConfig, loadProject, parseStackName, UsageError } from "./program/project";
import { CheckReport, ComponentReport } from "./report/checkReport";
import { SecretRedactor, redactReport, secretsOf } from "./report/secrets";

export interface CheckOptions {
    programDir: string;
    mode: Mode;
    /** The policy config file (--policy-pack-config). */
    configFile?: string;
    /** The stack's config file (--config-file), read instead of Pulumi.<stack>.yaml. */
    stackConfigFile?: string;
    stack?: string;
    overrides: string[];
    /** A policy pack folder to judge with instead of tierguard's own. */
    policyPack?: string;
    /** Seconds the program may run before it is stopped (the report is then incomplete). */
    timeoutSeconds: number;
    /** Where the program's own output goes, line by line (default: stderr). */
    output?: (line: string) => void;
    /** Progress callback (the CLI shows it on a TTY). */
    onResource?: (count: number) => void;
}

export const DEFAULT_TIMEOUT_SECONDS = 600;

/** How long the pack waits, started, beside a running program before it is stopped to spare memory. */
const PACK_BESIDE_PROGRAM_MS = 10_000;

/** The stack to use: --stack, else the only Pulumi.<stack>.yaml of the project, else "dev". */
function chooseStack(project: Project, stack: string | undefined): string {
    if (stack) return stack;
    const files = fs.existsSync(project.stackConfigDir) ? fs.readdirSync(project.stackConfigDir) : [];
    const stacks = files.map((f) => /^Pulumi\.(.+)\.ya?ml$/.exec(f)?.[1]).filter((s): s is string => !!s);
    return stacks.length === 1 ? stacks[0] : "dev";
}

/** Each multi-language component, how it was expanded, and how many resources were made under it. */
function componentsOf(resources: CapturedResource[]): ComponentReport[] {
    const parentOf = new Map(resources.map((r) => [r.urn, r.parent]));
    const under = (urn: string, ancestor: string): boolean => {
        for (let current = parentOf.get(urn); current; current = parentOf.get(current)) if (current === ancestor) return true;
        return false;
    };
    return resources
        .filter((r) => r.remote)
        .map((r) => ({
            urn: r.urn,
            type: r.type,
            name: r.name,
            ...(r.expansion?.version ? { version: r.expansion.version } : {}),
            expandedBy: r.expansion?.by ?? "none",
            detail: r.expansion?.detail ?? "its children are created by its provider plugin: they were not checked",
            network: r.expansion?.network ?? "unknown",
            resources: resources.filter((child) => child.custom && under(child.urn, r.urn)).length,
        }));
}

/**
 * Where in the program each resource was made. A resource under a multi-language component was made by
 * its provider plugin or tierguard's model, not at a line of the program: it is located at the line that
 * registered the outermost such component (a plugin's own source position names the plugin's file).
 */
function sourcesOf(resources: CapturedResource[]): CheckReport["sources"] {
    const byUrn = new Map(resources.map((r) => [r.urn, r]));
    const sources: CheckReport["sources"] = {};
    for (const resource of resources) {
        let source = resource.source;
        for (let ancestor = byUrn.get(resource.parent ?? ""); ancestor; ancestor = byUrn.get(ancestor.parent ?? "")) {
            if (ancestor.remote) source = ancestor.source;
        }
        if (source && source.uri) sources[resource.urn] = source;
    }
    return sources;
}

export async function check(options: CheckOptions): Promise<CheckReport> {
    const policyConfig = readPolicyConfig(options.configFile);
    const packDir = policyPackDir(options.policyPack);
    // A config typo is refused before the program runs: tierguard's own policies are known here; another
    // pack's are known once it has started (below).
    if (!options.policyPack) validatePolicyConfig(options.configFile, policyConfig, ownPolicyInfos(), true);
    const project = loadProject(options.programDir);
    const named = options.stack ? parseStackName(options.stack) : undefined;
    if (named?.project && named.project !== project.name) {
        throw new UsageError(`--stack ${options.stack} names project "${named.project}", but ${project.dir} holds project "${project.name}"`);
    }
    const stack = chooseStack(project, named?.stack);
    const config = loadConfig(project, stack, options.overrides, options.stackConfigFile);
    // Secret config values are masked in the program's output as the Pulumi CLI masks them, and with
    // every other secret value in the report. Stand-ins for undecryptable values are not secrets (and
    // one like "1" would hide every port 1).
    const secretConfig = config.secretKeys
        .filter((key) => !config.standIns.includes(key))
        .map((key) => config.values[key])
        .filter((v): v is string => v !== undefined);
    const masked = new SecretRedactor(secretConfig);
    const output = options.output ?? ((line: string) => process.stderr.write(`${line}\n`));
    // The pack judges every resource (Analyze) and the stack (AnalyzeStack) once the program is done; the
    // engine analyzes during the run, and the verdicts do not depend on when. It starts beside the
    // program, so a program that is done within a few seconds finds it ready; beside a longer one — a
    // large program, whose memory peak comes at its end — it is stopped and started again once the
    // program is done (measured: an idle pack is 130 MiB, a busy one 300 MiB more).
    const early = PackSession.open(policyConfig, packDir, options.configFile);
    early.catch(() => undefined);
    if (options.policyPack) await early;
    let earlyStopped = false;
    const stopEarly = setTimeout(() => {
        earlyStopped = true;
        void early.then(
            (s) => s.close(),
            () => undefined,
        );
    }, PACK_BESIDE_PROGRAM_MS);
    let session: PackSession | undefined;
    try {
        const run = await runProgram({
            project,
            stack,
            mode: options.mode,
            config: config.values,
            secretKeys: config.secretKeys,
            organization: named?.organization,
            timeoutSeconds: options.timeoutSeconds,
            output: (line) => output(masked.redact(line)),
            onResource: (_, count) => options.onResource?.(count),
        });
        clearTimeout(stopEarly);
        session = earlyStopped ? await PackSession.open(policyConfig, packDir, options.configFile) : await early;
        const verdict = await session.judge(run.capture, options.mode);
        const components = componentsOf(run.capture.resources);
        const unchecked = components
            .filter((c) => c.expandedBy === "none")
            .map((c) => ({ urn: c.urn, type: c.type, name: c.name, reason: c.detail, network: c.network }));
        return redactReport(
            {
                program: path.relative(process.cwd(), project.dir) || ".",
                project: project.name,
                stack,
                stackUrn: run.capture.stackUrn,
                mode: options.mode,
                outcome: run.outcome,
                violations: verdict.violations,
                exempted: verdict.exempted,
                exceptions: verdict.exceptions,
                resources: verdict.analysed,
                unchecked,
                components,
                offline: run.offline,
                policies: verdict.policies,
                capture: run.capture,
                graphBasis: session.graphBasis,
                sources: sourcesOf(run.capture.resources),
            },
            secretsOf(
                run.capture,
                secretConfig,
                config.standIns.map((key) => config.values[key]),
            ),
        );
    } finally {
        clearTimeout(stopEarly);
        await session?.close();
        if (!earlyStopped && session === undefined) await (await early.catch(() => undefined))?.close();
    }
}
