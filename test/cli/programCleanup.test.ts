/**
 * No process or port is left behind on any path: a program that starts a server in a session of its
 * own; tierguard stopped with SIGTERM or killed with SIGKILL while the program runs, with processes
 * of its own in its group and in a session of its own (the program and the pack carry a lifeline to
 * tierguard; the program stops every process it started when it goes). The engine's own server
 * is closed when a run returns. (The lifecycle tests check the same after every program they run:
 * one that completes, fails, ends early or hangs.)
 *
 * The mode changes only what the engine answers a registration (an update gives ids) and the pack's
 * dryRun; how tierguard starts, stops and cleans up the program's processes is the same code in both,
 * and these programs read no id: each case runs once, in preview (the default).
 */
import * as fs from "fs";
import * as net from "net";
import * as os from "os";
import * as path from "path";
import { loadConfig, loadProject } from "../../cli/program/project";
import { runProgram } from "../../cli/engine/runProgram";
import { ROOT, fixture, leftoverProcesses, markedRun } from "./run";

/** For cases the mode cannot change (see above). */
const PREVIEW = ["preview"] as const;

describe.each(PREVIEW)("every process ends with tierguard (%s)", (mode) => {
    // Every run of programLifecycle.test also asserts that none of its processes is left behind.
    it("when the program leaves a server running in a session of its own", async () => {
        const run = await markedRun(["check", fixture("detached-helper"), "--mode", mode]);
        expect(run.code).toBe(1);
        expect(await leftoverProcesses(run.marker)).toEqual([]);
    });

    it.each(["SIGTERM", "SIGKILL"] as const)("when tierguard is stopped with %s while the program runs", async (signal) => {
        const pidFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "tierguard-")), "pids.json");
        const run = await markedRun(["check", fixture("hang"), "--mode", mode, "--timeout", "60", "-c", `pidFile=${pidFile}`], {
            onStarted: (cli) => {
                // Once the program runs (it has started its own processes and written the pids), stop tierguard.
                const poll = setInterval(() => {
                    if (!fs.existsSync(pidFile)) return;
                    clearInterval(poll);
                    cli.kill(signal);
                }, 50);
            },
        });
        expect(run.signal).toBe(signal);
        expect(JSON.parse(fs.readFileSync(pidFile, "utf8"))).toHaveLength(3);
        expect(await leftoverProcesses(run.marker, 5000)).toEqual([]);
    });
});

it("closes the engine's server when a run returns", async () => {
    const project = loadProject(path.join(ROOT, fixture("late-registration")));
    const config = loadConfig(project, "dev", []);
    const run = await runProgram({
        project,
        stack: "dev",
        mode: "preview",
        config: config.values,
        secretKeys: [],
        timeoutSeconds: 30,
        output: () => undefined,
    });
    expect(run.outcome).toEqual({ status: "completed" });
    const [host, port] = run.address.split(":");
    const refused = await new Promise<boolean>((resolve) => {
        const socket = net.connect(Number(port), host);
        socket.on("connect", () => (socket.destroy(), resolve(false)));
        socket.on("error", () => resolve(true));
    });
    expect(refused).toBe(true);
});
