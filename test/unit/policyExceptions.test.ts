/**
 * Policy exceptions in Pulumi's shape (cli/policyExceptions.ts): the `exceptions` key of the policy config
 * file is validated like the rest of it (errors name the exception, the match entry and the field), and
 * applied as the Pulumi CLI applies it — an exempted violation is reported, marked with the exception, and
 * does not count; an expired exception no longer applies and says so; one without expiry is permanent.
 * SARIF (which reads the package's version from the build) is tested end to end in test/cli/policyExceptions.test.ts.
 */
import { applyExceptions, compareExceptionIds, exceptionProblems, readExceptions, urnProblem } from "../../cli/policyExceptions";
import { policyConfigProblems, ownPolicyInfos } from "../../cli/policyConfig";
import { Violation } from "../../cli/engine/violation";
import { CheckReport } from "../../cli/report/checkReport";
import { summaryOf } from "../../cli/report/summary";
import { textReport } from "../../cli/report/text";
import { jsonReport } from "../../cli/report/json";
import { markdownReport } from "../../cli/report/markdown";

const SG = "urn:pulumi:prod::shop::aws:ec2/securityGroup:SecurityGroup::web-sg";
const DB = "urn:pulumi:prod::shop::aws:rds/instance:Instance::db";
const ADMIN = "no-admin-ports-from-internet";
const names = ownPolicyInfos().map((p) => p.name);
const other = names.find((n) => n !== ADMIN)!;

function violation(policy: string, urn: string, level: "mandatory" | "advisory" = "mandatory"): Violation {
    return {
        policy,
        enforcementLevel: level,
        severity: "high",
        urn,
        resourceType: urn.split("::")[2],
        resourceName: urn.split("::")[3],
        message: `${policy} on ${urn.split("::")[3]}. Fix: close it.`,
    };
}

const exception = (fields: Record<string, unknown>) => ({
    exceptions: { "EXC-1": { reason: "Reviewed", match: [{ policies: [ADMIN], targets: [SG] }], ...fields } },
});

describe("policy exceptions: validation", () => {
    it("accepts Pulumi's shape, with or without expiry", () => {
        expect(policyConfigProblems(exception({}), ownPolicyInfos(), true)).toEqual([]);
        expect(policyConfigProblems(exception({ expiresAt: "2027-03-31" }), ownPolicyInfos(), true)).toEqual([]);
        expect(policyConfigProblems(exception({ expiresAt: "2027-03-31T12:00:00Z" }), ownPolicyInfos(), true)).toEqual([]);
    });

    it.each<[string, unknown, string]>([
        ["a missing reason", { "EXC-1": { match: [{ policies: [ADMIN], targets: [SG] }] } }, 'exceptions["EXC-1"].reason is required'],
        ["a blank reason", { "EXC-1": { reason: "  ", match: [{ policies: [ADMIN], targets: [SG] }] } }, 'exceptions["EXC-1"].reason is required'],
        [
            "a misspelt policy",
            { "EXC-1": { reason: "r", match: [{ policies: ["no-admn-ports-from-internet"], targets: [SG] }] } },
            `exceptions["EXC-1"].match[0].policies[0] = "no-admn-ports-from-internet" is not a policy of this pack (did you mean "${ADMIN}"?)`,
        ],
        ["all", { "EXC-1": { reason: "r", match: [{ policies: ["all"], targets: [SG] }] } }, "an exception names each policy"],
        ["a policy pattern", { "EXC-1": { reason: "r", match: [{ policies: ["no-*"], targets: [SG] }] } }, "exact name, without patterns"],
        [
            "a logical name as target",
            { "EXC-1": { reason: "r", match: [{ policies: [ADMIN], targets: ["web-sg"] }] } },
            'exceptions["EXC-1"].match[0].targets[0] = "web-sg" is not a resource URN',
        ],
        [
            "a URN without a name",
            { "EXC-1": { reason: "r", match: [{ policies: [ADMIN], targets: ["urn:pulumi:prod::shop::aws:ec2/securityGroup:SecurityGroup"] }] } },
            "urn:pulumi:<stack>::<project>::<type>::<name>",
        ],
        [
            "a URN pattern",
            { "EXC-1": { reason: "r", match: [{ policies: [ADMIN], targets: ["urn:pulumi:prod::shop::*"] }] } },
            'use the policy\'s own "exemptions"',
        ],
        [
            "no targets",
            { "EXC-1": { reason: "r", match: [{ policies: [ADMIN], targets: [] }] } },
            'exceptions["EXC-1"].match[0].targets = [] must be a non-empty list',
        ],
        ["no match", { "EXC-1": { reason: "r" } }, 'exceptions["EXC-1"].match = undefined must be a non-empty list'],
        [
            "a second bad match entry",
            {
                "EXC-1": {
                    reason: "r",
                    match: [
                        { policies: [ADMIN], targets: [SG] },
                        { policies: [ADMIN], target: [SG] },
                    ],
                },
            },
            'exceptions["EXC-1"].match[1].target is not a field of a match entry (did you mean "targets"?)',
        ],
        [
            "tierguard's exemption field",
            { "EXC-1": { reason: "r", match: [{ policies: [ADMIN], targets: [SG] }], expires: "2027-01-01" } },
            'exceptions["EXC-1"].expires is not a field of an exception (did you mean "expiresAt"?)',
        ],
        [
            "a date that is not one",
            { "EXC-1": { reason: "r", match: [{ policies: [ADMIN], targets: [SG] }], expiresAt: "2027-02-30" } },
            'exceptions["EXC-1"].expiresAt = "2027-02-30" is not a date',
        ],
        ["a bad ID", { "EXC 1": { reason: "r", match: [{ policies: [ADMIN], targets: [SG] }] } }, 'exceptions["EXC 1"]: an exception ID may contain only'],
        ["a list instead of IDs", [{ reason: "r", match: [{ policies: [ADMIN], targets: [SG] }] }], "must be an object that maps exception IDs to exceptions"],
    ])("refuses %s, naming the exception, the entry and the field", (_what, raw, expected) => {
        const problems = policyConfigProblems({ exceptions: raw as Record<string, unknown> }, ownPolicyInfos(), true);
        expect(problems.join("\n")).toContain(expected);
    });

    it("checks another pack's policy names against that pack", () => {
        expect(exceptionProblems({ a: { reason: "r", match: [{ policies: ["their-policy"], targets: [SG] }] } }, ["their-policy"])).toEqual([]);
        expect(exceptionProblems({ a: { reason: "r", match: [{ policies: [ADMIN], targets: [SG] }] } }, ["their-policy"])[0]).toContain(
            "is not a policy of this pack",
        );
    });

    it("knows a URN", () => {
        expect(urnProblem(SG)).toBeUndefined();
        expect(urnProblem("urn:pulumi:prod::shop::my:component:Thing$aws:ec2/securityGroup:SecurityGroup::a::b")).toBeUndefined();
        expect(urnProblem("urn:pulumi:prod::shop")).toContain("is not a resource URN");
    });
});

describe("policy exceptions: applied as the Pulumi CLI applies them", () => {
    const now = Date.parse("2026-11-30T12:00:00Z");
    const violations = [violation(ADMIN, SG), violation(other, SG), violation(ADMIN, DB), violation(other, DB, "advisory")];

    it("waives a violation whose policy and URN are in one match entry, reporting it with the exception", () => {
        const applied = applyExceptions(violations, readExceptions(exception({}).exceptions), now);
        expect(applied.exempted).toHaveLength(1);
        expect(applied.exempted[0]).toMatchObject({ policy: ADMIN, urn: SG, exception: { id: "EXC-1", reason: "Reviewed" } });
        expect(applied.violations).toHaveLength(3);
        expect(applied.exceptions[0]).toMatchObject({ id: "EXC-1", status: "permanent", waived: [{ policy: ADMIN, urn: SG, resourceName: "web-sg" }] });
    });

    it("matches policy and URN within one entry, not across entries", () => {
        const raw = {
            X: {
                reason: "r",
                match: [
                    { policies: [ADMIN], targets: [DB] },
                    { policies: [other], targets: [SG] },
                ],
            },
        };
        const applied = applyExceptions(violations, readExceptions(raw), now);
        expect(applied.exempted.map((v) => `${v.policy}@${v.resourceName}`).sort()).toEqual([`${ADMIN}@db`, `${other}@web-sg`].sort());
    });

    it("lets the lowest ID win, digits as numbers", () => {
        const entry = { reason: "", match: [{ policies: [ADMIN], targets: [SG] }] };
        const raw = { "EXC-10": { ...entry, reason: "ten" }, "EXC-9": { ...entry, reason: "nine" } };
        expect(applyExceptions(violations, readExceptions(raw), now).exempted[0].exception).toEqual({ id: "EXC-9", reason: "nine" });
        expect(compareExceptionIds("EXC-2", "EXC-10")).toBeLessThan(0);
        expect(compareExceptionIds("a", "b")).toBeLessThan(0);
    });

    it("applies an exception through its expiry date (UTC), and no longer after it, saying so", () => {
        const today = applyExceptions(violations, readExceptions(exception({ expiresAt: "2026-11-30" }).exceptions), now);
        expect(today.exempted).toHaveLength(1);
        expect(today.exceptions[0].status).toBe("active");
        const expired = applyExceptions(violations, readExceptions(exception({ expiresAt: "2026-11-29" }).exceptions), now);
        expect(expired.exempted).toHaveLength(0);
        expect(expired.exceptions[0]).toMatchObject({ status: "expired", waived: [{ policy: ADMIN, urn: SG }] });
        const counted = expired.violations.find((v) => v.policy === ADMIN && v.urn === SG)!;
        expect(counted.expiredException).toEqual({ id: "EXC-1", reason: "Reviewed", expiresAt: "2026-11-29" });
        expect(counted.message).toContain('exception "EXC-1" (Reviewed) expired 2026-11-29, so it no longer applies');
        const byTime = applyExceptions(violations, readExceptions(exception({ expiresAt: "2026-11-30T11:00:00Z" }).exceptions), now);
        expect(byTime.exceptions[0].status).toBe("expired");
    });

    it("an exempted violation does not count, even a mandatory one", () => {
        const applied = applyExceptions([violation(ADMIN, SG)], readExceptions(exception({}).exceptions), now);
        expect(summaryOf({ violations: applied.violations, exempted: applied.exempted, resources: 1 })).toMatchObject({
            mandatory: 0,
            advisory: 0,
            exempted: 1,
        });
    });
});

describe("policy exceptions in reports", () => {
    const now = Date.parse("2026-11-30T12:00:00Z");
    const raw = {
        "EXC-1": { reason: "Bastion behind the office VPN", match: [{ policies: [ADMIN], targets: [SG] }] },
        "EXC-2": { reason: "Old waiver", match: [{ policies: [other], targets: [DB] }], expiresAt: "2026-01-31" },
        "EXC-3": { reason: "Unused", match: [{ policies: [other], targets: [SG] }], expiresAt: "2027-01-31" },
    };
    const applied = applyExceptions([violation(ADMIN, SG), violation(other, DB)], readExceptions(raw), now);
    const report = {
        program: "prod.json",
        project: "shop",
        stack: "prod",
        stackUrn: "urn:pulumi:prod::shop::pulumi:pulumi:Stack::shop-prod",
        mode: "preview",
        outcome: { status: "completed" },
        ...applied,
        resources: 2,
        unchecked: [],
        components: [],
        offline: [],
        policies: ownPolicyInfos(),
        sources: {},
    } as unknown as CheckReport;

    it("text lists what each exception waived, its status, and the exempted violation with its reason", () => {
        const text = textReport(report, "scan");
        expect(text).toContain("EXEMPTED by policy exceptions (reported, not counted):");
        expect(text).toContain("Exempted by exception EXC-1: Bastion behind the office VPN");
        expect(text).toMatch(/EXC-1 {2}permanent \(no expiry\): Bastion behind the office VPN\n {4}waived 1: no-admin-ports-from-internet on web-sg/);
        expect(text).toContain("EXC-2  EXPIRED 2026-01-31 (no longer applies): Old waiver");
        expect(text).toContain(`would have waived (now counted): ${other} on db`);
        expect(text).toContain("EXC-3  expires 2027-01-31: Unused\n    waived nothing in this stack");
        expect(text).toContain("1 violation exempted by policy exceptions");
    });

    it("JSON has exempted violations with their exception, every exception's status, and the count", () => {
        const json = JSON.parse(jsonReport(report));
        expect(json.exempted).toEqual([
            expect.objectContaining({ policy: ADMIN, urn: SG, exception: { id: "EXC-1", reason: "Bastion behind the office VPN" } }),
        ]);
        expect(json.exceptions.map((e: any) => [e.id, e.status, e.waived.length])).toEqual([
            ["EXC-1", "permanent", 1],
            ["EXC-2", "expired", 1],
            ["EXC-3", "active", 0],
        ]);
        expect(json.violations).toEqual([expect.objectContaining({ policy: other, expiredException: expect.objectContaining({ id: "EXC-2" }) })]);
        expect(json.summary).toMatchObject({ mandatory: 1, exempted: 1 });
    });

    it("Markdown lists each exception with its status and what it waived", () => {
        const md = markdownReport([report]);
        expect(md).toContain("Policy exceptions: 1 violation exempted (reported, not counted)");
        expect(md).toContain("`EXC-1` — permanent (no expiry): Bastion behind the office VPN");
        expect(md).toContain("waived: `no-admin-ports-from-internet` on `web-sg` (mandatory)");
        expect(md).toContain("⚠️ **EXPIRED 2026-01-31 (no longer applies)**");
    });

    it("reports nothing about exceptions when the config file has none", () => {
        const plain = { ...report, violations: [violation(ADMIN, SG)], exempted: [], exceptions: [] } as CheckReport;
        expect(textReport(plain)).not.toContain("exception");
        expect(JSON.parse(jsonReport(plain)).exceptions).toBeUndefined();
    });
});
