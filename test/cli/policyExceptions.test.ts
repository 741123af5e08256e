/**
 * Policy exceptions in Pulumi's shape, end to end: `tierguard scan` with a policy config file whose
 * `exceptions` waive violations exits as the Pulumi CLI would (an exempted violation never fails the run),
 * still reports them marked with their exception (SARIF: `suppressions` with the justification), applies
 * an expired exception no longer, and refuses a malformed one before anything runs (exit 2, naming the
 * file, the exception, the match entry and the field).
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { fixture, tierguard } from "./run";

const prod = "test/fixtures/stacks/shop-prod.json";
const urn = (type: string, name: string) => `urn:pulumi:prod::shop::${type}::${name}`;
const SG = urn("aws:ec2/securityGroup:SecurityGroup", "web-sg");
const WEB = urn("aws:ec2/instance:Instance", "web-0");
const DB = urn("aws:rds/instance:Instance", "db");

const CONFIG_FLAG = "--policy-pack-config";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tierguard-exceptions-"));
let count = 0;
function configFile(content: unknown): string {
    const file = path.join(dir, `config-${++count}.json`);
    fs.writeFileSync(file, JSON.stringify(content, null, 2));
    return file;
}

/** Waives every violation of shop-prod: the group's SSH rule permanently, the rest until `expiresAt`. */
function exceptions(expiresAt: string) {
    return {
        exceptions: {
            "EXC-1": {
                reason: "SSH from the office only, enforced by the appliance in front",
                match: [{ policies: ["no-admin-ports-from-internet", "internet-ingress-only-on-allowed-ports"], targets: [SG] }],
            },
            "EXC-2": {
                reason: "Migration to private subnets tracked in OPS-42",
                match: [
                    { policies: ["tier-isolation", "internet-exposure"], targets: [WEB, DB] },
                    { policies: ["database-not-publicly-accessible"], targets: [DB] },
                ],
                expiresAt,
            },
        },
    };
}

describe("policy exceptions (Pulumi's shape) in scan", () => {
    it("waives what they match: exit 0, each exempted violation still reported with its exception", () => {
        const result = tierguard("scan", prod, CONFIG_FLAG, configFile(exceptions("2999-12-31")));
        expect(result.stderr).toBe("");
        expect(result.code).toBe(0);
        expect(result.stdout).toContain("EXEMPTED by policy exceptions (reported, not counted):");
        expect(result.stdout).toContain("Exempted by exception EXC-1: SSH from the office only");
        expect(result.stdout).toMatch(/EXC-1 {2}permanent \(no expiry\): SSH from the office only.*\n {4}waived 2: /);
        expect(result.stdout).toMatch(/EXC-2 {2}expires 2999-12-31: Migration to private subnets tracked in OPS-42\n {4}waived 5: /);
        expect(result.stdout).toContain("0 resources with violations");
        expect(result.stdout).toContain("7 violations exempted by policy exceptions");
    });

    it("lists them in JSON and suppresses them in SARIF with the exception as justification", () => {
        const file = configFile(exceptions("2999-12-31"));
        const json = JSON.parse(tierguard("scan", prod, CONFIG_FLAG, file, "--format", "json").stdout);
        expect(json.summary).toMatchObject({ mandatory: 0, exempted: 7 });
        expect(json.stacks[0].exempted).toContainEqual(
            expect.objectContaining({ policy: "no-admin-ports-from-internet", urn: SG, exception: expect.objectContaining({ id: "EXC-1" }) }),
        );
        expect(json.stacks[0].exceptions.map((e: any) => [e.id, e.status, e.waived.length])).toEqual([
            ["EXC-1", "permanent", 2],
            ["EXC-2", "active", 5],
        ]);
        const sarif = tierguard("scan", prod, CONFIG_FLAG, file, "--format", "sarif");
        expect(sarif.code).toBe(0);
        const results = JSON.parse(sarif.stdout).runs[0].results;
        expect(results).toHaveLength(7);
        for (const r of results) expect(r.suppressions).toEqual([expect.objectContaining({ kind: "external", status: "accepted" })]);
        expect(results.find((r: any) => r.ruleId === "no-admin-ports-from-internet").suppressions[0].justification).toBe(
            "policy exception EXC-1: SSH from the office only, enforced by the appliance in front",
        );
    });

    it("no longer applies an expired exception: its violations count again, and say why", () => {
        const result = tierguard("scan", prod, CONFIG_FLAG, configFile(exceptions("2020-01-31")));
        expect(result.code).toBe(1);
        expect(result.stdout).toContain(
            '(Note: exception "EXC-2" (Migration to private subnets tracked in OPS-42) expired 2020-01-31, so it no longer applies.)',
        );
        expect(result.stdout).toContain("EXC-2  EXPIRED 2020-01-31 (no longer applies)");
        expect(result.stdout).toContain("2 violations exempted by policy exceptions");
    });

    it("refuses a malformed exception before anything runs, naming file, exception, entry and field", () => {
        const bad = exceptions("2999-12-31");
        (bad.exceptions["EXC-2"].match[1] as { policies: string[] }).policies = ["database-not-publically-accessible"];
        (bad.exceptions["EXC-1"] as { reason: string }).reason = " ";
        const file = configFile(bad);
        const result = tierguard("scan", prod, CONFIG_FLAG, file);
        expect(result.code).toBe(2);
        expect(result.stderr).toContain(`policy config ${file} is invalid, so nothing was checked`);
        expect(result.stderr).toContain('exceptions["EXC-1"].reason is required');
        expect(result.stderr).toContain(
            'exceptions["EXC-2"].match[1].policies[0] = "database-not-publically-accessible" is not a policy of this pack (did you mean "database-not-publicly-accessible"?)',
        );
        expect(result.stdout).toBe("");
    });
});

describe("policy exceptions (Pulumi's shape) in check", () => {
    const ADMIN = "urn:pulumi:prod::configured::aws:ec2/securityGroup:SecurityGroup::admin";

    it("waives the program's mandatory violations it matches: exit 0, the advisory one still counted", () => {
        const file = configFile({
            exceptions: {
                "EXC-7": {
                    reason: "admin group is only attached in the lab",
                    match: [{ policies: ["no-admin-ports-from-internet", "internet-ingress-only-on-allowed-ports"], targets: [ADMIN] }],
                },
            },
        });
        const result = tierguard("check", fixture("configured"), "--stack", "prod", CONFIG_FLAG, file, "--format", "json");
        expect(result.code).toBe(0);
        const json = JSON.parse(result.stdout);
        expect(json.summary).toMatchObject({ mandatory: 0, advisory: 1, exempted: 2 });
        expect(json.exempted.map((v: any) => [v.policy, v.exception.id]).sort()).toEqual([
            ["internet-ingress-only-on-allowed-ports", "EXC-7"],
            ["no-admin-ports-from-internet", "EXC-7"],
        ]);
    });

    it("refuses a target that is a logical name before the program runs", () => {
        const file = configFile({ exceptions: { "EXC-7": { reason: "r", match: [{ policies: ["no-admin-ports-from-internet"], targets: ["admin"] }] } } });
        const result = tierguard("check", fixture("configured"), "--stack", "prod", CONFIG_FLAG, file);
        expect(result.code).toBe(2);
        expect(result.stderr).toContain('exceptions["EXC-7"].match[0].targets[0] = "admin" is not a resource URN');
    });
});
