/**
 * `check` runs programs as Pulumi does, in their own process through their SDK's runner, under
 * tierguard's engine: late registrations are judged, a program cannot change the report or the exit
 * code, and a program that fails, ends early or hangs gives exit 2 with its own error and a report of
 * what it registered. Every case in preview and update mode.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { fixture, tierguard, CliRun } from "./run";

const MODES = ["preview", "update"] as const;

interface Report {
    program: { status: string; exitCode?: number; errors?: string[]; seconds?: number };
    violations: Array<{ policy: string; resourceName: string; enforcementLevel: string; message: string }>;
    summary: { mandatory: number; advisory: number; resources: number };
    offline: Array<{ kind: string; token: string; answer: string; detail?: string }>;
}

function check(program: string, mode: string, ...args: string[]): CliRun & { report: Report } {
    const run = tierguard("check", fixture(program), "--mode", mode, "--format", "json", ...args);
    let report: Report;
    try {
        report = JSON.parse(run.stdout);
    } catch {
        throw new Error(`stdout is not a JSON report (exit ${run.code}):\n${run.stdout}\n--- stderr:\n${run.stderr}`);
    }
    return { ...run, report };
}

const sshOpenOn = (report: Report) =>
    report.violations.filter((v) => v.policy === "no-admin-ports-from-internet" && v.enforcementLevel === "mandatory").map((v) => v.resourceName).sort();

describe.each(MODES)("late registrations (%s)", (mode) => {
    it("judges resources registered from a timer, an un-awaited async block and a beforeExit handler", () => {
        const run = check("late-registration", mode);
        expect(run.report.program).toEqual({ status: "completed" });
        expect(sshOpenOn(run.report)).toEqual(["async-sg", "before-exit-sg", "timer-sg", "top-level-sg"]);
        expect(run.code).toBe(1);
    });
});

describe.each(MODES)("a program cannot change the report or the exit code (%s)", (mode) => {
    it("sends what the program prints to stderr, prefixed; stdout carries only the report", () => {
        const run = check("stdout-noise", mode);
        expect(sshOpenOn(run.report)).toEqual(["noisy-sg"]);
        expect(run.code).toBe(1);
        expect(run.stderr).toContain("[program] Summary: 0 mandatory, 0 advisory violations on 0 of 0 resources analysed.");
        expect(run.stderr).toContain("[program] and a line on stderr");
        expect(run.stderr).toContain("[program] a last line without a newline");
        expect(run.stdout).not.toContain("a last line");
        const text = tierguard("check", fixture("stdout-noise"), "--mode", mode);
        expect(text.stdout.startsWith("tierguard check ")).toBe(true);
        expect(text.stdout).not.toContain('"violations":[]');
    });

    it("ignores a program that patches stdout and its exit code, or writes to file descriptor 1", () => {
        const run = check("tamper", mode);
        expect(run.report.program).toEqual({ status: "completed" });
        expect(sshOpenOn(run.report)).toEqual(["tampered-sg"]);
        expect(run.code).toBe(1);
        expect(run.stdout).not.toContain("All clear");
        expect(run.stderr).toContain("[program] tierguard check: Summary: 0 mandatory, 0 advisory violations. All clear.");
    });
});

describe.each(MODES)("programs that do not finish (%s)", (mode) => {
    it("a process that ends before the runner signals completion: exit 2, what it registered judged", () => {
        const run = check("exit-early", mode);
        expect(run.report.program.status).toBe("ended early");
        expect(sshOpenOn(run.report)).toEqual(["registered-sg"]);
        expect(run.code).toBe(2);
        expect(run.stderr).toContain("INCOMPLETE: the program's process ended");
        expect(run.stderr).toContain('the last aws:ec2/securityGroup:SecurityGroup "registered-sg"');
    });

    it("a throw from a timer: exit 2 with the program's own error and stack", () => {
        const run = check("throw-in-timer", mode);
        expect(run.report.program.status).toBe("failed");
        expect(run.code).toBe(2);
        expect(run.stderr).toContain("timer exploded: the artifact store is unreachable");
        expect(run.stderr).toMatch(/at Timeout\.uploadArtifacts .*throw-in-timer\/index\.js:5:\d+/);
        expect(sshOpenOn(run.report)).toEqual(["before-throw-sg"]);
    });

    it("a rejected promise after a data source answered with nothing: exit 2, the error, and the data source named", () => {
        const run = check("rejected-promise", mode);
        expect(run.report.program.status).toBe("failed");
        expect(run.code).toBe(2);
        expect(run.stderr).toContain("TypeError: Cannot read properties of undefined (reading '0')");
        expect(run.stderr).toMatch(/Answered offline[^\n]*\n\s+data source aws:ec2\/getVpcEndpoint:getVpcEndpoint: no stand-in, answered with an empty result/);
        expect(run.report.offline).toContainEqual({ kind: "data source", token: "aws:ec2/getVpcEndpoint:getVpcEndpoint", answer: "empty", calls: 1 });
    });

    it("a program that logs an error fails, as under Pulumi", () => {
        const run = check("log-error", mode);
        expect(run.report.program.status).toBe("failed");
        expect(run.report.program.errors).toEqual(["refusing to continue: the network quota is exhausted"]);
        expect(run.code).toBe(2);
    });

    it("a second resource with the same URN is refused as the engine refuses it", () => {
        const run = check("duplicate-urn", mode);
        expect(run.code).toBe(2);
        expect(run.stderr).toContain("Duplicate resource URN 'urn:pulumi:dev::duplicate-urn::aws:ec2/securityGroup:SecurityGroup::twice'; try giving it a unique name");
    });

    it("a program that never finishes is stopped at --timeout: exit 2 naming the limit and what it registered", () => {
        const started = Date.now();
        const run = check("hang", mode, "--timeout", "3");
        expect(Date.now() - started).toBeLessThan(20_000);
        expect(run.report.program).toEqual({ status: "timed out", seconds: 3 });
        expect(run.code).toBe(2);
        expect(run.stderr).toContain("did not finish within 3 s (--timeout)");
        expect(run.stderr).toContain('the last aws:ec2/securityGroup:SecurityGroup "hang-sg"');
        expect(sshOpenOn(run.report)).toEqual(["hang-sg"]);
    });

    it("says INCOMPLETE in the text report too", () => {
        const run = tierguard("check", fixture("exit-early"), "--mode", mode);
        expect(run.code).toBe(2);
        expect(run.stdout.split("\n")[1]).toMatch(/^INCOMPLETE: the program's process ended/);
        expect(run.stdout).toMatch(/; INCOMPLETE\.$/m);
    });
});

describe.each(MODES)("program forms Pulumi loads (%s)", (mode) => {
    it("an ES-module TypeScript program written NodeNext-style (./network.js for network.ts)", () => {
        const run = check("esm-nodenext", mode);
        expect(run.report.program).toEqual({ status: "completed" });
        expect(sshOpenOn(run.report)).toEqual(["esm-admin-sg"]);
    });

    it("a CommonJS TypeScript program written NodeNext-style", () => {
        const run = check("cjs-nodenext", mode);
        expect(run.report.program).toEqual({ status: "completed" });
        expect(sshOpenOn(run.report)).toEqual(["cjs-admin-sg"]);
    });

    it("a package.json main that does not exist: Pulumi's warning, then the program's index", () => {
        const run = check("missing-main", mode);
        expect(run.report.program).toEqual({ status: "completed" });
        expect(run.stderr).toContain("[program] warning: Could not find entry point 'bin/index.js' specified in package.json");
        expect(sshOpenOn(run.report)).toEqual(["fallback-sg"]);
    });

    it("Pulumi.yaml main naming a file, runtime.options tsconfig and nodeargs, as the language host passes them", () => {
        const run = check("runtime-options", mode);
        expect(run.report.program).toEqual({ status: "completed" });
        expect(run.report.violations.map((v) => `${v.policy}@${v.resourceName}`)).toContain("no-database-ports-from-internet@options-sg");
    });

    it("the entry point package.json exports names", () => {
        const run = check("package-exports", mode);
        expect(run.report.program).toEqual({ status: "completed" });
        expect(sshOpenOn(run.report)).toEqual(["exported-sg"]);
    });

    it("a component's registered outputs, and a resource looked up again by URN (getResource)", () => {
        const run = check("rehydrate", mode);
        expect(run.report.program).toEqual({ status: "completed" });
        expect(sshOpenOn(run.report)).toEqual(["bastion-sg"]);
    });

    it("a program whose dependencies are not installed runs with tierguard's own SDK, with a warning", () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tierguard-uninstalled-"));
        fs.writeFileSync(path.join(dir, "Pulumi.yaml"), "name: uninstalled\nruntime: nodejs\n");
        fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: "uninstalled", dependencies: { "@pulumi/aws": "^7", "@pulumi/pulumi": "^3" } }));
        fs.writeFileSync(
            path.join(dir, "index.ts"),
            'import * as aws from "@pulumi/aws";\nnew aws.ec2.SecurityGroup("fresh-clone-sg", { ingress: [{ protocol: "-1", fromPort: 0, toPort: 0, cidrBlocks: ["0.0.0.0/0"] }] });\n',
        );
        const run = tierguard("check", dir, "--mode", mode, "--format", "json");
        expect(JSON.parse(run.stdout).program).toEqual({ status: "completed" });
        expect(run.stderr).toContain("tierguard: warning: @pulumi/pulumi is not installed for");
        expect(JSON.parse(run.stdout).violations.map((v: { policy: string; resourceName: string }) => `${v.policy}@${v.resourceName}`)).toContain("no-admin-ports-from-internet@fresh-clone-sg");
        expect(run.code).toBe(1);
    });

    it("an ES-module JavaScript program exporting an async function", () => {
        const run = check("esm", mode);
        expect(run.report.program).toEqual({ status: "completed" });
        expect(sshOpenOn(run.report)).toEqual(["esm-sg"]);
    });
});

describe.each(MODES)("what only the cloud or the backend knows (%s)", (mode) => {
    it("public AMI parameters answer as AWS writes them (the ECS JSON, plain ids), each one named", () => {
        const run = check("ssm-ami", mode);
        expect(run.report.program).toEqual({ status: "completed" });
        const names = run.report.offline.filter((o) => o.token === "aws:ssm/getParameter:getParameter").map((o) => o.detail).sort();
        expect(names).toEqual([
            "/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64",
            "/aws/service/ecs/optimized-ami/amazon-linux-2/recommended",
            "/aws/service/eks/optimized-ami/1.30/amazon-linux-2/recommended/image_id",
        ]);
        expect(run.code).toBe(0);
    });

    it("a StackReference's outputs are unknown and disclosed; what depends on them cannot be verified", () => {
        const run = check("stack-reference", mode);
        expect(run.report.program).toEqual({ status: "completed" });
        expect(run.report.offline).toContainEqual({ kind: "stack reference", token: "acme/network/prod", answer: "unknown", calls: 1 });
        const ssh = run.report.violations.find((v) => v.policy === "no-admin-ports-from-internet" && v.resourceName === "admin-sg")!;
        expect(ssh.enforcementLevel).toBe("advisory");
        expect(ssh.message).toMatch(/cannot be verified|cannot verify/i);
        expect(run.code).toBe(0);
        const text = tierguard("check", fixture("stack-reference"), "--mode", mode);
        expect(text.stdout).toContain("stack reference acme/network/prod: outputs unknown (no backend)");
    });
});

describe.each(MODES)("transforms run in the program, called back by the engine (%s)", (mode) => {
    it("applies a resource's own transforms, then the stack's, before judging", () => {
        const run = check("transforms", mode);
        expect(run.report.program).toEqual({ status: "completed" });
        const messagesFor = (name: string) => run.report.violations.filter((v) => v.policy === "no-admin-ports-from-internet" && v.resourceName === name).map((v) => v.message);
        expect(messagesFor("transformed-sg").join("\n")).toContain("TCP port 3389 from 0.0.0.0/0");
        expect(messagesFor("cleaned-sg").join("\n")).toContain("TCP port 3389 from 0.0.0.0/0");
        expect(messagesFor("cleaned-sg").join("\n")).not.toContain("port 22 ");
    });
});
