/** Runs the built `tierguard` command as a user would, capturing exit code and output. */
import { spawnSync } from "child_process";
import * as path from "path";

export const ROOT = path.resolve(__dirname, "..", "..", "..");
const CLI = path.join(ROOT, "dist", "cli", "main.js");

export interface CliRun {
    code: number;
    stdout: string;
    stderr: string;
}

export function tierguard(...args: string[]): CliRun {
    const run = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: "utf8", timeout: 120_000 });
    return { code: run.status ?? -1, stdout: run.stdout, stderr: run.stderr };
}

export const fixture = (name: string) => path.join("test", "fixtures", "programs", name);
