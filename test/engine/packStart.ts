/**
 * A pack started as the engine starts it (run-policy-pack from its folder), on tierguard's server or,
 * with TIERGUARD_ANALYZER_SERVER=sdk, on @pulumi/policy's own: the two sides of the differential tests.
 */
import { ChildProcess, spawn } from "child_process";

export interface StartedPack {
    child: ChildProcess;
    port: number;
}

/** `server`: the value of TIERGUARD_ANALYZER_SERVER, or undefined to leave it unset (tierguard's server, as shipped). */
export async function startPack(server: string | undefined, packDir: string): Promise<StartedPack> {
    const env = { ...process.env };
    if (server === undefined) delete env.TIERGUARD_ANALYZER_SERVER;
    else env.TIERGUARD_ANALYZER_SERVER = server;
    const runner = require.resolve("@pulumi/pulumi/cmd/run-policy-pack", { paths: [packDir] });
    const child = spawn(process.execPath, [runner, "127.0.0.1:1", "."], { cwd: packDir, env, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stderr!.on("data", (chunk) => (stderr += chunk));
    const port = await new Promise<number>((resolve, reject) => {
        child.stdout!.on("data", (chunk) => {
            stdout += chunk;
            const match = /^(\d+)\s*$/m.exec(stdout);
            if (match) resolve(Number(match[1]));
        });
        child.on("exit", (code) => reject(new Error(`the ${server ?? "default"} pack exited with code ${code}: ${stderr}`)));
    });
    return { child, port };
}

export async function stopPack(child: ChildProcess): Promise<void> {
    if (child.exitCode !== null || child.signalCode !== null) return;
    await new Promise<void>((resolve) => {
        child.once("exit", () => resolve());
        child.kill("SIGKILL");
    });
}
