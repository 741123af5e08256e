import { TYPES, UNKNOWN, check, sgWithIngress, tcp, unverifiable, violations } from "../../helpers";

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
