/**
 * `check --format sarif`: valid SARIF 2.1.0 (checked against the schema Microsoft's jest-sarif ships), located where the program
 * registered each resource. `scan --format sarif` (valid, located in the scanned files) is in test/cli/scan.test.ts, on a run that
 * test makes anyway.
 */
import * as fs from "fs";
import * as path from "path";
import { policyDefinitions, stackPolicyDefinitions } from "../../policypack/policies";
import { ROOT, tierguard } from "./run";

expect.extend(require("@microsoft/jest-sarif"));

interface Sarif {
    version: string;
    runs: Array<{ tool: { driver: { rules: Array<{ id: string; help: { text: string } }> } }; results: Array<Record<string, any>> }>;
}

it("check --format sarif is valid SARIF with one rule per policy, results in the program's file and line", () => {
    const run = tierguard("check", "examples/insecure-web-app", "--format", "sarif");
    expect(run.code).toBe(1);
    const sarif: Sarif = JSON.parse(run.stdout);
    (expect(sarif) as any).toBeValidSarifLog();
    const { rules } = sarif.runs[0].tool.driver;
    expect(rules.map((r) => r.id)).toContain("tier-isolation");
    expect(rules.map((r) => r.id).sort()).toEqual([...policyDefinitions, ...stackPolicyDefinitions].map((p) => p.name).sort());
    const ssh = sarif.runs[0].results.find((r) => r.ruleId === "no-admin-ports-from-internet" && r.locations[0].logicalLocations[0].name === "web-sg")!;
    expect(ssh.level).toBe("error");
    const line =
        fs
            .readFileSync(path.join(ROOT, "examples", "insecure-web-app", "index.ts"), "utf8")
            .split("\n")
            .findIndex((l) => l.includes('new aws.ec2.SecurityGroup("web-sg"')) + 1;
    expect(ssh.locations[0].physicalLocation).toEqual({
        artifactLocation: { uri: "examples/insecure-web-app/index.ts", uriBaseId: "%SRCROOT%" },
        region: expect.objectContaining({ startLine: line }),
    });
    expect(sarif.runs[0].results.filter((r) => r.level === "warning").length).toBeGreaterThan(0);
    // A finding on a world-open rule carries its exposure and a security-severity graded by it: reachable
    // keeps the policy's critical 9.5, latent is 3.0 lower (6.5: medium); the rule's own score is unchanged.
    expect(ssh.properties).toMatchObject({ exposure: "reachable", "security-severity": "9.5" });
    const latent = sarif.runs[0].results.find((r) => r.ruleId === "no-admin-ports-from-internet" && r.locations[0].logicalLocations[0].name === "app-sg")!;
    expect(latent.properties).toMatchObject({ exposure: "latent", "security-severity": "6.5" });
    expect(latent.properties.exposureReason).toContain('"app-0": it has no public IP');
    expect(rules.find((r) => r.id === "no-admin-ports-from-internet")).toMatchObject({ properties: { "security-severity": "9.5" } });
    const egress = sarif.runs[0].results.find((r) => r.ruleId === "no-unrestricted-egress")!;
    expect(egress.properties.exposure).toBeUndefined();
    expect(egress.properties["security-severity"]).toBeUndefined();
});

it("check --format sarif says when the program did not finish, and what was answered offline", () => {
    const run = tierguard("check", "test/fixtures/programs/rejected-promise", "--format", "sarif");
    expect(run.code).toBe(2);
    const sarif = JSON.parse(run.stdout);
    (expect(sarif) as any).toBeValidSarifLog();
    const [invocation] = sarif.runs[0].invocations;
    expect(invocation.executionSuccessful).toBe(false);
    const notes = invocation.toolExecutionNotifications.map((n: { level: string; message: { text: string } }) => `${n.level}: ${n.message.text}`);
    expect(notes.find((n: string) => n.startsWith("error: rejected-promise/dev: INCOMPLETE: the program failed"))).toContain(
        "Cannot read properties of undefined",
    );
    expect(notes).toContain(
        "note: rejected-promise/dev: answered offline: data source aws:ec2/getVpcEndpoint:getVpcEndpoint: no stand-in, answered with an empty result",
    );
    expect(sarif.runs[0].properties.offlineAnswers).toEqual([
        { stack: "dev", kind: "data source", token: "aws:ec2/getVpcEndpoint:getVpcEndpoint", answer: "empty", calls: 1 },
    ]);
    // What was registered before the failure is still reported.
    expect(sarif.runs[0].results.map((r: { ruleId: string }) => r.ruleId)).toContain("no-admin-ports-from-internet");
});

it("check --format sarif of a program that completed: a successful invocation listing its placeholders", () => {
    const sarif = JSON.parse(tierguard("check", "examples/three-tier", "--format", "sarif").stdout);
    const [invocation] = sarif.runs[0].invocations;
    expect(invocation.executionSuccessful).toBe(true);
    expect(invocation.toolExecutionNotifications.every((n: { level: string }) => n.level === "note")).toBe(true);
    expect(sarif.runs[0].properties.offlineAnswers.map((a: { token: string }) => a.token)).toContain("aws:index/getAvailabilityZones:getAvailabilityZones");
});
