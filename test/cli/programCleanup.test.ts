/**
 * No process or port is left behind on any path: a program that completes, fails, ends early or
 * hangs; tierguard stopped with SIGTERM or killed with SIGKILL while the program runs (the program,
 * the processes it started and the pack all carry a lifeline to tierguard). The engine's own server
 * is closed when a run returns.
 */
import * as fs from "fs";
import * as net from "net";
import * as os from "os";
import * as path from "path";
import { loadConfig, loadProject } from "../../cli/program/project";
import { runProgram } from "../../cli/engine/runProgram";
import { ROOT, fixture, leftoverProcesses, markedRun } from "./run";

const MODES = ["preview", "update"] as const;

describe.each(MODES)("every process ends with tierguard (%s)", (mode) => {
    it.each([
        ["completes", "late-registration", 1],
        ["fails", "throw-in-timer", 2],
        ["ends early", "exit-early", 2],
        ["leaves a server running in a session of its own", "detached-helper", 1],
    ])("when the program %s", async (_, program, exitCode) => {
        const run = await markedRun(["check", fixture(program), "--mode", mode]);
        expect(run.code).toBe(exitCode);
        expect(await leftoverProcesses(run.marker)).toEqual([]);
    });

    it("when the program hangs and starts a process of its own, at the time limit", async () => {
        const run = await markedRun(["check", fixture("hang"), "--mode", mode, "--timeout", "2"]);
        expect(run.code).toBe(2);
        expect(await leftoverProcesses(run.marker)).toEqual([]);
    });

    it.each(["SIGTERM", "SIGKILL"] as const)("when tierguard is stopped with %s while the program runs", async (signal) => {
        const pidFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "tierguard-")), "pids.json");
        const run = await markedRun(["check", fixture("hang"), "--mode", mode, "--timeout", "60", "-c", `pidFile=${pidFile}`], {
            onStarted: (cli) => {
                // Once the program runs (it has started its own process and written both pids), stop tierguard.
                const poll = setInterval(() => {
                    if (!fs.existsSync(pidFile)) return;
                    clearInterval(poll);
                    cli.kill(signal);
                }, 50);
            },
        });
        expect(run.signal).toBe(signal);
        expect(JSON.parse(fs.readFileSync(pidFile, "utf8"))).toHaveLength(2);
        expect(await leftoverProcesses(run.marker, 5000)).toEqual([]);
    });
});

it("closes the engine's server when a run returns", async () => {
    const project = loadProject(path.join(ROOT, fixture("late-registration")));
    const config = loadConfig(project, "dev", []);
    const run = await runProgram({ project, stack: "dev", mode: "preview", config: config.values, secretKeys: [], timeoutSeconds: 30, output: () => undefined });
    expect(run.outcome).toEqual({ status: "completed" });
    const [host, port] = run.address.split(":");
    const refused = await new Promise<boolean>((resolve) => {
        const socket = net.connect(Number(port), host);
        socket.on("connect", () => (socket.destroy(), resolve(false)));
        socket.on("error", () => resolve(true));
    });
    expect(refused).toBe(true);
});
