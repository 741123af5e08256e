/**
 * Starts a Node.js program the way Pulumi's Node.js language host does: the program's own
 * `@pulumi/pulumi/cmd/run`, with `--monitor`, `--engine`, `--organization`, `--project`,
 * `--root-directory`, `--stack`, `--pwd`, `--dry-run`, `--parallel` and the entry point, config in
 * `PULUMI_CONFIG` (keys as `<namespace>:config:<name>`) and `PULUMI_CONFIG_SECRET_KEYS`, TypeScript
 * through `PULUMI_NODEJS_TYPESCRIPT`/`PULUMI_NODEJS_TSCONFIG_PATH`, `nodeargs` before the runner.
 *
 * Unlike the language host, the program runs in its own process group with its output piped, so
 * tierguard can forward it (prefixed) to stderr, time-limit it and stop everything it started.
 */
import { ChildProcess, spawn } from "child_process";
import * as crypto from "crypto";
import * as fs from "fs";
import * as path from "path";
import { Project, UsageError } from "../program/project";
import { RUN_ID_VARIABLE, killMarked, lifelineFd } from "./lifeline";
import { DeploymentConnection } from "./deployment";

export interface ProgramLaunch extends DeploymentConnection {
    project: Project;
    /** Where each line the program writes goes (tierguard's stderr). */
    output: (line: string) => void;
}

export interface ProgramProcess {
    readonly child: ChildProcess;
    /** Whether the program's SDK signals completion (SignalAndWaitForShutdown, @pulumi/pulumi 3.181 and later). */
    readonly signalsCompletion: boolean;
    /** Resolves when the program's process has exited. */
    readonly exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
    /** The last lines the program wrote to stderr (for an error message when it logged nothing else). */
    stderrTail(): string;
    /** Stops the program and everything in its process group: SIGTERM, then SIGKILL after a grace period. */
    stop(graceMs?: number): Promise<void>;
}

const PRELOAD = path.join(__dirname, "programPreload.js");
const MODULE_HOOKS = path.join(__dirname, "typescriptHooks.js");

/**
 * The runner of the program's own SDK, as the language host finds it (from the program's folder).
 * A program whose dependencies are not installed runs with tierguard's own SDK and providers instead
 * (found through NODE_PATH), with a warning: `pulumi preview` would refuse it, but a report on a fresh
 * clone is worth more than "run npm install" — as long as the user is told.
 */
function locateRunner(programDir: string): { runner: string; nodePath?: string } {
    try {
        return { runner: require.resolve("@pulumi/pulumi/cmd/run", { paths: [programDir] }) };
    } catch {
        const runner = require.resolve("@pulumi/pulumi/cmd/run");
        return { runner, nodePath: path.resolve(path.dirname(require.resolve("@pulumi/pulumi/package.json")), "..", "..") };
    }
}

/** Splits `nodeargs` as a shell would (quotes and backslashes), as the language host does with shlex. */
export function splitArgs(text: string): string[] {
    const args: string[] = [];
    let current: string | undefined;
    let quote: '"' | "'" | undefined;
    for (let i = 0; i < text.length; i++) {
        const c = text[i];
        if (quote) {
            if (c === quote) quote = undefined;
            else if (c === "\\" && quote === '"' && i + 1 < text.length) current += text[++i];
            else current += c;
        } else if (c === '"' || c === "'") {
            quote = c;
            current ??= "";
        } else if (c === "\\" && i + 1 < text.length) {
            current = (current ?? "") + text[++i];
        } else if (/\s/.test(c)) {
            if (current !== undefined) args.push(current);
            current = undefined;
        } else {
            current = (current ?? "") + c;
        }
    }
    if (quote) throw new UsageError(`runtime.options.nodeargs has an unterminated ${quote} quote: ${text}`);
    if (current !== undefined) args.push(current);
    return args;
}

/** The package root the runner uses: the nearest folder with a package.json, up from the program's folder. */
function packageJsonOf(programDir: string): Record<string, unknown> {
    for (let dir = programDir; ; dir = path.dirname(dir)) {
        const file = path.join(dir, "package.json");
        if (fs.existsSync(file)) {
            try {
                return JSON.parse(fs.readFileSync(file, "utf8"));
            } catch {
                return {};
            }
        }
        if (path.dirname(dir) === dir) return {};
    }
}

const isModulePackage = (programDir: string) => packageJsonOf(programDir).type === "module";

/**
 * An ES-module TypeScript program needs an ES-module loader. The runner registers ts-node's when the
 * program has ts-node 10 or later installed; otherwise (or with an older SDK) tierguard supplies one.
 */
function needsTypeScriptHooks(launch: ProgramLaunch, runner: string, nodeArgs: string[]): boolean {
    if (!launch.project.options.typescript) return false;
    if (!isModulePackage(launch.project.programDir)) return false;
    if (nodeArgs.some((arg) => arg === "--loader" || arg === "--import" || arg.startsWith("--experimental-loader"))) return false;
    const runnerSource = fs.readFileSync(path.join(path.dirname(runner), "run.js"), "utf8");
    if (!runnerSource.includes("ts-node/esm")) return true;
    try {
        require.resolve("ts-node/esm", { paths: [path.dirname(runner)] });
        return false;
    } catch {
        return true;
    }
}

/** The runner's config: keys as the language host passes them (`<namespace>:config:<name>`). */
function configVariable(config: Record<string, string>): string {
    const transformed: Record<string, string> = {};
    for (const [key, value] of Object.entries(config)) {
        const colon = key.indexOf(":");
        transformed[colon > 0 ? `${key.slice(0, colon)}:config:${key.slice(colon + 1)}` : key] = value;
    }
    return JSON.stringify(transformed);
}

/** The longest line passed on in one piece; a longer one (a program may print megabytes) is passed on in pieces. */
const MAX_LINE = 64 * 1024;

/** The last lines a program wrote, bounded in lines and in characters. */
class OutputTail {
    private readonly lines: string[] = [];
    private size = 0;

    constructor(
        private readonly maxLines = 40,
        private readonly maxChars = 16 * 1024,
    ) {}

    push(line: string): void {
        const kept = line.length > this.maxChars ? `${line.slice(0, this.maxChars)} [… ${line.length - this.maxChars} more characters]` : line;
        this.lines.push(kept);
        this.size += kept.length;
        while (this.lines.length > this.maxLines || (this.size > this.maxChars && this.lines.length > 1)) this.size -= this.lines.shift()!.length;
    }

    text(): string {
        return this.lines.join("\n");
    }
}

/**
 * Splits a stream into lines, each passed on prefixed; a last unterminated line is passed on at the
 * end. Linear in what the program writes, whatever its line lengths.
 */
function forwardLines(stream: NodeJS.ReadableStream, prefix: string, sink: (line: string) => void, tail?: OutputTail): void {
    let pending = "";
    const emit = (line: string) => {
        sink(`${prefix}${line}`);
        tail?.push(line);
    };
    stream.setEncoding?.("utf8");
    stream.on("data", (chunk: string) => {
        let start = 0;
        let newline: number;
        while ((newline = chunk.indexOf("\n", start)) >= 0) {
            emit((pending + chunk.slice(start, newline)).replace(/\r$/, ""));
            pending = "";
            start = newline + 1;
        }
        pending += chunk.slice(start);
        while (pending.length >= MAX_LINE) {
            emit(pending.slice(0, MAX_LINE));
            pending = pending.slice(MAX_LINE);
        }
    });
    stream.on("end", () => {
        if (pending) emit(pending);
    });
}

export function startProgram(launch: ProgramLaunch): ProgramProcess {
    const { project } = launch;
    const { runner, nodePath } = locateRunner(project.programDir);
    const runId = crypto.randomUUID();
    const nodeArgs = project.options.nodeargs ? splitArgs(project.options.nodeargs) : [];
    const args = [
        ...nodeArgs,
        runner,
        "--monitor",
        launch.monitorAddress,
        "--engine",
        launch.engineAddress,
        "--organization",
        launch.organization,
        "--project",
        project.name,
        "--root-directory",
        project.dir,
        "--stack",
        launch.stack,
        "--pwd",
        project.programDir,
        "--dry-run",
        "--parallel",
        "16",
        project.entryPoint,
    ];
    const userNodeOptions = process.env.NODE_OPTIONS ?? "";
    const env: NodeJS.ProcessEnv = {
        ...process.env,
        PULUMI_CONFIG: configVariable(launch.config),
        PULUMI_CONFIG_SECRET_KEYS: JSON.stringify(launch.secretKeys),
        // Type errors are the compiler's job: transpile only, unless the user asked otherwise.
        PULUMI_NODEJS_TRANSPILE_ONLY: process.env.PULUMI_NODEJS_TRANSPILE_ONLY ?? "true",
        // NODE_OPTIONS rather than --require: the runner treats a --require in node's arguments as a custom loader.
        NODE_OPTIONS: `${userNodeOptions} --require ${JSON.stringify(PRELOAD)}`.trim(),
        TIERGUARD_NODE_OPTIONS: userNodeOptions,
        TIERGUARD_LIFELINE_FD: String(lifelineFd),
        // Inherited by every process the program starts, even one that leaves the process group.
        [RUN_ID_VARIABLE]: runId,
    };
    delete env.PULUMI_NODEJS_TYPESCRIPT;
    delete env.PULUMI_NODEJS_TSCONFIG_PATH;
    delete env.TIERGUARD_MODULE_HOOKS;
    delete env.TIERGUARD_MODULE_HOOKS_DATA;
    delete env.TIERGUARD_TS_RESOLVE;
    delete env.TIERGUARD_SDK;
    if (project.options.typescript) {
        env.PULUMI_NODEJS_TYPESCRIPT = "true";
        env.TIERGUARD_TS_RESOLVE = "1";
    }
    if (project.options.tsconfig) env.PULUMI_NODEJS_TSCONFIG_PATH = project.options.tsconfig;
    // ES-module programs need module hooks for TypeScript the SDK would not load, and for dependencies
    // that are not installed (NODE_PATH reaches CommonJS only).
    const transpile = needsTypeScriptHooks(launch, runner, nodeArgs);
    const fallbackParent = nodePath && isModulePackage(project.programDir) ? path.join(nodePath, "..", "tierguard-fallback.js") : undefined;
    if (transpile || fallbackParent) {
        env.TIERGUARD_MODULE_HOOKS = MODULE_HOOKS;
        env.TIERGUARD_MODULE_HOOKS_DATA = JSON.stringify({ transpile, fallbackParent });
    }
    // The runner's SDK, whose debug messages and promise stacks the preload spares (programPreload.ts).
    env.TIERGUARD_SDK = path.resolve(path.dirname(runner), "..", "..");
    if (nodePath) {
        env.NODE_PATH = [nodePath, process.env.NODE_PATH].filter(Boolean).join(path.delimiter);
        launch.output(
            `tierguard: warning: @pulumi/pulumi is not installed for ${project.programDir} (run npm install there; pulumi preview would refuse to run it): ` +
                `running it with tierguard's own @pulumi/pulumi and providers instead, whose versions may differ from the program's`,
        );
    }

    const child = spawn(process.execPath, args, {
        cwd: project.programDir,
        env,
        // Its own process group, so that stopping it stops whatever it started; a pipe on fd 3 that
        // closes when tierguard ends, however it ends (the preload stops the program then).
        detached: true,
        stdio: ["ignore", "pipe", "pipe", "pipe"],
    });
    const tail = new OutputTail();
    forwardLines(child.stdout!, "[program] ", launch.output);
    forwardLines(child.stderr!, "[program] ", launch.output, tail);
    // Exited, and its output read to the end (a grandchild holding the pipes open delays this at most briefly).
    const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
        child.once("exit", (code, signal) => {
            const done = () => resolve({ code, signal });
            child.once("close", done);
            setTimeout(done, 500).unref();
        });
        child.once("error", () => resolve({ code: null, signal: null }));
    });
    const runnerIndex = fs.readFileSync(runner.endsWith(".js") ? runner : path.join(runner, "index.js"), "utf8");
    return {
        child,
        signalsCompletion: runnerIndex.includes("signalAndWaitForShutdown"),
        exited,
        stderrTail: () => tail.text(),
        stop: async (graceMs = 2000) => {
            await stopGroup(child, exited, graceMs);
            killMarked(`${RUN_ID_VARIABLE}=${runId}`);
        },
    };
}

/** Signals a process group, ignoring a group that is already gone. */
function signalGroup(pid: number, signal: NodeJS.Signals): void {
    try {
        process.kill(-pid, signal);
    } catch {
        // Already gone.
    }
}

async function stopGroup(child: ChildProcess, exited: Promise<unknown>, graceMs: number): Promise<void> {
    if (child.pid === undefined) return;
    signalGroup(child.pid, "SIGTERM");
    const timer = new Promise((resolve) => setTimeout(resolve, graceMs).unref());
    await Promise.race([exited, timer]);
    // Whatever the program started in its group goes too, even when the program itself has exited.
    signalGroup(child.pid, "SIGKILL");
    await exited;
}
