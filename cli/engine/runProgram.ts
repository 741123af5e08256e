/**
 * `check`'s deployment engine: serves `ResourceMonitor` and `Engine` on 127.0.0.1, runs the program
 * in its own process through its SDK's runner, and records what it registers until the runner says
 * it is done (SignalAndWaitForShutdown). Whatever happens — the program finishes, fails, ends early,
 * hangs past the time limit — the run ends with an outcome, the program's process group stopped and
 * the server closed.
 */
import * as grpc from "@grpc/grpc-js";
import { ResourceMonitorService } from "@pulumi/pulumi/proto/resource_grpc_pb";
import { EngineService } from "@pulumi/pulumi/proto/engine_grpc_pb";
import { Project } from "../program/project";
import { CaptureResult, CapturedResource, Mode } from "./capturedStack";
import { OfflineAnswer } from "./dataSources";
import { Deployment, DeploymentConnection, ProgramLog } from "./deployment";
import { engineService } from "./engineService";
import { startProgram } from "./languageHost";
import { ResourceMonitor } from "./resourceMonitor";
import { ComponentExpander } from "./components/componentExpansion";
import { PluginHost } from "./components/pluginHost";
import { terminalText } from "../report/escape";

/**
 * How the program's run ended. Only "completed" means every resource the program meant to create was
 * judged. "failed": the program reported errors (an uncaught exception or rejection, `log.error`);
 * "ended early": its process ended before the runner signalled completion, without an error of its
 * own (process.exit, a signal); "timed out": stopped at the time limit.
 */
export type ProgramOutcome =
    | { status: "completed" }
    | { status: "failed"; exitCode: number | null; signal: string | null; errors: string[] }
    | { status: "ended early"; exitCode: number | null; signal: string | null; output: string }
    | { status: "timed out"; seconds: number };

export interface ProgramRun {
    capture: CaptureResult;
    outcome: ProgramOutcome;
    /** Data sources, methods, reads and stack references answered without the cloud. */
    offline: OfflineAnswer[];
    /** Registrations refused because they came after the program said it was done. */
    late: string[];
    /** Where the engine served the program (closed by the time the run is returned). */
    address: string;
}

export interface RunOptions {
    project: Project;
    stack: string;
    mode: Mode;
    config: Record<string, string>;
    secretKeys: string[];
    /** Seconds the program may run before it is stopped. */
    timeoutSeconds: number;
    organization?: string;
    /** Where the program's own output and logs go, one line at a time (tierguard's stderr). */
    output?: (line: string) => void;
    /** Called after each registration or read, with the number recorded so far. */
    onResource?: (resource: CapturedResource, count: number) => void;
}

function formatLog(entry: ProgramLog): string {
    return `${entry.severity}: ${entry.message}`;
}

async function serve(deployment: Deployment, monitor: ResourceMonitor, onLog: (entry: ProgramLog) => void): Promise<{ server: grpc.Server; address: string }> {
    const server = new grpc.Server({ "grpc.max_receive_message_length": 400 * 1024 * 1024, "grpc.max_send_message_length": 400 * 1024 * 1024 });
    server.addService(ResourceMonitorService, monitor.service);
    server.addService(EngineService, engineService(deployment, onLog));
    const port = await new Promise<number>((resolve, reject) =>
        server.bindAsync("127.0.0.1:0", grpc.ServerCredentials.createInsecure(), (error, bound) => (error ? reject(error) : resolve(bound))),
    );
    return { server, address: `127.0.0.1:${port}` };
}

function closeServer(server: grpc.Server): Promise<void> {
    return new Promise((resolve) => {
        const force = setTimeout(() => {
            server.forceShutdown();
            resolve();
        }, 1000);
        server.tryShutdown(() => {
            clearTimeout(force);
            resolve();
        });
    });
}

export async function runProgram(options: RunOptions): Promise<ProgramRun> {
    const output = options.output ?? ((line: string) => process.stderr.write(`${line}\n`));
    const region = options.config["aws:region"] ?? process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION ?? "us-east-1";
    const deployment = new Deployment({
        project: options.project.name,
        stack: options.stack,
        organization: options.organization ?? "organization",
        mode: options.mode,
        region,
        onResource: options.onResource,
    });
    const monitor = new ResourceMonitor(deployment);
    // Errors are shown once, at the end, as the program's failure; everything else as it happens.
    const { server, address } = await serve(deployment, monitor, (entry) => entry.severity !== "error" && output(`[program] ${formatLog(entry)}`));
    const connection: DeploymentConnection = {
        stack: options.stack,
        organization: deployment.settings.organization,
        config: options.config,
        secretKeys: options.secretKeys,
        monitorAddress: address,
        engineAddress: address,
    };
    const plugins = new PluginHost({ ...connection, project: options.project.name });
    monitor.expander = new ComponentExpander(deployment, plugins, options.project.packages);
    let program: ReturnType<typeof startProgram> | undefined;
    try {
        program = startProgram({ ...connection, project: options.project, output });
        const outcome = await awaitOutcome(program, deployment, options.timeoutSeconds, output);
        for (const label of deployment.late) {
            output(
                `tierguard: warning: ${terminalText(label)} was registered after the program signalled that it had finished; Pulumi's engine refuses that too, so it is not judged`,
            );
        }
        return { capture: deployment.capture(), outcome, offline: deployment.offline.list(), late: deployment.late, address };
    } finally {
        await program?.stop();
        await plugins.close();
        monitor.callbacks.close();
        await closeServer(server);
    }
}

/** The runner's exit code for "the program failed and I have already said why" (cmd/run). */
const REPORTED_FAILURE_EXIT_CODE = 32;

async function awaitOutcome(
    program: ReturnType<typeof startProgram>,
    deployment: Deployment,
    timeoutSeconds: number,
    output: (line: string) => void,
): Promise<ProgramOutcome> {
    let timer: NodeJS.Timeout | undefined;
    const timedOut = new Promise<"timeout">((resolve) => (timer = setTimeout(() => resolve("timeout"), timeoutSeconds * 1000)));
    try {
        const first = await Promise.race([program.exited, deployment.shutdownSignalled.then(() => "signalled" as const), timedOut]);
        if (first === "timeout") return { status: "timed out", seconds: timeoutSeconds };
        let exit = first === "signalled" ? await Promise.race([program.exited, timedOut]) : first;
        let stoppedAfterFinishing = false;
        if (exit === "timeout") {
            // Done as Pulumi defines it (the runner signalled), but still running (a slow flush, a stray timer):
            // everything it meant to register was registered, so it is stopped and the run counts as completed.
            output(
                `tierguard: warning: the program was still running at the time limit (--timeout ${timeoutSeconds} s), after Pulumi's runner had said it was finished; stopped it`,
            );
            await program.stop();
            exit = await program.exited;
            stoppedAfterFinishing = true;
        }
        const errors = deployment.logs.filter((l) => l.severity === "error").map((l) => l.message);
        if (errors.length > 0) return { status: "failed", exitCode: exit.code, signal: exit.signal, errors };
        const tail = program.stderrTail().trim();
        const finished = deployment.isShutdownSignalled || !program.signalsCompletion;
        if (finished && (stoppedAfterFinishing || exit.code === 0)) return { status: "completed" };
        if (finished || exit.code === REPORTED_FAILURE_EXIT_CODE) {
            return {
                status: "failed",
                exitCode: exit.code,
                signal: exit.signal,
                errors: [tail || `the program's process ended with ${exit.signal ? `signal ${exit.signal}` : `exit code ${exit.code}`} and logged no error`],
            };
        }
        return { status: "ended early", exitCode: exit.code, signal: exit.signal, output: tail };
    } finally {
        clearTimeout(timer);
    }
}
