import { TYPES, UNKNOWN, check, tcp, unverifiable, violations } from "../../helpers";

describe("default-security-group-restricts-all", () => {
    const run = (props: unknown, type: string = TYPES.defaultSg) => check("default-security-group-restricts-all", type, props);
    it("reports a default group that keeps any rule", () => {
        const reports = violations(run({ vpcId: "vpc-1", ingress: [{ protocol: "-1", fromPort: 0, toPort: 0, self: true }], egress: [{ protocol: "-1", fromPort: 0, toPort: 0, cidrBlocks: ["0.0.0.0/0"] }] }));
        expect(reports).toHaveLength(1);
        expect(reports[0].message).toContain("keeps 2 rules");
        expect(violations(run({ egress: [tcp(443, { cidrBlocks: ["10.0.0.0/8"] })] }))).toHaveLength(1);
    });
    it("passes a default group with no rules", () => {
        expect(run({ vpcId: "vpc-1" })).toEqual([]);
        expect(run({ vpcId: "vpc-1", ingress: [], egress: [] })).toEqual([]);
    });
    it("only judges default groups", () => expect(run({ ingress: [tcp(443, { cidrBlocks: ["10.0.0.0/8"] })] }, TYPES.sg)).toEqual([]));
    it("cannot verify unknown rule lists", () => expect(unverifiable(run({ ingress: UNKNOWN }))).toHaveLength(1));
});
