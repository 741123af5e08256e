/**
 * A pack started as the engine starts it (run-policy-pack from its folder), on tierguard's server or,
 * with TIERGUARD_ANALYZER_SERVER=sdk, on @pulumi/policy's own: the two sides of the differential tests;
 * and a pack started with a probe preloaded, to see what its process did by the time it printed its port.
 */
import { ChildProcess, spawn } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";

export interface StartedPack {
    child: ChildProcess;
    port: number;
}

/** A pack process as the engine starts it, with its port once printed (undefined if it exited first). */
interface SpawnedPack {
    child: ChildProcess;
    port: Promise<number | undefined>;
    stderr: () => string;
    exited: Promise<number | null>;
}

/**
 * `run-policy-pack` from `packDir`, as the engine starts it, in this process's environment changed by
 * `env` (an entry set to undefined is removed).
 */
function spawnPack(packDir: string, env: Record<string, string | undefined>): SpawnedPack {
    const childEnv: NodeJS.ProcessEnv = { ...process.env };
    for (const [name, value] of Object.entries(env)) {
        if (value === undefined) delete childEnv[name];
        else childEnv[name] = value;
    }
    const runner = require.resolve("@pulumi/pulumi/cmd/run-policy-pack", { paths: [packDir] });
    const child = spawn(process.execPath, [runner, "127.0.0.1:1", "."], { cwd: packDir, env: childEnv, stdio: ["ignore", "pipe", "pipe"] });
    let stderr = "";
    child.stderr!.on("data", (chunk) => (stderr += chunk));
    const exited = new Promise<number | null>((resolve) => child.on("exit", resolve));
    const port = new Promise<number | undefined>((resolve) => {
        let stdout = "";
        child.stdout!.on("data", (chunk) => {
            stdout += chunk;
            const match = /^(\d+)\s*$/m.exec(stdout);
            if (match) resolve(Number(match[1]));
        });
        void exited.then(() => resolve(undefined));
    });
    return { child, port, stderr: () => stderr, exited };
}

/** `server`: the value of TIERGUARD_ANALYZER_SERVER, or undefined to leave it unset (tierguard's server, as shipped). */
export async function startPack(server: string | undefined, packDir: string): Promise<StartedPack> {
    const pack = spawnPack(packDir, { TIERGUARD_ANALYZER_SERVER: server });
    const port = await pack.port;
    if (port === undefined) throw new Error(`the ${server ?? "default"} pack exited with code ${await pack.exited}: ${pack.stderr()}`);
    return { child: pack.child, port };
}

export async function stopPack(child: ChildProcess): Promise<void> {
    if (child.exitCode !== null || child.signalCode !== null) return;
    await new Promise<void>((resolve) => {
        child.once("exit", () => resolve());
        child.kill("SIGKILL");
    });
}

/** What a probed pack left: its probe's record (unless it exited before printing a port), its stderr, its exit code. */
export interface ProbedPack {
    record?: string;
    stderr: string;
    /** The exit code, when the pack exited before printing its port. */
    exitCode?: number | null;
}

/**
 * Starts the pack in `packDir` as the engine starts it, with `probe(recordFile)` preloaded after any
 * `preloads` (JavaScript that, on SIGTERM, writes what it observed to recordFile and exits), stops it
 * with SIGTERM once it has printed its port, and returns what the probe wrote. `env` entries set to
 * undefined are removed from the pack's environment; NODE_OPTIONS is extended, not replaced.
 */
export async function probePack(
    packDir: string,
    probe: (recordFile: string) => string,
    options: { preloads?: string[]; env?: Record<string, string | undefined> } = {},
): Promise<ProbedPack> {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tierguard-probe-"));
    try {
        const probeFile = path.join(dir, "probe.js");
        const recordFile = path.join(dir, "record");
        fs.writeFileSync(probeFile, probe(recordFile));
        const requires = [...(options.preloads ?? []), probeFile].map((file) => `--require ${JSON.stringify(file)}`);
        const pack = spawnPack(packDir, { NODE_OPTIONS: [process.env.NODE_OPTIONS ?? "", ...requires].join(" ").trim(), ...options.env });
        if ((await pack.port) === undefined) return { stderr: pack.stderr(), exitCode: await pack.exited };
        pack.child.kill("SIGTERM");
        await pack.exited;
        return { record: fs.readFileSync(recordFile, "utf8"), stderr: pack.stderr() };
    } finally {
        fs.rmSync(dir, { recursive: true, force: true });
    }
}
