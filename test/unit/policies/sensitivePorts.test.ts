import { TYPES, UNKNOWN, check, policy, sgWithIngress, tcp, unverifiable, violations } from "../../helpers";
import { configProblems } from "../../../policypack/kit/define";

const ADMIN = "no-admin-ports-from-internet";
const DB = "no-database-ports-from-internet";

describe(ADMIN, () => {
    const admin = (props: unknown, type: string = TYPES.sg, config = {}) => check(ADMIN, type, props, config);

    it("reports SSH from 0.0.0.0/0, naming rule, protocol, port, peer and fix", () => {
        const reports = violations(admin(sgWithIngress(tcp(443, { cidrBlocks: ["0.0.0.0/0"] }), tcp(22, { cidrBlocks: ["0.0.0.0/0"] }))));
        expect(reports).toHaveLength(1);
        expect(reports[0].message).toMatch(/^res ingress\[1\] allows TCP port 22 from 0\.0\.0\.0\/0: SSH \(22\) open to the internet/);
        expect(reports[0].message).toContain("Fix:");
        expect(reports[0].message).toContain("203.0.113.10/32");
    });
    it("reports IPv6 ::/0, ranges containing an admin port, UDP 3389, all protocols and other protocol numbers", () => {
        expect(violations(admin(sgWithIngress(tcp(22, { ipv6CidrBlocks: ["::/0"] }))))).toHaveLength(1);
        expect(violations(admin(sgWithIngress(tcp([20, 30], { cidrBlocks: ["0.0.0.0/0"] }))))[0].message).toContain("SSH (22), Telnet (23)");
        expect(violations(admin(sgWithIngress({ protocol: "udp", fromPort: 3389, toPort: 3389, cidrBlocks: ["0.0.0.0/0"] })))).toHaveLength(1);
        expect(violations(admin(sgWithIngress({ protocol: "-1", fromPort: 0, toPort: 0, cidrBlocks: ["0.0.0.0/0"] })))).toHaveLength(1);
        expect(violations(admin(sgWithIngress({ protocol: "all", fromPort: 0, toPort: 0, cidrBlocks: ["0.0.0.0/0"] })))).toHaveLength(1);
        expect(violations(admin(sgWithIngress({ protocol: -1, fromPort: 0, toPort: 0, cidrBlocks: ["0.0.0.0/0"] })))).toHaveLength(1);
        expect(violations(admin(sgWithIngress({ protocol: "47", fromPort: 0, toPort: 0, cidrBlocks: ["0.0.0.0/0"] })))).toHaveLength(1);
        expect(violations(admin(sgWithIngress({ protocol: "6", fromPort: 0, toPort: 65535, cidrBlocks: ["0.0.0.0/0"] })))).toHaveLength(1);
    });
    it("reports split-world CIDRs and wide public ranges", () => {
        expect(violations(admin(sgWithIngress(tcp(22, { cidrBlocks: ["0.0.0.0/1", "128.0.0.0/1"] }))))).toHaveLength(1);
        expect(violations(admin(sgWithIngress(tcp(22, { cidrBlocks: ["0.0.0.0/1"] }))))).toHaveLength(1);
        expect(violations(admin(sgWithIngress(tcp(22, { cidrBlocks: ["52.0.0.0/8"] }))))).toHaveLength(1);
        expect(violations(admin(sgWithIngress(tcp(22, { ipv6CidrBlocks: ["::ffff:0:0/96"] }))))).toHaveLength(1);
    });
    it("passes private ranges, single hosts, references, self, prefix lists and ICMP", () => {
        const props = sgWithIngress(
            tcp(22, { cidrBlocks: ["10.0.0.0/8", "203.0.113.10/32"] }),
            tcp(22, { ipv6CidrBlocks: ["fc00::/7", "2001:db8::1/128"] }),
            tcp(22, { securityGroups: ["sg-123"], self: true, prefixListIds: ["pl-1"] }),
            { protocol: "icmp", fromPort: -1, toPort: -1, cidrBlocks: ["0.0.0.0/0"] },
            tcp(443, { cidrBlocks: ["0.0.0.0/0"], ipv6CidrBlocks: ["::/0"] }),
        );
        expect(admin(props)).toEqual([]);
    });
    it("covers every security-group resource type", () => {
        expect(violations(admin({ type: "ingress", protocol: "tcp", fromPort: 22, toPort: 22, cidrBlocks: ["0.0.0.0/0"], securityGroupId: "sg-1" }, TYPES.sgRule))).toHaveLength(1);
        expect(admin({ type: "egress", protocol: "tcp", fromPort: 22, toPort: 22, cidrBlocks: ["0.0.0.0/0"] }, TYPES.sgRule)).toEqual([]);
        expect(violations(admin({ ipProtocol: "tcp", fromPort: 3389, toPort: 3389, cidrIpv4: "0.0.0.0/0" }, TYPES.ingressRule))).toHaveLength(1);
        expect(violations(admin({ ipProtocol: "-1", cidrIpv6: "::/0" }, TYPES.ingressRule))).toHaveLength(1);
        expect(admin({ ipProtocol: "-1", cidrIpv4: "0.0.0.0/0" }, TYPES.egressRule)).toEqual([]);
        expect(violations(admin({ ipProtocol: "tcp", fromPort: 22, toPort: 22, cidrIp: "0.0.0.0/0" }, TYPES.nativeIngress))).toHaveLength(1);
        expect(violations(admin({ securityGroupIngress: [{ ipProtocol: "tcp", fromPort: 22, toPort: 22, cidrIpv6: "::/0" }] }, TYPES.nativeSg))).toHaveLength(1);
        expect(violations(admin(sgWithIngress(tcp(22, { cidrBlocks: ["0.0.0.0/0"] })), TYPES.defaultSg))).toHaveLength(1);
        expect(admin(sgWithIngress(tcp(22, { cidrBlocks: ["0.0.0.0/0"] })), "aws:s3/bucket:Bucket")).toEqual([]);
    });
    it("says a rule cannot be verified when an unknown value could hide a violation, at advisory level", () => {
        const reports = admin(sgWithIngress(tcp(22, { cidrBlocks: [UNKNOWN] })));
        expect(violations(reports)).toEqual([]);
        expect(unverifiable(reports)).toHaveLength(1);
        expect(reports[0].enforcementLevel).toBe("advisory");
        expect(reports[0].message).toContain("ingress[0].cidrBlocks[0] is not known until the update");
        expect(unverifiable(admin(sgWithIngress({ protocol: UNKNOWN, fromPort: 22, toPort: 22, cidrBlocks: ["0.0.0.0/0"] })))).toHaveLength(1);
        expect(unverifiable(admin({ ingress: UNKNOWN }))).toHaveLength(1);
        expect(unverifiable(admin({ ingress: [UNKNOWN] }))).toHaveLength(1);
        // An unknown CIDR on a port that is not an admin port hides nothing.
        expect(admin(sgWithIngress(tcp(443, { cidrBlocks: [UNKNOWN] })))).toEqual([]);
        // An unknown security-group id is still a reference, never the internet.
        expect(admin(sgWithIngress(tcp(22, { securityGroups: [UNKNOWN] })))).toEqual([]);
        // A known internet CIDR beside an unknown one is a violation all the same.
        expect(violations(admin(sgWithIngress(tcp(22, { cidrBlocks: [UNKNOWN, "0.0.0.0/0"] }))))).toHaveLength(1);
    });
    it("makes unknowns blocking with unknownValues: mandatory", () => {
        const reports = admin(sgWithIngress(tcp(22, { cidrBlocks: [UNKNOWN] })), TYPES.sg, { unknownValues: "mandatory" });
        expect(reports).toHaveLength(1);
        expect(reports[0].enforcementLevel).toBe("mandatory");
    });
    it("reports malformed CIDRs and ports instead of crashing", () => {
        const reports = admin(sgWithIngress(tcp(22, { cidrBlocks: ["0.0.0.0"] }), { protocol: "tcp", fromPort: 30, toPort: 20, cidrBlocks: ["0.0.0.0/0"] }));
        expect(unverifiable(reports).map((r) => r.message).join("\n")).toMatch(/cidrBlocks\[0\] = "0\.0\.0\.0" is malformed: no prefix/);
        expect(unverifiable(reports).map((r) => r.message).join("\n")).toMatch(/reversed/);
    });
    it("takes its ports from config, ranges included", () => {
        const props = sgWithIngress(tcp(2222, { cidrBlocks: ["0.0.0.0/0"] }));
        expect(admin(props)).toEqual([]);
        expect(violations(admin(props, TYPES.sg, { ports: [2222] }))).toHaveLength(1);
        expect(violations(admin(props, TYPES.sg, { ports: ["2200-2300"] }))).toHaveLength(1);
        expect(admin(sgWithIngress(tcp(22, { cidrBlocks: ["0.0.0.0/0"] })), TYPES.sg, { ports: [2222] })).toEqual([]);
    });
    it("sees CIDRs that together cover the internet even when each alone is not wide enough", () => {
        const split = sgWithIngress(tcp(22, { cidrBlocks: ["0.0.0.0/1", "128.0.0.0/1"] }));
        const onlyZero = { internetPrefixV4: 0, internetPrefixV6: 0 };
        expect(violations(admin(split, TYPES.sg, onlyZero))[0].message).toContain("together with the rule's other CIDRs, all of IPv4");
        expect(admin(sgWithIngress(tcp(22, { cidrBlocks: ["0.0.0.0/1"] })), TYPES.sg, onlyZero)).toEqual([]);
        expect(violations(admin(sgWithIngress(tcp(22, { ipv6CidrBlocks: ["::/1", "8000::/1"] })), TYPES.sg, onlyZero))).toHaveLength(1);
    });
    it("takes the internet prefixes from config", () => {
        const props = sgWithIngress(tcp(22, { cidrBlocks: ["52.0.0.0/16"] }));
        expect(admin(props)).toEqual([]);
        expect(violations(admin(props, TYPES.sg, { internetPrefixV4: 20 }))).toHaveLength(1);
    });
    it("reports invalid config once, as mandatory, naming the key and value, and uses the (safe) default meanwhile", () => {
        const config = { ports: ["ssh"], typo: 1, exemptions: [{ resource: "web" }] };
        const reports = admin(sgWithIngress(tcp(22, { cidrBlocks: ["0.0.0.0/0"] })), TYPES.sg, config);
        expect(reports.map((r) => r.message).join("\n")).toContain("SSH (22) open to the internet");
        expect(reports.map((r) => r.message).join("\n")).not.toContain("Invalid configuration");
        const problems = configProblems(policy(ADMIN), config);
        expect(problems.map((p) => p.message)).toEqual([
            'Invalid configuration of policy no-admin-ports-from-internet: config "ports": item [0] = "ssh" is not a port (0-65535) or a "from-to" range; the default [22,23,3389,5900,5985,5986] is used instead.',
            'Invalid configuration of policy no-admin-ports-from-internet: config "typo" is not a setting of this policy (its settings: ports, internetPrefixV4, internetPrefixV6, unknownValues, exemptions).',
            'Invalid exemption in the configuration of policy no-admin-ports-from-internet: exemptions[0] for "web" has no reason; an exemption needs a reason to be applied. It is not applied.',
        ]);
        expect(problems.every((p) => p.enforcementLevel === "mandatory")).toBe(true);
    });
});

describe(DB, () => {
    const db = (props: unknown, config = {}) => check(DB, TYPES.sg, props, config);
    it("reports database ports open to the internet", () => {
        const reports = violations(db(sgWithIngress(tcp(5432, { cidrBlocks: ["0.0.0.0/0"] }), tcp([27000, 28000], { ipv6CidrBlocks: ["::/0"] }))));
        expect(reports).toHaveLength(2);
        expect(reports[0].message).toContain("PostgreSQL (5432)");
        expect(reports[1].message).toContain("MongoDB (27017)");
    });
    it("passes the database port from a security group or a private range", () => {
        expect(db(sgWithIngress(tcp(5432, { securityGroups: ["sg-app"] }), tcp(3306, { cidrBlocks: ["10.0.0.0/16"] })))).toEqual([]);
    });
    it("matches UDP and all-protocol rules", () => {
        expect(violations(db(sgWithIngress({ protocol: "udp", fromPort: 11211, toPort: 11211, cidrBlocks: ["0.0.0.0/0"] })))).toHaveLength(1);
        expect(violations(db(sgWithIngress({ protocol: "-1", fromPort: 0, toPort: 0, cidrBlocks: ["0.0.0.0/0"] })))).toHaveLength(1);
    });
});
