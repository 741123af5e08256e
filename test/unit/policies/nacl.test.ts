import { TYPES, UNKNOWN, check, unverifiable, violations } from "../../helpers";

const NACL = "nacl-no-admin-ports-from-internet";
const run = (props: unknown, type: string = TYPES.nacl, config = {}) => check(NACL, type, props, config);
const entry = (ruleNo: number, action: string, protocol: string, from: number, to: number, cidr: string) =>
    ({ ruleNo, action, protocol, fromPort: from, toPort: to, ...(cidr.includes(":") ? { ipv6CidrBlock: cidr } : { cidrBlock: cidr }) });

describe(NACL, () => {
    it("reports an allow-all inbound entry from the internet", () => {
        const reports = violations(run({ ingress: [entry(100, "allow", "-1", 0, 0, "0.0.0.0/0")] }));
        expect(reports).toHaveLength(1);
        expect(reports[0].message).toContain("res ingress[0] (rule #100) allows all protocols, all ports from 0.0.0.0/0: lets the internet reach admin ports (TCP ports 22-23, 3389, 5900, 5985-5986, UDP ports 22-23, 3389, 5900, 5985-5986)");
    });
    it("honours an earlier deny (first match wins, in rule-number order, not list order)", () => {
        const props = { ingress: [entry(200, "allow", "-1", 0, 0, "0.0.0.0/0"), entry(100, "deny", "tcp", 22, 22, "0.0.0.0/0"), entry(110, "deny", "udp", 0, 65535, "0.0.0.0/0")] };
        const reports = violations(run(props, TYPES.nacl, { ports: [22] }));
        expect(reports).toEqual([]);
        expect(violations(run({ ingress: [entry(90, "allow", "tcp", 22, 22, "0.0.0.0/0"), entry(100, "deny", "tcp", 22, 22, "0.0.0.0/0")] }, TYPES.nacl, { ports: [22] }))).toHaveLength(1);
    });
    it("sees what a partial deny leaves open", () => {
        const props = { ingress: [entry(10, "deny", "tcp", 22, 22, "0.0.0.0/1"), entry(100, "allow", "tcp", 0, 65535, "0.0.0.0/0")] };
        const reports = violations(run(props, TYPES.nacl, { ports: [22] }));
        expect(reports).toHaveLength(1);
        expect(reports[0].message).toContain("128.0.0.0/1");
        const fullyDenied = { ingress: [entry(10, "deny", "tcp", 22, 22, "0.0.0.0/1"), entry(11, "deny", "tcp", 22, 22, "128.0.0.0/1"), entry(100, "allow", "tcp", 0, 65535, "0.0.0.0/0")] };
        expect(run(fullyDenied, TYPES.nacl, { ports: [22] })).toEqual([]);
    });
    it("passes admin ports allowed only from named addresses, and denies by default", () => {
        expect(run({ ingress: [entry(100, "allow", "tcp", 22, 22, "203.0.113.10/32"), entry(110, "allow", "tcp", 443, 443, "0.0.0.0/0")] })).toEqual([]);
        // Return traffic on ephemeral ports is allowed by first denying the admin ports inside that range.
        const ephemeral = entry(120, "allow", "tcp", 1024, 65535, "0.0.0.0/0");
        const exposed = violations(run({ ingress: [ephemeral] }));
        expect(exposed).toHaveLength(1);
        expect(exposed[0].message).toContain("TCP ports 3389, 5900, 5985-5986");
        const guarded = [entry(10, "deny", "tcp", 3389, 3389, "0.0.0.0/0"), entry(11, "deny", "tcp", 5900, 5900, "0.0.0.0/0"), entry(12, "deny", "tcp", 5985, 5986, "0.0.0.0/0"), ephemeral];
        expect(run({ ingress: guarded })).toEqual([]);
        expect(run({ ingress: [] })).toEqual([]);
    });
    it("judges IPv6 entries and egress not at all", () => {
        expect(violations(run({ ingress: [entry(100, "allow", "6", 3389, 3389, "::/0")] }))).toHaveLength(1);
        expect(run({ egress: [entry(100, "allow", "-1", 0, 0, "0.0.0.0/0")] })).toEqual([]);
    });
    it("judges default NACLs, standalone rules and aws-native entries", () => {
        expect(violations(run({ ingress: [entry(100, "allow", "-1", 0, 0, "0.0.0.0/0")] }, TYPES.defaultNacl))).toHaveLength(1);
        expect(violations(run({ ruleNumber: 100, egress: false, protocol: "tcp", ruleAction: "allow", cidrBlock: "0.0.0.0/0", fromPort: 22, toPort: 22 }, TYPES.naclRule))).toHaveLength(1);
        expect(run({ ruleNumber: 100, egress: true, protocol: "tcp", ruleAction: "allow", cidrBlock: "0.0.0.0/0", fromPort: 22, toPort: 22 }, TYPES.naclRule)).toEqual([]);
        expect(run({ ruleNumber: 100, egress: false, protocol: "-1", ruleAction: "deny", cidrBlock: "0.0.0.0/0" }, TYPES.naclRule)).toEqual([]);
        expect(violations(run({ ruleNumber: 100, protocol: 6, ruleAction: "allow", cidrBlock: "0.0.0.0/0", portRange: { from: 3389, to: 3389 } }, TYPES.nativeNaclEntry))).toHaveLength(1);
        expect(run({ ruleNumber: 100, protocol: 6, ruleAction: "allow", cidrBlock: "10.0.0.0/8", portRange: { from: 22, to: 22 } }, TYPES.nativeNaclEntry)).toEqual([]);
    });
    it("cannot verify unknown entries, and doubts allows behind an unknown deny", () => {
        expect(unverifiable(run({ ingress: [entry(100, "allow", "tcp", 22, 22, UNKNOWN)] }))).toHaveLength(1);
        expect(unverifiable(run({ ingress: UNKNOWN }))).toHaveLength(1);
        const behindUnknownDeny = run({ ingress: [entry(50, "deny", "-1", 0, 0, UNKNOWN), entry(100, "allow", "-1", 0, 0, "0.0.0.0/0")] }, TYPES.nacl, { ports: [22] });
        // A deny of TCP alone leaves UDP 22 open for certain.
        const udpStillOpen = run({ ingress: [entry(50, "deny", "tcp", 22, 22, UNKNOWN), entry(100, "allow", "-1", 0, 0, "0.0.0.0/0")] }, TYPES.nacl, { ports: [22] });
        expect(violations(udpStillOpen)).toHaveLength(1);
        expect(violations(udpStillOpen)[0].message).toContain("it is the first entry matching");
        expect(violations(behindUnknownDeny)).toEqual([]);
        expect(unverifiable(behindUnknownDeny)).toHaveLength(1);
        expect(unverifiable(run({ ingress: [{ ...entry(100, "allow", "tcp", 22, 22, "0.0.0.0/0"), ruleNo: UNKNOWN }] }))).toHaveLength(1);
    });
    it("reports other protocols that open every port", () => {
        expect(violations(run({ ingress: [entry(100, "allow", "47", 0, 0, "0.0.0.0/0")] }))[0].message).toContain("IP protocol 47");
    });
});
