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

describe("security-group-rules-have-descriptions", () => {
    const run = (props: unknown, type: string = TYPES.sg) => check("security-group-rules-have-descriptions", type, props);
    it("reports inline and standalone rules without a description", () => {
        const reports = violations(run({ ingress: [tcp(443, { cidrBlocks: ["0.0.0.0/0"] }), tcp(80, { cidrBlocks: ["0.0.0.0/0"], description: "  " })], egress: [tcp(443, { cidrBlocks: ["0.0.0.0/0"], description: "https out" })] }));
        expect(reports.map((r) => r.message.split(":")[0])).toEqual(["res ingress[0] allows TCP port 443 from 0.0.0.0/0", "res ingress[1] allows TCP port 80 from 0.0.0.0/0"]);
        expect(violations(run({ ipProtocol: "tcp", fromPort: 443, toPort: 443, cidrIpv4: "0.0.0.0/0" }, TYPES.ingressRule))[0].message).toContain("standalone ingress rule");
        expect(violations(run({ ipProtocol: "tcp", fromPort: 443, toPort: 443, cidrIp: "0.0.0.0/0", description: "" }, TYPES.nativeIngress))).toHaveLength(1);
    });
    it("passes described rules and does not ask AWS's implicit default egress for one", () => {
        expect(run({ securityGroupIngress: [{ ipProtocol: "tcp", fromPort: 443, toPort: 443, cidrIp: "0.0.0.0/0", description: "https" }] }, TYPES.nativeSg)).toEqual([]);
    });
    it("cannot verify an unknown description", () => {
        expect(unverifiable(run({ ingress: [tcp(443, { cidrBlocks: ["0.0.0.0/0"], description: UNKNOWN })] }))).toHaveLength(1);
    });
});

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

describe("database-not-publicly-accessible", () => {
    const run = (type: string, props: unknown) => check("database-not-publicly-accessible", type, props);
    it.each([
        ["aws:rds/instance:Instance", { publiclyAccessible: true }],
        ["aws:rds/clusterInstance:ClusterInstance", { publiclyAccessible: true }],
        ["aws:redshift/cluster:Cluster", { publiclyAccessible: "true" }],
        ["aws:dms/replicationInstance:ReplicationInstance", { publiclyAccessible: true }],
        ["aws:dms/replicationInstance:ReplicationInstance", {}],
        ["aws-native:rds:DBInstance", { publiclyAccessible: true }],
    ])("reports %s %j", (type, props) => expect(violations(run(type, props))).toHaveLength(1));
    it.each([
        ["aws:rds/instance:Instance", { publiclyAccessible: false }],
        ["aws:rds/instance:Instance", {}],
        ["aws:dms/replicationInstance:ReplicationInstance", { publiclyAccessible: false }],
        ["aws:s3/bucket:Bucket", { publiclyAccessible: true }],
    ])("passes %s %j", (type, props) => expect(run(type, props)).toEqual([]));
    it("cannot verify unknown or malformed values, or an aws-native instance that leaves it to the VPC", () => {
        expect(unverifiable(run("aws:rds/instance:Instance", { publiclyAccessible: UNKNOWN }))).toHaveLength(1);
        expect(unverifiable(run("aws:rds/instance:Instance", { publiclyAccessible: "yes" }))).toHaveLength(1);
        expect(unverifiable(run("aws-native:rds:DBInstance", {}))).toHaveLength(1);
    });
});

describe("no-wide-ingress-port-ranges", () => {
    const run = (props: unknown, config = {}) => check("no-wide-ingress-port-ranges", TYPES.sg, props, config);
    it("reports more than maxPorts ports to a peer other than self", () => {
        expect(violations(run(sgWithIngress(tcp([1000, 2000], { cidrBlocks: ["10.0.0.0/8"] })))) [0].message).toContain("opens 1001 ports");
        expect(violations(run(sgWithIngress({ protocol: "-1", fromPort: 0, toPort: 0, securityGroups: ["sg-1"] })))).toHaveLength(1);
    });
    it("passes narrow ranges, self-only rules and ICMP", () => {
        expect(run(sgWithIngress(tcp([8000, 8099], { cidrBlocks: ["10.0.0.0/8"] }), { protocol: "-1", fromPort: 0, toPort: 0, self: true }, { protocol: "icmp", fromPort: -1, toPort: -1, cidrBlocks: ["10.0.0.0/8"] }))).toEqual([]);
    });
    it("takes maxPorts from config", () => {
        expect(run(sgWithIngress(tcp([1000, 2000], { cidrBlocks: ["10.0.0.0/8"] })), { maxPorts: 2000 })).toEqual([]);
        expect(violations(run(sgWithIngress(tcp([8000, 8010], { cidrBlocks: ["10.0.0.0/8"] })), { maxPorts: 10 }))).toHaveLength(1);
    });
    it("cannot verify unknown ports", () => expect(unverifiable(run(sgWithIngress(tcp([0, 1], { fromPort: UNKNOWN, cidrBlocks: ["10.0.0.0/8"] }))))).toHaveLength(1));
});
