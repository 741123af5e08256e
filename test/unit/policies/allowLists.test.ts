import { TYPES, UNKNOWN, check, sgWithIngress, tcp, unverifiable, violations } from "../../helpers";

const INGRESS = "internet-ingress-only-on-allowed-ports";
const EGRESS = "no-unrestricted-egress";

describe(INGRESS, () => {
    const run = (props: unknown, config = {}, type: string = TYPES.sg) => check(INGRESS, type, props, config);
    it("allows HTTPS, HTTP and QUIC from the internet by default", () => {
        expect(run(sgWithIngress(tcp(443, { cidrBlocks: ["0.0.0.0/0"], ipv6CidrBlocks: ["::/0"] }), tcp(80, { cidrBlocks: ["0.0.0.0/0"] }), { protocol: "udp", fromPort: 443, toPort: 443, cidrBlocks: ["0.0.0.0/0"] }))).toEqual([]);
    });
    it("reports other ports, naming what lies outside the list", () => {
        const reports = violations(run(sgWithIngress(tcp([80, 8080], { cidrBlocks: ["0.0.0.0/0"] }))));
        expect(reports).toHaveLength(1);
        expect(reports[0].message).toContain("TCP ports 81-442, 444-8080 is open from the internet");
    });
    it("always fails all-protocol and all-port rules", () => {
        expect(violations(run(sgWithIngress({ protocol: "-1", fromPort: 0, toPort: 0, cidrBlocks: ["0.0.0.0/0"] })))[0].message).toContain("allow-all ingress");
        expect(violations(run(sgWithIngress(tcp([0, 65535], { cidrBlocks: ["0.0.0.0/0"] })), { allowedTcpPorts: ["0-65535"] }))).toHaveLength(1);
        expect(violations(run(sgWithIngress({ protocol: "50", fromPort: 0, toPort: 0, ipv6CidrBlocks: ["::/0"] })))).toHaveLength(1);
    });
    it("judges ICMP by type against allowedIcmpTypes and ICMPv6 against allowedIcmpv6Types", () => {
        const ping = sgWithIngress({ protocol: "icmp", fromPort: 8, toPort: 0, cidrBlocks: ["0.0.0.0/0"] });
        expect(violations(run(ping))).toHaveLength(1);
        expect(run(ping, { allowedIcmpTypes: [8] })).toEqual([]);
        const allIcmp = sgWithIngress({ protocol: "icmp", fromPort: -1, toPort: -1, cidrBlocks: ["0.0.0.0/0"] });
        expect(violations(run(allIcmp, { allowedIcmpTypes: [8] }))).toHaveLength(1);
        const v6 = sgWithIngress({ protocol: "58", fromPort: 128, toPort: 0, ipv6CidrBlocks: ["::/0"] });
        expect(violations(run(v6, { allowedIcmpTypes: [128] }))).toHaveLength(1);
        expect(run(v6, { allowedIcmpv6Types: [128] })).toEqual([]);
    });
    it("changes with config", () => {
        expect(run(sgWithIngress(tcp(8443, { cidrBlocks: ["0.0.0.0/0"] })), { allowedTcpPorts: [443, 8443] })).toEqual([]);
        expect(violations(run(sgWithIngress(tcp(80, { cidrBlocks: ["0.0.0.0/0"] })), { allowedTcpPorts: [443] }))).toHaveLength(1);
    });
    it("ignores traffic that is not from the internet", () => {
        expect(run(sgWithIngress(tcp(8080, { cidrBlocks: ["10.0.0.0/8"], securityGroups: ["sg-1"] })))).toEqual([]);
    });
    it("cannot verify unknown peers or ports", () => {
        expect(unverifiable(run(sgWithIngress(tcp(8080, { cidrBlocks: [UNKNOWN] }))))).toHaveLength(1);
        expect(unverifiable(run(sgWithIngress({ protocol: "tcp", fromPort: UNKNOWN, toPort: UNKNOWN, cidrBlocks: ["0.0.0.0/0"] })))).toHaveLength(1);
    });
});

describe(EGRESS, () => {
    const run = (props: unknown, type: string = TYPES.sg, config = {}) => check(EGRESS, type, props, config);
    it("reports the explicit allow-all rule", () => {
        const reports = violations(run({ egress: [{ protocol: "-1", fromPort: 0, toPort: 0, cidrBlocks: ["0.0.0.0/0"], description: "all" }] }));
        expect(reports).toHaveLength(1);
        expect(reports[0].message).toContain("allow-all egress");
        expect(reports[0].message).toContain("the rule AWS creates by default");
    });
    it("allows HTTPS to the internet and anything to private ranges and groups", () => {
        expect(
            run({
                egress: [
                    tcp(443, { cidrBlocks: ["0.0.0.0/0"], ipv6CidrBlocks: ["::/0"] }),
                    tcp(5432, { securityGroups: ["sg-db"] }),
                    { protocol: "-1", fromPort: 0, toPort: 0, cidrBlocks: ["10.0.0.0/8"] },
                ],
            }),
        ).toEqual([]);
    });
    it("reports other ports to the internet, and DNS over UDP unless allowed", () => {
        expect(violations(run({ egress: [tcp(80, { cidrBlocks: ["0.0.0.0/0"] })] }))).toHaveLength(1);
        const dns = { egress: [{ protocol: "udp", fromPort: 53, toPort: 53, cidrBlocks: ["0.0.0.0/0"] }] };
        expect(violations(run(dns))).toHaveLength(1);
        expect(run(dns, TYPES.sg, { allowedUdpPorts: [53] })).toEqual([]);
    });
    it("reports an aws-native group that declares no egress (AWS keeps its default allow-all)", () => {
        const reports = violations(run({ groupDescription: "x", securityGroupIngress: [] }, TYPES.nativeSg));
        expect(reports).toHaveLength(1);
        expect(reports[0].message).toContain("declares no securityGroupEgress");
        expect(violations(run({ groupDescription: "x", securityGroupEgress: [] }, TYPES.nativeSg))).toHaveLength(1);
        expect(run({ securityGroupEgress: [{ ipProtocol: "tcp", fromPort: 443, toPort: 443, cidrIp: "0.0.0.0/0" }] }, TYPES.nativeSg)).toEqual([]);
        expect(unverifiable(run({ securityGroupEgress: UNKNOWN }, TYPES.nativeSg))).toHaveLength(1);
    });
    it("does not invent a default for the classic provider, which removes it", () => {
        expect(run({ description: "x" })).toEqual([]);
    });
    it("covers standalone egress rules of every family", () => {
        expect(violations(run({ type: "egress", protocol: "all", fromPort: 0, toPort: 0, ipv6CidrBlocks: ["::/0"] }, TYPES.sgRule))).toHaveLength(1);
        expect(violations(run({ ipProtocol: "-1", cidrIpv4: "0.0.0.0/0" }, TYPES.egressRule))).toHaveLength(1);
        expect(violations(run({ ipProtocol: "-1", cidrIp: "0.0.0.0/0" }, TYPES.nativeEgress))).toHaveLength(1);
        expect(run({ ipProtocol: "-1", cidrIpv4: "0.0.0.0/0" }, TYPES.ingressRule)).toEqual([]);
    });
});
