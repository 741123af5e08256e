/**
 * `npm run bench` keeps working: a tiny run of every section prints the full table. Budgets are not
 * judged here (a timed unit test proves nothing on a shared machine); the benchmark itself does that.
 */
import { spawnSync } from "child_process";
import * as path from "path";
import { syntheticStack } from "../../bench/syntheticStack";
import { PackConfiguration, judgeInProcess } from "../../policypack/inProcess";
import { policyDefinitions, stackPolicyDefinitions } from "../../policypack/policies";

it("runs every section of the benchmark and prints its table", () => {
    const script = path.resolve(__dirname, "..", "..", "bench", "run.js");
    const run = spawnSync(
        process.execPath,
        [script, "--runs", "1", "--sizes", "300,600", "--analyze-size", "300", "--scan-size", "300", "--program-sizes", "50", "--routed-sizes", "300,1500"],
        { encoding: "utf8", timeout: 240_000 },
    );
    expect(run.stderr).not.toContain("bench: Error");
    expect([0, 1]).toContain(run.status); // 2 would mean the benchmark itself failed
    const rows = run.stdout.split("\n").filter((line) => line.startsWith("| ") && !line.startsWith("| Measure"));
    expect(
        rows.map((row) =>
            row
                .split("|")[1]
                .trim()
                .replace(/\d[\d,]*/g, "N"),
        ),
    ).toEqual([
        "Pack start-up until the port is printed (vs an empty JavaScript pack)",
        "Analyze throughput, N resources, N in flight (vs the same-shape no-op pack)",
        "Analyze: pack CPU time per resource",
        "AnalyzeStack, N resources (vs the same-shape no-op pack)",
        "AnalyzeStack, N resources (vs the same-shape no-op pack)",
        "AnalyzeStack scaling exponent, N → N resources",
        "AnalyzeStack, N resources with routing (vs the same-shape no-op pack)",
        "Reachability pass in-process (routing and load-balancer indexes, internet-exposure over every resource), N resources with routing",
        "Reachability pass in-process (routing and load-balancer indexes, internet-exposure over every resource), N resources with routing",
        "Reachability pass scaling, N → N resources with routing: time ratio for N.N× the resources (exponent)",
        "`tierguard scan` of a N-resource export: wall time (vs the same scan with the no-op pack)",
        "`tierguard scan`: peak memory of the CLI and pack processes together",
        "`tierguard check` of a program of N security groups, preview: wall time (vs the same SDK runner with a monitor that only acknowledges)",
        "`tierguard check` of N security groups: peak memory of all its processes together (CLI, program, pack) vs the runner's",
    ]);
    for (const row of rows) expect(row).toMatch(/\d/);
    expect(run.stdout).toMatch(/Every budget is met\.|budget\(s\) missed/);
}, 240_000);

it("refuses a bad option with a clear error", () => {
    const script = path.resolve(__dirname, "..", "..", "bench", "run.js");
    const run = spawnSync(process.execPath, [script, "--only", "speed"], { encoding: "utf8" });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('--only takes startup, analyze, stack, routing, scan, program, got "speed"');
});

describe("the routed shape the benchmark times", () => {
    // Every policy at its own level, configured with its defaults (as Configure sends them without a config file).
    const configuration: PackConfiguration = Object.fromEntries(
        [...policyDefinitions, ...stackPolicyDefinitions].map((policy) => [policy.name, { enforcementLevel: policy.enforcementLevel }]),
    );
    const stack = syntheticStack(2500, "routed");
    const { plan } = stack;
    const asJudged = (what: "inputs" | "outputs") =>
        stack.resources
            .filter((r) => r.type !== "pulumi:pulumi:Stack")
            .map((r) => ({ type: r.type, name: r.name, urn: r.urn, props: r[what], propertyDependencies: r.propertyDependencies }));
    const findings = judgeInProcess(asJudged("inputs"), asJudged("outputs"), configuration);
    const nameOf = (urn: string) => stack.resources.find((r) => r.urn === urn)?.name ?? urn;
    const exposure = findings.filter((f) => f.policy === "internet-exposure");

    it("plants both reachable and latent world-open SSH", () => {
        expect(plan.reachable).toBeGreaterThan(1);
        expect(plan.latentSsh).toBeGreaterThan(1);
        expect(plan.exposedInstances.every((name) => name.startsWith("bastion-"))).toBe(true);
        // Latent for each missing hop: no route (a bastion on AWS's main table), no public address and a denying ACL (web), a denying ACL despite an Elastic IP (vpn).
        for (const prefix of ["bastion-", "web-", "vpn-"]) expect(plan.latentInstances.some((name) => name.startsWith(prefix))).toBe(true);
    });

    it("internet-exposure finds exactly the exposed instances, each with its whole path, and none of the private or latent ones", () => {
        expect(exposure.map((f) => nameOf(f.urn)).sort()).toEqual([...plan.exposedInstances].sort());
        expect(exposure.map((f) => nameOf(f.urn))).not.toEqual(expect.arrayContaining([expect.stringMatching(/^(web|vpn|db)-/)]));
        for (const finding of exposure) {
            const app = nameOf(finding.urn).replace("bastion-", "");
            expect(finding.message).toContain(
                `internet gateway "igw-${app}" → route table "public-rt-${app}" (routes[0]: 0.0.0.0/0, the VPC's main route table) → subnet "mgmt-${app}"`,
            );
            expect(finding.message).toContain(
                `NACL: AWS's default ACL (allows all) → security group "bastion-sg-${app}" ingress[0] TCP port 22 → "bastion-${app}"`,
            );
            expect(finding.message).toContain("SSH (22), an admin port");
            expect(finding.message).toContain("associatePublicIpAddress is true");
        }
    });

    it("every latent instance really carries a world-open rule (the resource policies flag its group)", () => {
        const flaggedGroups = new Set(
            findings
                .filter((f) => f.policy === "no-admin-ports-from-internet" || f.policy === "internet-ingress-only-on-allowed-ports")
                .map((f) => nameOf(f.urn)),
        );
        for (const name of plan.latentInstances) {
            const instance = stack.resources.find((r) => r.name === name && r.type === "aws:ec2/instance:Instance")!;
            const groups = (instance.inputs.vpcSecurityGroupIds as string[]).map((id) => stack.resources.find((r) => r.id === id)!.name);
            expect({ instance: name, flagged: groups.some((group) => flaggedGroups.has(group)) }).toEqual({ instance: name, flagged: true });
        }
    });

    it("the rest of the pack's stack policies find nothing in it, so the benchmark's count is internet-exposure's alone", () => {
        const others = findings.filter((f) => stackPolicyDefinitions.some((p) => p.name === f.policy) && f.policy !== "internet-exposure");
        expect(others.map((f) => `${f.policy}: ${f.message}`)).toEqual([]);
    });
});
