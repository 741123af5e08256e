import { TYPES, UNKNOWN, check, sgWithIngress, tcp, unverifiable, violations } from "../../helpers";

describe("database-ingress-from-security-groups-only", () => {
    const run = (props: unknown, config = {}, type: string = TYPES.sg) => check("database-ingress-from-security-groups-only", type, props, config);
    it("reports a database port reached from any CIDR, private too", () => {
        const reports = violations(run(sgWithIngress(tcp(5432, { cidrBlocks: ["10.0.1.0/24"] }), tcp(3306, { ipv6CidrBlocks: ["fd00::/8"] }))));
        expect(reports).toHaveLength(2);
        expect(reports[0].message).toContain("res ingress[0] allows TCP port 5432 from 10.0.1.0/24: PostgreSQL (5432) reachable from an address range");
    });
    it("passes security-group references, self and prefix lists", () => {
        expect(run(sgWithIngress(tcp(5432, { securityGroups: ["sg-app"] }), tcp(5432, { self: true }), tcp(5432, { prefixListIds: ["pl-1"] })))).toEqual([]);
        expect(run({ ipProtocol: "tcp", fromPort: 5432, toPort: 5432, referencedSecurityGroupId: UNKNOWN }, {}, TYPES.ingressRule)).toEqual([]);
    });
    it("passes CIDRs inside allowedCidrs", () => {
        const props = sgWithIngress(tcp(5432, { cidrBlocks: ["10.8.1.0/24"] }));
        expect(run(props, { allowedCidrs: ["10.8.0.0/16"] })).toEqual([]);
        expect(violations(run(props, { allowedCidrs: ["10.9.0.0/16"] }))).toHaveLength(1);
    });
    it("counts an unknown CIDR as a CIDR, unless allowedCidrs makes its value matter", () => {
        const props = sgWithIngress(tcp(5432, { cidrBlocks: [UNKNOWN] }));
        expect(violations(run(props))).toHaveLength(1);
        expect(unverifiable(run(props, { allowedCidrs: ["10.0.0.0/8"] }))).toHaveLength(1);
    });
    it("ignores other ports and covers all-protocol rules", () => {
        expect(run(sgWithIngress(tcp(443, { cidrBlocks: ["10.0.0.0/8"] })))).toEqual([]);
        expect(violations(run(sgWithIngress({ protocol: "-1", fromPort: 0, toPort: 0, cidrBlocks: ["10.0.0.0/8"] })))).toHaveLength(1);
    });
});
