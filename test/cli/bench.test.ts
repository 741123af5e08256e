/**
 * `npm run bench` keeps working: a tiny run of every section prints the full tables. Budgets are not
 * judged here (a timed unit test proves nothing on a shared machine); the benchmark itself does that.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { syntheticStack } from "../../bench/syntheticStack";
import { prepareAwsGuard } from "../../bench/yardsticks";
import { PackConfiguration, judgeInProcess } from "../../policypack/inProcess";
import { policyDefinitions, stackPolicyDefinitions } from "../../policypack/policies";

it("runs every section of the benchmark and prints its tables, and writes every round's values with --json", () => {
    const script = path.resolve(__dirname, "..", "..", "bench", "run.js");
    const json = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "tierguard-bench-test-")), "bench.json");
    const run = spawnSync(
        process.execPath,
        [
            script,
            // The smallest sizes that still print every row: the tables are the point here, not the figures.
            ...["--runs", "1", "--sizes", "100,200", "--analyze-sizes", "100", "--scan-size", "100", "--program-sizes", "10", "--routed-sizes", "300,600"],
            // AWSGuard is installed on demand by the benchmark, never by the tests: its rows say "not measured".
            // One job: the organisation's scan starts one pack rather than one per core.
            ...["--org-stacks", "2", "--org-stack-size", "50", "--jobs", "1", "--awsguard", "off", "--json", json],
        ],
        { encoding: "utf8", timeout: 420_000 },
    );
    expect(run.stderr).not.toContain("bench: Error");
    expect([0, 1]).toContain(run.status); // 2 would mean the benchmark itself failed
    const rows = run.stdout.split("\n").filter((line) => line.startsWith("| ") && !line.startsWith("| Measure"));
    expect(
        rows.map((row) =>
            row
                .split("|")[1]
                .trim()
                .replace(/ \(--jobs \d+\)/, "")
                .replace(/\d[\d,]*/g, "N"),
        ),
    ).toEqual([
        "Pack start-up until the port is printed (the cold rounds)",
        "Analyze, N resources, N in flight: pack CPU time per resource, warm (a long-lived pack)",
        "Analyze, N resources, N in flight: pack CPU time per resource, cold (a fresh pack's first pass)",
        "Analyze, N resources: throughput, warm / cold",
        "AnalyzeStack, N resources, warm (a long-lived pack)",
        "AnalyzeStack, N resources, cold (a fresh pack's first pass)",
        "Pack peak memory, a fresh pack's AnalyzeStack of N resources (above its idle memory)",
        "AnalyzeStack, N resources, warm (a long-lived pack)",
        "AnalyzeStack, N resources, cold (a fresh pack's first pass)",
        "Pack peak memory, a fresh pack's AnalyzeStack of N resources (above its idle memory)",
        "AnalyzeStack scaling exponent, warm, N → N resources",
        "Pack start-up until the port is printed (vs an empty JavaScript pack)",
        "AnalyzeStack, N resources with routing, warm (vs the same-shape no-op pack)",
        "Reachability pass in-process (routing and load-balancer indexes, internet-exposure over every resource), N resources with routing",
        "Reachability pass in-process (routing and load-balancer indexes, internet-exposure over every resource), N resources with routing",
        "Reachability pass scaling, N → N resources with routing: time ratio for N.N× the resources (exponent)",
        "`tierguard scan` of a N-resource export: wall time (vs the same scan with the no-op pack)",
        "`tierguard scan`: peak memory of the CLI and pack processes together",
        "`tierguard scan` of N stacks × N resources: wall time",
        "`tierguard scan` of N stacks × N resources: the CLI process's peak memory",
        "`tierguard scan` of N stacks × N resources: the pack processes' peak memory (each one's peak, summed)",
        "`tierguard scan` of N stacks × N resources: peak memory of the CLI and pack processes together",
        "`tierguard check` of a program of N security groups, preview: wall time (vs the same SDK runner with a monitor that only acknowledges)",
        "`tierguard check` of N security groups: peak memory of all its processes together (CLI, program, pack) vs the runner's",
    ]);
    for (const row of rows) expect(row).toMatch(/\d/);
    // The budgets against AWSGuard are reported as not checked, not passed and not failed.
    const awsguardRows = rows.filter((row) => row.includes("AWSGuard"));
    expect(awsguardRows).toHaveLength(4);
    for (const row of awsguardRows) expect(row).toContain("not checked: AWSGuard 0.3.1 not measured (left out with --awsguard off)");
    expect(run.stdout).toMatch(/Every budget checked is met\.|budget\(s\) missed/);
    expect(run.stdout).toContain("AWSGuard 0.3.1 not measured: left out with --awsguard off.");

    const written = JSON.parse(fs.readFileSync(json, "utf8"));
    expect(written.environment).toMatchObject({ node: process.version, cores: os.cpus().length });
    expect(written.environment.git.commit).toMatch(/^[0-9a-f]{40}$/);
    // Every measured pack, warm and cold, every size: one record per round.
    for (const pack of ["tierguard", "tierguardSdk", "noop", "empty"])
        for (const [section, size] of [
            ["analyze", 100],
            ["stack", 100],
            ["stack", 200],
        ])
            for (const temperature of ["warm", "cold"]) {
                const records = written.rounds.filter(
                    (r: { pack: string; section: string; size: number; temperature: string }) =>
                        r.pack === pack && r.section === section && r.size === size && r.temperature === temperature,
                );
                expect(records).toHaveLength(1);
                expect(records[0].wallMs).toBeGreaterThan(0);
                if (temperature === "cold") expect(records[0].peakMiB).toBeGreaterThan(records[0].idleMiB * 0.5);
            }
    expect(written.rounds.some((r: { pack: string }) => r.pack === "awsguard")).toBe(false);
    expect(written.rows).toHaveLength(rows.length);
    fs.rmSync(path.dirname(json), { recursive: true, force: true });
}, 420_000);

it("refuses a bad option with a clear error", () => {
    const script = path.resolve(__dirname, "..", "..", "bench", "run.js");
    const run = spawnSync(process.execPath, [script, "--only", "speed"], { encoding: "utf8" });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('--only takes startup, analyze, stack, routing, scan, org, program, got "speed"');
});

it("reports why AWSGuard is not measured when npm cannot install it, rather than failing or passing its budgets", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tierguard-bench-awsguard-offline-"));
    try {
        // Nothing listens there, and an empty cache has nothing to fall back on: npm fails at once.
        const offline = { ...process.env, npm_config_registry: "http://127.0.0.1:9/", npm_config_cache: path.join(dir, ".npm-cache") };
        const prepared = prepareAwsGuard(path.join(dir, "awsguard"), offline);
        expect(prepared).toEqual({ reason: expect.stringContaining("npm install @pulumi/awsguard@0.3.1 exited") });
        expect((prepared as { reason: string }).reason).toMatch(/ECONNREFUSED/);
        // The pack folder is laid out as the engine would run it, for a later run to install into.
        expect(fs.readFileSync(path.join(dir, "awsguard", "index.js"), "utf8")).toContain('new AwsGuard({ all: "mandatory" })');
        expect(fs.existsSync(path.join(dir, "awsguard", "PulumiPolicy.yaml"))).toBe(true);
    } finally {
        fs.rmSync(dir, { recursive: true, force: true });
    }
    expect(prepareAwsGuard("off")).toEqual({ reason: "left out with --awsguard off" });
}, 120_000);

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
