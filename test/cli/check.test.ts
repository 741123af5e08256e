/**
 * `tierguard check` end to end: the insecure example in both modes, JSON shape, config files,
 * program config, failing programs, remote components and usage errors.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { fixture, tierguard, tierguardWith, CliRun } from "./run";

const NO_PLUGINS = fs.mkdtempSync(path.join(os.tmpdir(), "tierguard-no-plugins-"));

interface JsonReport {
    program: { status: string; [key: string]: unknown };
    violations: Array<Record<string, unknown>>;
    summary: {
        mandatory: number;
        advisory: number;
        exempted: number;
        resources: number;
        resourcesWithViolations: number;
        findings: { mandatory: number; advisory: number };
    };
    unchecked: Array<Record<string, unknown>>;
    offline: Array<{ kind: string; token: string; answer: string; calls: number; detail?: string }>;
}

/** The documented shape of `--format json`, checked field by field. */
function expectDocumentedShape(report: unknown): asserts report is JsonReport {
    const r = report as JsonReport;
    expect(Object.keys(r).sort()).toEqual(["components", "offline", "program", "stack", "summary", "unchecked", "violations"]);
    expect(["completed", "failed", "ended early", "timed out"]).toContain(r.program.status);
    expect(Array.isArray(r.violations)).toBe(true);
    for (const v of r.violations) {
        const RULE_FACTS = ["peer", "ports", "protocol", "rule", "ruleUrn", "exposure", "exposureReason", "gradedFrom"];
        expect(
            Object.keys(v)
                .filter((k) => k !== "modeled" && !RULE_FACTS.includes(k))
                .sort(),
        ).toEqual(["enforcementLevel", "message", "policy", "resourceName", "resourceType", "severity", "urn"]);
        // A violation about one rule names it, its protocol and ports; the peer and the rule's resource when they matter.
        if (v.rule !== undefined) for (const key of ["rule", "protocol", "ports"]) expect(typeof v[key]).toBe("string");
        else expect(Object.keys(v).filter((k) => RULE_FACTS.includes(k))).toEqual([]);
        if (v.ruleUrn !== undefined) expect(v.ruleUrn).toMatch(/^urn:pulumi:/);
        // A finding on a world-open rule says whether the internet reaches it today, and why.
        if (v.exposure !== undefined) {
            expect(["reachable", "latent", "unknown"]).toContain(v.exposure);
            expect(typeof v.exposureReason).toBe("string");
        } else expect(v.exposureReason).toBeUndefined();
        if (v.gradedFrom !== undefined) expect(v).toMatchObject({ gradedFrom: "mandatory", enforcementLevel: "advisory", exposure: "latent" });
        expect(["mandatory", "advisory"]).toContain(v.enforcementLevel);
        expect(["low", "medium", "high", "critical", "unspecified"]).toContain(v.severity);
        for (const key of ["policy", "urn", "resourceType", "resourceName", "message"]) expect(typeof v[key]).toBe("string");
        expect(v.urn).toMatch(/^urn:pulumi:/);
    }
    expect(Object.keys(r.summary).sort()).toEqual(["advisory", "exempted", "findings", "mandatory", "resources", "resourcesWithViolations"]);
    for (const n of [
        r.summary.mandatory,
        r.summary.advisory,
        r.summary.exempted,
        r.summary.resources,
        r.summary.resourcesWithViolations,
        r.summary.findings.mandatory,
        r.summary.findings.advisory,
    ])
        expect(Number.isInteger(n)).toBe(true);
    // A finding is one or more violations of one rule; each resource with violations has at least one.
    expect(r.summary.findings.mandatory).toBeLessThanOrEqual(r.summary.mandatory);
    expect(r.summary.findings.advisory).toBeLessThanOrEqual(r.summary.advisory);
    expect(r.summary.resourcesWithViolations).toBe(new Set(r.violations.map((v) => v.urn)).size);
    expect(r.summary.mandatory).toBe(r.violations.filter((v) => v.enforcementLevel === "mandatory").length);
    expect(r.summary.advisory).toBe(r.violations.filter((v) => v.enforcementLevel === "advisory").length);
    for (const u of r.unchecked) expect(Object.keys(u).sort()).toEqual(["name", "network", "reason", "type", "urn"]);
    for (const o of r.offline) {
        expect(["data source", "method", "stack reference", "resource read"]).toContain(o.kind);
        expect(["placeholder", "computed", "empty", "unknown"]).toContain(o.answer);
        expect(o.calls).toBeGreaterThan(0);
    }
}

function json(run: CliRun): JsonReport {
    const parsed = JSON.parse(run.stdout);
    expectDocumentedShape(parsed);
    return parsed;
}

const pairs = (report: JsonReport) => new Set(report.violations.map((v) => `${v.policy} @ ${v.resourceName}`));

/** Each mistake the insecure example makes, as (policy, resource). */
const EXPECTED_MISTAKES = [
    "no-admin-ports-from-internet @ web-sg", // SSH open to the world
    "no-admin-ports-from-internet @ web-rdp-ipv6", // ::/0 on an admin port
    "no-database-ports-from-internet @ db-sg", // database reachable from the internet
    "no-unrestricted-egress @ lb-sg", // allow-all egress
    "no-unrestricted-egress @ web-sg",
    "default-security-group-restricts-all @ default", // default group with rules
    "database-not-publicly-accessible @ db", // publicly accessible database
    "nacl-no-admin-ports-from-internet @ public",
    "internet-ingress-only-on-allowed-ports @ web-sg",
    "database-ingress-from-security-groups-only @ db-sg",
    // The stack as a network: the database and web servers reachable from the internet, a mixed group.
    "tier-isolation @ db",
    "tier-isolation @ web-0",
    "no-mixed-inline-and-standalone-rules @ web-sg",
    // Reachable now, hop by hop: public IP + 0.0.0.0/0 to the internet gateway + NACL + the world-open rules.
    "internet-exposure @ db",
    "internet-exposure @ web-0",
    "internet-exposure @ web-1",
    // SSH open to the world on the private app server: latent (no public IP, no route), still flagged.
    "no-admin-ports-from-internet @ app-sg",
    "tier-isolation @ app-0",
];

/** A violation's exposure by policy and resource: "no-admin-ports-from-internet @ app-sg" → "latent". */
const exposures = (report: JsonReport) => new Map(report.violations.filter((v) => v.exposure).map((v) => [`${v.policy} @ ${v.resourceName}`, v]));

describe("tierguard check examples/insecure-web-app", () => {
    it.each(["preview", "update"])("reports every mistake in %s mode, and exits 1", (mode) => {
        const run = tierguard("check", "examples/insecure-web-app", "--format", "json", "--mode", mode);
        expect(run.code).toBe(1);
        const report = json(run);
        for (const mistake of EXPECTED_MISTAKES) expect(pairs(report)).toContain(mistake);
        // Nothing is reported on the parts the example gets right.
        for (const v of report.violations) expect(["web", "vpc", "http", "igw"]).not.toContain(v.resourceName);
        expect(report.summary.resources).toBeGreaterThan(20);
        // Each violation about a rule carries the rule's facts, so tools can group findings themselves.
        const ssh = report.violations.filter((v) => v.resourceName === "web-sg" && v.rule === "ingress[1]");
        expect(ssh.map((v) => v.policy).sort()).toEqual(["internet-ingress-only-on-allowed-ports", "no-admin-ports-from-internet"]);
        for (const v of ssh) expect(v).toMatchObject({ protocol: "TCP", ports: "port 22", peer: "0.0.0.0/0" });
        // Reachable and latent side by side: SSH on the public web servers (and the database port) is reached
        // today; SSH on the private app server and RDP on ::/0 (no IPv6 address) are latent, naming the missing hop.
        const exposure = exposures(report);
        expect(exposure.get("no-admin-ports-from-internet @ web-sg")).toMatchObject({ exposure: "reachable", rule: "ingress[1]" });
        expect(exposure.get("no-database-ports-from-internet @ db-sg")).toMatchObject({ exposure: "reachable" });
        expect(exposure.get("nacl-no-admin-ports-from-internet @ public")).toMatchObject({ exposure: "reachable" });
        expect(exposure.get("no-admin-ports-from-internet @ app-sg")).toMatchObject({ exposure: "latent", enforcementLevel: "mandatory" });
        expect(exposure.get("no-admin-ports-from-internet @ app-sg")!.exposureReason).toBe(
            '"app-0": it has no public IP (subnet "private-0" does not set mapPublicIpOnLaunch), and subnet "private-0" uses the main route table of VPC "vpc", which AWS creates with only the local route',
        );
        expect(exposure.get("no-admin-ports-from-internet @ web-rdp-ipv6")).toMatchObject({ exposure: "latent" });
        expect(exposure.get("no-admin-ports-from-internet @ web-rdp-ipv6")!.exposureReason).toContain('"web-0": it has no IPv6 address');
        // Rules that do not admit the internet, and the stack policies' own findings, have none.
        for (const v of report.violations.filter((x) => ["no-unrestricted-egress", "internet-exposure", "tier-isolation"].includes(String(x.policy))))
            expect(v.exposure).toBeUndefined();
        // The engine-shaped preview leaves references unknown; nothing may degrade to the SDK's "can't run".
        expect(report.violations.filter((v) => String(v.message).includes("can't run"))).toEqual([]);
    });

    it("prints a text report grouped by resource, most severe first, with a summary line", () => {
        const run = tierguard("check", "examples/insecure-web-app");
        expect(run.code).toBe(1);
        const lines = run.stdout.split("\n");
        const levels = lines.filter((l) => /^ {2}(MANDATORY|advisory)/.test(l)).map((l) => l.trim().split(/\s+/)[0]);
        const firstAdvisoryOnlyResource = lines.findIndex((l) => l.startsWith("lb-sg "));
        const lastMandatory = lines.map((l, i) => (l.includes("MANDATORY") ? i : -1)).reduce((a, b) => Math.max(a, b));
        expect(levels[0]).toBe("MANDATORY");
        expect(firstAdvisoryOnlyResource).toBeGreaterThan(lastMandatory);
        expect(run.stdout).toContain("web-sg  (aws:ec2/securityGroup:SecurityGroup)");
        // SSH open on web-sg breaks two policies: one finding, the other policy named under it.
        expect(run.stdout).toContain("The same rule also breaks: internet-ingress-only-on-allowed-ports (mandatory).");
        // Each finding on a world-open rule is tagged with its exposure, latent ones with the missing hop.
        expect(run.stdout).toMatch(/^web-sg .*\n {2}MANDATORY {2}no-admin-ports-from-internet {2}\[critical\] {2}\[reachable\]$/m);
        expect(run.stdout).toMatch(/^app-sg .*\n {2}MANDATORY {2}no-admin-ports-from-internet {2}\[critical\] {2}\[latent: no public address\]$/m);
        expect(run.stdout).toContain('Exposure (latent): "app-0": it has no public IP');
        const markdown = tierguard("check", "examples/insecure-web-app", "--format", "markdown").stdout;
        expect(markdown).toContain("🛑 **mandatory** `no-admin-ports-from-internet` (critical) **[reachable]**: web-sg ingress\\[1\\]");
        expect(markdown).toMatch(
            /🛑 \*\*mandatory\*\* `no-admin-ports-from-internet` \(critical\) \*\*\[latent: no public address\]\*\*: app-sg ingress.* _Exposure \(latent\):_ "app-0": it has no public IP/,
        );
        expect(lines[lines.length - 2]).toMatch(
            /^Summary: \d+ resources with violations; \d+ analysed; \d+ findings \(\d+ mandatory, \d+ advisory\) from \d+ policy violations\.$/,
        );
    });

    it("takes a policy config file in the shape of --policy-pack-config", () => {
        const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tierguard-"));
        const file = path.join(dir, "config.json");
        fs.writeFileSync(
            file,
            JSON.stringify({
                all: "advisory",
                "no-unrestricted-egress": "disabled",
                "no-admin-ports-from-internet": {
                    enforcementLevel: "mandatory",
                    exemptions: [
                        { resource: "web-*", reason: "debug access until the bastion lands", expires: "2999-01-01" },
                        { resource: "app-sg", reason: "on-call access until the bastion lands", expires: "2999-01-01" },
                    ],
                },
            }),
        );
        const report = json(tierguard("check", "examples/insecure-web-app", "--format", "json", "--policy-pack-config", file));
        expect(pairs(report)).not.toContain("no-admin-ports-from-internet @ web-sg");
        expect(pairs(report)).not.toContain("no-unrestricted-egress @ lb-sg");
        expect(report.violations.every((v) => v.enforcementLevel === "advisory")).toBe(true);
    });
});

describe("latent findings graded by internet-exposure's latentFindings", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tierguard-latent-"));
    /** Only the admin-port policy, the reachable web-sg rule exempted: what is left is latent (app-sg SSH, RDP on ::/0). */
    const config = (latentFindings?: unknown) => {
        const file = path.join(dir, `config-${JSON.stringify(latentFindings ?? "none").replace(/\W/g, "")}.json`);
        fs.writeFileSync(
            file,
            JSON.stringify({
                all: "disabled",
                "no-admin-ports-from-internet": {
                    enforcementLevel: "mandatory",
                    exemptions: [{ resource: "web-sg", reason: "bastion lands next sprint", expires: "2999-01-01" }],
                },
                "internet-exposure": { enforcementLevel: "disabled", ...(latentFindings !== undefined ? { latentFindings } : {}) },
            }),
        );
        return file;
    };

    it('"advisory" reports latent findings advisory: summary and exit code follow; the default keeps them mandatory', () => {
        const before = tierguard("check", "examples/insecure-web-app", "--format", "json", "--policy-pack-config", config());
        expect(before.code).toBe(1);
        const asConfigured = json(before);
        expect(asConfigured.violations.map((v) => `${v.resourceName}:${v.exposure}:${v.enforcementLevel}`).sort()).toEqual([
            "app-sg:latent:mandatory",
            "web-rdp-ipv6:latent:mandatory",
        ]);
        const after = tierguard("check", "examples/insecure-web-app", "--format", "json", "--policy-pack-config", config("advisory"));
        expect(after.code).toBe(0);
        const graded = json(after);
        expect(graded.violations.map((v) => `${v.resourceName}:${v.exposure}:${v.enforcementLevel}:${v.gradedFrom}`).sort()).toEqual([
            "app-sg:latent:advisory:mandatory",
            "web-rdp-ipv6:latent:advisory:mandatory",
        ]);
        expect(graded.summary).toMatchObject({ mandatory: 0, advisory: 2, findings: { mandatory: 0, advisory: 2 } });
        const text = tierguard("check", "examples/insecure-web-app", "--policy-pack-config", config("advisory"));
        expect(text.code).toBe(0);
        expect(text.stdout).toContain(
            '  advisory   no-admin-ports-from-internet  [critical]  [latent: no public address] (graded advisory by internet-exposure latentFindings: "advisory")',
        );
    });

    it.each([
        [{ latentFindings: "advisroy" }, 'config "latentFindings": "advisroy" is not one of "as-configured", "advisory"'],
        [{ latentFinding: "advisory" }, 'config "latentFinding" is not a setting of this policy'],
    ])("a typo in the key or value (%j) exits 2 naming it", (settings, named) => {
        const file = path.join(dir, "typo.json");
        fs.writeFileSync(file, JSON.stringify({ "internet-exposure": settings }));
        const run = tierguard("check", "examples/insecure-web-app", "--policy-pack-config", file);
        expect(run.code).toBe(2);
        expect(run.stderr).toContain(`"internet-exposure": ${named}`);
        expect(run.stdout).toBe("");
    });
});

describe("tierguard check examples/three-tier", () => {
    it.each(["preview", "update"])("reports no violation at all in %s mode, and exits 0", (mode) => {
        const run = tierguard("check", "examples/three-tier", "--format", "json", "--mode", mode);
        const report = json(run);
        expect(report.violations).toEqual([]);
        expect(report.summary.resources).toBeGreaterThan(30);
        expect(run.code).toBe(0);
    });
});

describe("program configuration", () => {
    it("reads Pulumi.<stack>.yaml, structured values and secure values", () => {
        const run = tierguard("check", fixture("configured"), "--stack", "prod", "--format", "json");
        const report = json(run);
        expect(run.code).toBe(1);
        expect(pairs(report)).toContain("no-admin-ports-from-internet @ admin");
    });
    it("takes -c overrides", () => {
        const report = json(tierguard("check", fixture("configured"), "--stack", "prod", "-c", "adminPort=2222", "--format", "json"));
        expect(pairs(report)).not.toContain("no-admin-ports-from-internet @ admin");
        expect(pairs(report)).toContain("internet-ingress-only-on-allowed-ports @ admin");
    });
    it("runs in -C's folder with no program folder given, a relative --config-file read from there, --json for --format json", () => {
        const run = tierguard("check", "-C", fixture("configured"), "--config-file", "Pulumi.prod.yaml", "--json");
        const report = json(run);
        expect(run.code).toBe(1);
        expect(report.program.status).toBe("completed");
        expect(pairs(report)).toContain("no-admin-ports-from-internet @ admin");
    });
    it("reads the stack's config from --config-file instead of Pulumi.<stack>.yaml, -c over it", () => {
        const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "tierguard-config-file-")), "elsewhere.yaml");
        fs.writeFileSync(file, 'config:\n  configured:adminPort: "2222"\n  configured:sources: ["0.0.0.0/0"]\n  configured:token: placeholder\n');
        const report = json(tierguard("check", fixture("configured"), "-s", "prod", "--config-file", file, "--json"));
        expect(pairs(report)).not.toContain("no-admin-ports-from-internet @ admin");
        expect(pairs(report)).toContain("internet-ingress-only-on-allowed-ports @ admin");
        const overridden = json(tierguard("check", fixture("configured"), "--config-file", file, "--config", "adminPort=22", "--format", "json"));
        expect(pairs(overridden)).toContain("no-admin-ports-from-internet @ admin");
    });
    it("names a missing required key (program's own require)", () => {
        const run = tierguard("check", fixture("configured"), "--stack", "staging");
        expect(run.code).toBe(2);
        expect(run.stderr).toContain("Missing required configuration variable 'configured:adminPort'");
        expect(run.stderr).toContain("Give it with -c configured:adminPort=VALUE (or in Pulumi.staging.yaml)");
    });
    it("names a missing key that Pulumi.yaml declares without a default", () => {
        const run = tierguard("check", fixture("missing-config"));
        expect(run.code).toBe(2);
        expect(run.stderr).toContain('missing configuration value "missing-config:adminCidr"');
        expect(tierguard("check", fixture("missing-config"), "-c", "adminCidr=10.0.0.0/8").code).toBe(0);
    });
});

describe("programs the check cannot fully judge", () => {
    it("gives exit 2 and shows the error and stack of a program that throws", () => {
        const run = tierguard("check", fixture("throws"));
        expect(run.code).toBe(2);
        expect(run.stderr).toContain("cannot build 300 subnets: the VPC is too small");
        expect(run.stderr).toMatch(/at buildSubnets .*index\.ts:\d+/);
        // The report covers what was registered before the failure, and says it is incomplete.
        expect(run.stdout).toMatch(/^INCOMPLETE: the program failed \(exit code 32\)/m);
    });
    it("fails with the component's refusal when an Output argument resolves to a bad value", () => {
        const refused = tierguard("check", fixture("output-cidr"), "-c", "adminCidr=0.0.0.0/0");
        expect(refused.code).toBe(2);
        expect(refused.stderr).toContain('admin.cidrs[0] = "0.0.0.0/0" is the internet');
        expect(tierguard("check", fixture("output-cidr"), "-c", "adminCidr=203.0.113.5/32").code).toBe(0);
    });
    it("models a multi-language component without its plugin: the violation on its modeled child, the model named", () => {
        const run = tierguardWith({ PULUMI_HOME: NO_PLUGINS }, "check", fixture("remote-component"));
        expect(run.code).toBe(1);
        expect(run.stdout).toContain("alb  (aws:ec2/securityGroup:SecurityGroup; modeled from pulumi-awsx 2.x–3.x defaults)");
        expect(run.stdout).toMatch(
            /Multi-language components:\n {2}alb {2}\(awsx:lb:ApplicationLoadBalancer\): modeled from pulumi-awsx 2\.x–3\.x defaults \(the program's SDK named no version: the newest line is assumed\): 4 resources/,
        );
        const report = json(tierguardWith({ PULUMI_HOME: NO_PLUGINS }, "check", fixture("remote-component"), "--format", "json"));
        expect(report.unchecked).toEqual([]);
    });
});

describe("usage errors exit 2", () => {
    it.each([
        [["check"], "no Pulumi.yaml in"],
        [["check", "examples/insecure-web-app", "--mode", "apply"], "--mode must be preview or update"],
        [["check", "examples/insecure-web-app", "--format", "xml"], "--format must be text, json, sarif or markdown"],
        [["check", "no/such/dir"], "is not a directory"],
        [["check", "test"], "no Pulumi.yaml"],
        [["check", "examples/insecure-web-app", "--policy-pack-config", "no-such.json"], "cannot read policy config"],
        // (An unknown command, ["lint", "."], is commandLine.test's: the built command's exit 2, stderr and empty stdout.)
        [["check", ".", "--bogus"], "unknown option --bogus"],
        [["check", "examples/three-tier", "--timeout", "0"], "--timeout takes a number of seconds greater than 0"],
        [["check", "examples/three-tier", "--timeout", "2200000"], "at most 2147483 (about 24 days)"],
    ])("%j", (args, message) => {
        const run = tierguard(...(args as string[]));
        expect(run.code).toBe(2);
        expect(run.stderr).toContain(message);
    });
});
