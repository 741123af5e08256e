import { TYPES, check, policy, sgWithIngress, tcp, violations } from "../helpers";
import { configProblems } from "../../policypack/kit/define";

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
        expect(problems([{ resource: "bastion-sg" }])).toEqual([expect.objectContaining({ enforcementLevel: "mandatory", message: expect.stringContaining('exemptions[0] for "bastion-sg" has no reason') })]);
        expect(violations(run([{ resource: "bastion-sg" }]))).toHaveLength(1);
        const badDate = [{ resource: "bastion-sg", reason: "x", expires: "2026-02-30" }];
        expect(problems(badDate).map((r) => r.message).join("\n")).toContain("not a date in the form YYYY-MM-DD");
        expect(violations(run(badDate))).toHaveLength(1);
        expect(problems([{ resource: "bastion-sg", reason: "ok", expires: "2099-01-01" }])).toEqual([]);
    });
});
