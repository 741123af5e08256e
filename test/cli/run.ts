/** Runs the built `tierguard` command as a user would, capturing exit code and output. */
import { spawn, spawnSync } from "child_process";
import * as crypto from "crypto";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { REPO_ROOT } from "../repoRoot";

export const ROOT = REPO_ROOT;
export const CLI = path.join(ROOT, "dist", "cli", "main.js");
const EMPTY_PULUMI_HOME = fs.mkdtempSync(path.join(os.tmpdir(), "tierguard-pulumi-home-"));

export interface CliRun {
    code: number;
    stdout: string;
    stderr: string;
    /** In the environment of every process of the run: see processesWithMarker. */
    marker: string;
}

export function tierguard(...args: string[]): CliRun {
    return tierguardWith({}, ...args);
}

/** `tierguard` with extra environment variables (e.g. PULUMI_HOME for a plugin folder). */
export function tierguardWith(env: Record<string, string>, ...args: string[]): CliRun {
    const marker = `tierguard-test-${crypto.randomUUID()}`;
    // A program may print megabytes, all forwarded to stderr.
    const run = spawnSync(process.execPath, [CLI, ...args], {
        cwd: ROOT,
        encoding: "utf8",
        timeout: 120_000,
        maxBuffer: 512 * 1024 * 1024,
        // Plugins installed on this machine must not decide a test: an empty plugin folder unless one is given.
        env: { ...process.env, PULUMI_HOME: EMPTY_PULUMI_HOME, ...env, TIERGUARD_TEST_MARKER: marker },
    });
    return { code: run.status ?? -1, stdout: run.stdout, stderr: run.stderr, marker };
}

export const fixture = (name: string) => path.join("test", "fixtures", "programs", name);

/**
 * A tierguard run whose every process (the CLI, the program, the pack, whatever they start) carries
 * a marker in its environment, so a test can ask afterwards whether any of them is still running.
 */
export function markedRun(
    args: string[],
    options: { onStarted?: (cli: ReturnType<typeof spawn>) => void; env?: Record<string, string> } = {},
): Promise<CliRun & { signal: NodeJS.Signals | null }> {
    const marker = `tierguard-test-${crypto.randomUUID()}`;
    const cli = spawn(process.execPath, [CLI, ...args], { cwd: ROOT, env: { ...process.env, ...options.env, TIERGUARD_TEST_MARKER: marker } });
    let stdout = "";
    let stderr = "";
    cli.stdout.on("data", (chunk) => (stdout += chunk));
    cli.stderr.on("data", (chunk) => (stderr += chunk));
    options.onStarted?.(cli);
    return new Promise((resolve) => cli.on("close", (code, signal) => resolve({ code: code ?? -1, signal, stdout, stderr, marker })));
}

/** Processes still running (zombies are dead) whose environment carries the marker. */
export function processesWithMarker(marker: string): number[] {
    const found: number[] = [];
    for (const entry of fs.readdirSync("/proc")) {
        if (!/^\d+$/.test(entry)) continue;
        try {
            const state = fs.readFileSync(`/proc/${entry}/stat`, "utf8").replace(/^.*\) /, "")[0];
            if (state === "Z" || state === "X") continue;
            if (fs.readFileSync(`/proc/${entry}/environ`, "latin1").includes(marker)) found.push(Number(entry));
        } catch {
            // Gone, or not ours.
        }
    }
    return found;
}

/** Waits until no process carries the marker (a stopped group may take a moment to go); returns what is left. */
export async function leftoverProcesses(marker: string, withinMs = 3000): Promise<number[]> {
    const deadline = Date.now() + withinMs;
    let left = processesWithMarker(marker);
    while (left.length > 0 && Date.now() < deadline) {
        await new Promise((resolve) => setTimeout(resolve, 100));
        left = processesWithMarker(marker);
    }
    return left;
}
