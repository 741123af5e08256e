import fc from "fast-check";
import { TYPES, check, policy, sgWithIngress, tcp, violations } from "../helpers";
import { configProblems } from "../../policypack/kit/define";
import { globMatches } from "../../policypack/kit/glob";

const POLICY = "no-admin-ports-from-internet";
const open = sgWithIngress(tcp(22, { cidrBlocks: ["0.0.0.0/0"] }));

describe("exemptions", () => {
    const run = (exemptions: unknown, name = "bastion-sg") => check(POLICY, TYPES.sg, open, { exemptions }, name);
    it("exempts by logical name, URN and wildcard", () => {
        expect(run([{ resource: "bastion-sg", reason: "break-glass bastion" }])).toEqual([]);
        expect(run([{ resource: "urn:pulumi:dev::app::aws:ec2/securityGroup:SecurityGroup::bastion-sg", reason: "ok" }])).toEqual([]);
        expect(run([{ resource: "bastion-*", reason: "bastions" }])).toEqual([]);
        expect(run([{ resource: "*::bastion-sg", reason: "by urn suffix" }])).toEqual([]);
        expect(violations(run([{ resource: "web-*", reason: "web" }]))).toHaveLength(1);
    });
    it("applies until the end of its expiry day, then says when it expired", () => {
        expect(run([{ resource: "bastion-sg", reason: "until later", expires: "2999-12-31" }])).toEqual([]);
        const reports = run([{ resource: "bastion-sg", reason: "migration", expires: "2020-01-31" }]);
        expect(reports).toHaveLength(1);
        expect(reports[0].message).toContain('exemption "bastion-sg" (migration) expired on 2020-01-31');
    });
    it("reports an exemption without a reason, or with a bad date, once as a mandatory config problem, and does not apply it", () => {
        const problems = (exemptions: unknown) => configProblems(policy(POLICY), { exemptions });
        expect(problems([{ resource: "bastion-sg" }])).toEqual([
            expect.objectContaining({ enforcementLevel: "mandatory", message: expect.stringContaining('exemptions[0] for "bastion-sg" has no reason') }),
        ]);
        expect(violations(run([{ resource: "bastion-sg" }]))).toHaveLength(1);
        const badDate = [{ resource: "bastion-sg", reason: "x", expires: "2026-02-30" }];
        expect(
            problems(badDate)
                .map((r) => r.message)
                .join("\n"),
        ).toContain("not a date in the form YYYY-MM-DD");
        expect(violations(run(badDate))).toHaveLength(1);
        expect(problems([{ resource: "bastion-sg", reason: "ok", expires: "2099-01-01" }])).toEqual([]);
    });
});

describe("exemption patterns", () => {
    it("match the whole name, * any run of characters (none included), every other character itself", () => {
        expect(globMatches("bastion-sg", "bastion-sg")).toBe(true);
        expect(globMatches("bastion", "bastion-sg")).toBe(false);
        expect(globMatches("*", "")).toBe(true);
        expect(globMatches("a*b*c", "abc")).toBe(true);
        expect(globMatches("a*b*c", "axxbyyc")).toBe(true);
        expect(globMatches("a*b*c", "axxbyyc-")).toBe(false);
        expect(globMatches("*ab*ab", "abab")).toBe(true);
        expect(globMatches("*aba", "ab")).toBe(false);
        expect(globMatches("ab*ba", "aba")).toBe(false);
        expect(globMatches("web-?.+(", "web-?.+(")).toBe(true);
        expect(globMatches("web-?", "web-1")).toBe(false);
        expect(globMatches("a*", "a\nb")).toBe(true);
    });

    it("agree with a regular expression on any short pattern and name", () => {
        const alphabet = fc.constantFrom("a", "b", "-", "*");
        const regexFor = (glob: string) =>
            new RegExp(
                `^${glob
                    .split("*")
                    .map((part) => part.replace(/[-]/g, "\\-"))
                    .join(".*")}$`,
                "s",
            );
        fc.assert(
            fc.property(fc.string({ unit: alphabet, maxLength: 8 }), fc.string({ unit: fc.constantFrom("a", "b", "-"), maxLength: 12 }), (pattern, name) => {
                expect(globMatches(pattern, name)).toBe(regexFor(pattern).test(name));
            }),
            { numRuns: 2000 },
        );
    });

    it("judge a 100,000-character name against *-*-*-*-bastion (a backtracking matcher never finishes)", () => {
        const longName = "a-".repeat(50_000);
        const exemptions = [{ resource: "*-*-*-*-bastion", reason: "bastions" }];
        expect(violations(check(POLICY, TYPES.sg, open, { exemptions }, longName))).toHaveLength(1);
        expect(check(POLICY, TYPES.sg, open, { exemptions }, `${longName}bastion`)).toEqual([]);
        expect(globMatches("*-*-*-*-bastion", longName)).toBe(false);
        expect(globMatches("*-*-*-*-bastion", `${longName}bastion`)).toBe(true);
    });
});
