/**
 * `tierguard check` on a generated program, against the floor any engine pays: the same program
 * through the same SDK runner, answered by a monitor that only acknowledges (no `--engine`, nothing
 * recorded, nothing judged). The difference is what tierguard's engine, its pack and the judging cost.
 */
import * as grpc from "@grpc/grpc-js";
import * as fs from "fs";
import * as path from "path";
import { Empty } from "google-protobuf/google/protobuf/empty_pb";
import { ResourceMonitorService } from "@pulumi/pulumi/proto/resource_grpc_pb";
import * as resproto from "@pulumi/pulumi/proto/resource_pb";
import { ProcessRun, runMeasured } from "./measure";

/** A Pulumi JavaScript program of `groups` security groups in one VPC; every thousandth (from the eighth) opens SSH to the world. */
export function writeGroupsProgram(dir: string, groups: number): { dir: string; sshMistakes: number } {
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, "Pulumi.yaml"), `name: groups-${groups}\nruntime: nodejs\n`);
    fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: `groups-${groups}`, private: true }));
    fs.writeFileSync(
        path.join(dir, "index.js"),
        `const aws = require("@pulumi/aws");
const vpc = new aws.ec2.Vpc("vpc", { cidrBlock: "10.0.0.0/16" });
for (let i = 0; i < ${groups}; i++) {
    const ingress = [{ protocol: "tcp", fromPort: 443, toPort: 443, cidrBlocks: ["10.0.0.0/16"], description: "https from the VPC" }];
    if (i % 1000 === 7) ingress.push({ protocol: "tcp", fromPort: 22, toPort: 22, cidrBlocks: ["0.0.0.0/0"], description: "ssh" });
    new aws.ec2.SecurityGroup("sg-" + i, {
        vpcId: vpc.id,
        description: "group " + i,
        ingress,
        egress: [{ protocol: "tcp", fromPort: 443, toPort: 443, cidrBlocks: ["0.0.0.0/0"], description: "https out" }],
        tags: { app: "bench", index: String(i) },
    });
}
`,
    );
    let sshMistakes = 0;
    for (let i = 0; i < groups; i++) if (i % 1000 === 7) sshMistakes++;
    return { dir, sshMistakes };
}

/** A ResourceMonitor that acknowledges every registration with its URN and answers nothing else. */
async function ackMonitor(): Promise<{ address: string; registrations: () => number; close: () => void }> {
    const server = new grpc.Server();
    let registrations = 0;
    server.addService(ResourceMonitorService, {
        registerResource: (
            call: grpc.ServerUnaryCall<resproto.RegisterResourceRequest, unknown>,
            callback: grpc.sendUnaryData<resproto.RegisterResourceResponse>,
        ) => {
            registrations++;
            callback(null, new resproto.RegisterResourceResponse().setUrn(`urn:pulumi:bench::bench::${call.request.getType()}::${call.request.getName()}`));
        },
        registerResourceOutputs: (_call: unknown, callback: grpc.sendUnaryData<Empty>) => callback(null, new Empty()),
        signalAndWaitForShutdown: (_call: unknown, callback: grpc.sendUnaryData<Empty>) => callback(null, new Empty()),
    });
    const port = await new Promise<number>((resolve, reject) =>
        server.bindAsync("127.0.0.1:0", grpc.ServerCredentials.createInsecure(), (error, bound) => (error ? reject(error) : resolve(bound))),
    );
    return { address: `127.0.0.1:${port}`, registrations: () => registrations, close: () => server.forceShutdown() };
}

/** The floor: the program through its SDK's runner against the acknowledging monitor; the runner's process tree is measured. */
export async function runFloor(program: string, expectedRegistrations: number): Promise<ProcessRun> {
    const monitor = await ackMonitor();
    try {
        const runner = require.resolve("@pulumi/pulumi/cmd/run", { paths: [program] });
        const run = await runMeasured(
            process.execPath,
            [
                runner,
                "--monitor",
                monitor.address,
                "--organization",
                "organization",
                "--project",
                "bench",
                "--stack",
                "bench",
                "--pwd",
                program,
                "--dry-run",
                ".",
            ],
            {
                env: {
                    ...process.env,
                    PULUMI_CONFIG: "{}",
                    PULUMI_CONFIG_SECRET_KEYS: "[]",
                    PULUMI_NODEJS_TYPESCRIPT: "true",
                    PULUMI_NODEJS_TRANSPILE_ONLY: "true",
                },
            },
        );
        if (run.code !== 0 || monitor.registrations() !== expectedRegistrations) {
            throw new Error(
                `the floor run of ${program} exited ${run.code} after ${monitor.registrations()} registrations (expected ${expectedRegistrations})`,
            );
        }
        return run;
    } finally {
        monitor.close();
    }
}

/** `tierguard check --format json` of the program: its whole process tree (CLI, program, pack) is measured; the findings are checked. */
export async function runCheck(program: string, sshMistakes: number): Promise<ProcessRun> {
    const cli = path.resolve(__dirname, "..", "cli", "main.js");
    const run = await runMeasured(process.execPath, [cli, "check", program, "--format", "json"], { captureStdout: true });
    const report = JSON.parse(run.stdout ?? "{}");
    const found = (report.violations ?? []).filter(
        (v: { policy: string; enforcementLevel: string }) => v.policy === "no-admin-ports-from-internet" && v.enforcementLevel === "mandatory",
    ).length;
    if (report.program?.status !== "completed" || found !== sshMistakes) {
        throw new Error(`tierguard check of ${program}: program ${JSON.stringify(report.program)}, ${found} SSH findings where ${sshMistakes} were planted`);
    }
    return run;
}
