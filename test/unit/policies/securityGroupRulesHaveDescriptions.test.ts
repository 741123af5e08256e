import { TYPES, UNKNOWN, check, tcp, unverifiable, violations } from "../../helpers";

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
