/**
 * `check` runs programs as Pulumi does, in their own process through their SDK's runner, under
 * tierguard's engine: late registrations are judged, a program cannot change the report or the exit
 * code, and a program that fails, ends early or hangs gives exit 2 with its own error and a report of
 * what it registered.
 *
 * The mode changes only what the engine answers a registration (an update gives ids) and the pack's
 * dryRun; starting, watching, limiting and stopping the program and forwarding its output are the same
 * code in both. So late registrations and a program that ends early (the report of a partial run) are
 * judged in both modes; the other cases, whose programs read no id, run once, in preview (the default).
 */
import { MODES, checkJson as check, sshOpenOn } from "./checkJson";
import { fixture, leftoverProcesses, tierguard } from "./run";

/** For cases the mode cannot change (see above). */
const PREVIEW = ["preview"] as const;

describe.each(MODES)("late registrations (%s)", (mode) => {
    it("judges resources registered from a timer, an un-awaited async block and a beforeExit handler", async () => {
        const run = check("late-registration", mode);
        expect(run.report.program).toEqual({ status: "completed" });
        expect(sshOpenOn(run.report)).toEqual(["async-sg", "before-exit-sg", "timer-sg", "top-level-sg"]);
        expect(run.code).toBe(1);
        expect(await leftoverProcesses(run.marker)).toEqual([]);
    });
});

describe.each(PREVIEW)("a program cannot change the report or the exit code (%s)", (mode) => {
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

describe.each(MODES)("a program that ends early (%s)", (mode) => {
    it("a process that ends before the runner signals completion: exit 2, what it registered judged", async () => {
        const run = check("exit-early", mode);
        expect(await leftoverProcesses(run.marker)).toEqual([]);
        expect(run.report.program.status).toBe("ended early");
        expect(sshOpenOn(run.report)).toEqual(["registered-sg"]);
        expect(run.code).toBe(2);
        expect(run.stderr).toContain("INCOMPLETE: the program's process ended");
        expect(run.stderr).toContain('the last aws:ec2/securityGroup:SecurityGroup "registered-sg"');
    });
});

describe.each(PREVIEW)("programs that do not finish (%s)", (mode) => {
    it("a throw from a timer: exit 2 with the program's own error and stack", async () => {
        const run = check("throw-in-timer", mode);
        expect(await leftoverProcesses(run.marker)).toEqual([]);
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

    it("a program that asks for the AWS region nobody gave: exit 2 with its error and how to give one", () => {
        const run = check("needs-region", mode);
        expect(run.report.program.status).toBe("failed");
        expect(run.code).toBe(2);
        expect(run.stderr).toContain("No AWS region has been configured");
        expect(run.stderr).toContain("give it with -c aws:region=us-east-1");
        const given = check("needs-region", mode, "-c", "aws:region=eu-west-1");
        expect(given.report.program.status).toBe("completed");
        expect(given.stderr).not.toContain("aws:region=us-east-1");
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
        expect(run.stderr).toContain(
            "Duplicate resource URN 'urn:pulumi:dev::duplicate-urn::aws:ec2/securityGroup:SecurityGroup::twice'; try giving it a unique name",
        );
    });

    it("a program that never finishes, and a process it started, are stopped at --timeout: exit 2 naming the limit and what it registered", async () => {
        const started = Date.now();
        // 8 s: long enough for the program to load and register on a busy 2-core machine.
        const run = check("hang", mode, "--timeout", "8");
        expect(await leftoverProcesses(run.marker)).toEqual([]);
        expect(Date.now() - started).toBeLessThan(30_000);
        expect(run.report.program).toEqual({ status: "timed out", seconds: 8 });
        expect(run.code).toBe(2);
        expect(run.stderr).toContain("did not finish within 8 s (--timeout)");
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

describe.each(PREVIEW)("what a real program may do (%s)", (mode) => {
    it("a program still running after the runner said it finished is waited for, within --timeout", () => {
        const waited = check("slow-exit", mode);
        expect(waited.report.program).toEqual({ status: "completed" });
        expect(waited.stderr).toContain("[program] flushed");
        const stopped = check("slow-exit", mode, "--timeout", "6", "-c", "flushMs=60000");
        expect(stopped.report.program).toEqual({ status: "completed" });
        expect(stopped.stderr).toContain("still running at the time limit (--timeout 6 s), after Pulumi's runner had said it was finished");
        expect(sshOpenOn(stopped.report)).toEqual(["slow-sg"]);
        expect(stopped.code).toBe(1);
    });

    it("megabytes of output on one line or many: forwarded, the report intact, the error bounded", () => {
        const started = Date.now();
        const loud = check("big-output", mode);
        expect(loud.report.program).toEqual({ status: "completed" });
        expect(sshOpenOn(loud.report)).toEqual(["loud-sg"]);
        const failing = check("big-output", mode, "-c", "fail=true");
        expect(failing.report.program.status).toBe("failed");
        expect(failing.report.program.errors!.join("\n")).toContain("failed after a lot of output");
        expect(failing.stderr.slice(-4000)).toContain("failed after a lot of output");
        expect(Date.now() - started).toBeLessThan(40_000);
    });

    it("a runner that reports its own failure (exit code 32) is a failure, with what it printed", () => {
        const run = check("typescript-off", mode);
        expect(run.report.program.status).toBe("failed");
        expect(run.stderr).toMatch(/The program's error:\n {2}We failed to locate the entry point/);
    });
});
