/**
 * The pack as the engine runs it: started by run-policy-pack from policypack/, driven over gRPC.
 * Covers GetAnalyzerInfo, Configure, secrets and AnalyzeStack. Each policy's verdicts in both modes are
 * its examples', run over the protocol by test/engine/policyExamples.test.ts.
 */
import { PACK_DIR, PackProcess, UNKNOWN, secret, urnOf, Diagnostic, PackResource } from "../../cli/engine/packProcess";
import { policyDefinitions, stackPolicyDefinitions } from "../../policypack/policies";

const SG = "aws:ec2/securityGroup:SecurityGroup";
let pack: PackProcess;

beforeAll(async () => {
    // As the Pulumi CLI starts it: without the preload tierguard's own runs add.
    pack = await PackProcess.start(PACK_DIR, 30000, { asPulumiStartsIt: true });
});
afterAll(async () => {
    await pack?.stop();
});
beforeEach(async () => {
    await pack.configure({});
});

const byPolicy = (diagnostics: Diagnostic[], name: string) => diagnostics.filter((d) => d.policyName === name);

describe("GetAnalyzerInfo", () => {
    it("started quickly enough to print a port", () => {
        expect(pack.startupMs).toBeGreaterThan(0);
    });
    it("lists every policy with its level, severity, remediation, tags and config schema", async () => {
        const info = await pack.getAnalyzerInfo();
        expect(info.name).toBe("tierguard");
        expect(info.version).toBe(require("../../../policypack/package.json").version);
        expect(info.policies.map((p) => p.name).sort()).toEqual([...policyDefinitions, ...stackPolicyDefinitions].map((d) => d.name).sort());
        for (const p of info.policies) {
            const definition = [...policyDefinitions, ...stackPolicyDefinitions].find((d) => d.name === p.name)!;
            expect(p.enforcementLevel).toBe(definition.enforcementLevel);
            expect(p.remediationSteps.length).toBeGreaterThan(20);
            expect(p.tags.length).toBeGreaterThan(0);
            expect(p.severity).toBeGreaterThan(0);
            expect(Object.keys(p.configSchema)).toEqual(expect.arrayContaining(["exemptions", "unknownValues"]));
        }
        const admin = info.policies.find((p) => p.name === "no-admin-ports-from-internet")!;
        expect((admin.configSchema.ports as { default: number[] }).default).toEqual([22, 23, 3389, 5900, 5985, 5986]);
    });
});

describe("Configure changes verdicts", () => {
    const web = { ingress: [{ protocol: "tcp", fromPort: 8443, toPort: 8443, cidrBlocks: ["0.0.0.0/0"], description: "alt https" }] };
    it("an extra allowed port", async () => {
        expect(byPolicy(await pack.analyze({ type: SG, name: "web", props: web }), "internet-ingress-only-on-allowed-ports")).toHaveLength(1);
        await pack.configure({ "internet-ingress-only-on-allowed-ports": { enforcementLevel: "mandatory", allowedTcpPorts: [443, 8443] } });
        expect(byPolicy(await pack.analyze({ type: SG, name: "web", props: web }), "internet-ingress-only-on-allowed-ports")).toEqual([]);
    });
    it("an invalid exemption is reported once per stack, mandatory, even for an advisory policy; an expired one where it no longer applies", async () => {
        const ssh = { ingress: [{ protocol: "tcp", fromPort: 22, toPort: 22, cidrBlocks: ["0.0.0.0/0"], description: "ssh" }] };
        await pack.configure({ "no-admin-ports-from-internet": { enforcementLevel: "advisory", exemptions: [{ resource: "bastion" }] } });
        let found = byPolicy(await pack.analyze({ type: SG, name: "bastion", props: ssh }), "no-admin-ports-from-internet");
        expect(found.map((d) => d.message).join("\n")).not.toContain("has no reason");
        const stack = byPolicy(
            await pack.analyzeStack([
                { type: SG, name: "bastion", props: ssh },
                { type: SG, name: "other", props: ssh },
            ]),
            "no-admin-ports-from-internet",
        );
        expect(stack.map((d) => [d.enforcementLevel, d.urn])).toEqual([["mandatory", ""]]);
        expect(stack[0].message).toContain("has no reason");
        await pack.configure({
            "no-admin-ports-from-internet": { enforcementLevel: "mandatory", exemptions: [{ resource: "bastion", reason: "old", expires: "2021-06-30" }] },
        });
        found = byPolicy(await pack.analyze({ type: SG, name: "bastion", props: ssh }), "no-admin-ports-from-internet");
        expect(found).toHaveLength(1);
        expect(found[0].message).toContain("expired on 2021-06-30");
    });
    it("a lower enforcement level", async () => {
        await pack.configure({ "no-admin-ports-from-internet": { enforcementLevel: "advisory" } });
        const found = byPolicy(
            await pack.analyze({ type: SG, name: "web", props: { ingress: [{ protocol: "tcp", fromPort: 22, toPort: 22, cidrBlocks: ["0.0.0.0/0"] }] } }),
            "no-admin-ports-from-internet",
        );
        expect(found[0].enforcementLevel).toBe("advisory");
    });
});

describe("secrets", () => {
    it("are unwrapped: a secret CIDR still counts", async () => {
        const props = { ingress: [{ protocol: "tcp", fromPort: 3389, toPort: 3389, cidrBlocks: [secret("0.0.0.0/0")], description: secret("rdp") }] };
        const found = byPolicy(await pack.analyze({ type: SG, name: "win", props }), "no-admin-ports-from-internet");
        expect(found).toHaveLength(1);
        expect(found[0].message).toContain("RDP (3389)");
    });
    it("a secret whole rule list is read too", async () => {
        const props = { ingress: secret([{ protocol: "tcp", fromPort: 22, toPort: 22, cidrBlocks: ["0.0.0.0/0"], description: "ssh" }]) };
        expect(byPolicy(await pack.analyze({ type: SG, name: "s", props }), "no-admin-ports-from-internet")).toHaveLength(1);
    });
});

describe("AnalyzeStack", () => {
    it("takes a whole previewed stack with property dependencies without error", async () => {
        const vpc = urnOf("aws:ec2/vpc:Vpc", "vpc");
        const sg = urnOf(SG, "db-sg");
        const resources: PackResource[] = [
            { type: "aws:ec2/vpc:Vpc", name: "vpc", props: { cidrBlock: "10.0.0.0/16", id: UNKNOWN } },
            {
                type: SG,
                name: "db-sg",
                props: { vpcId: UNKNOWN, id: UNKNOWN, ingress: [], egress: [] },
                propertyDependencies: { vpcId: [vpc] },
                dependencies: [vpc],
            },
            {
                type: "aws:rds/instance:Instance",
                name: "db",
                props: { vpcSecurityGroupIds: [UNKNOWN], publiclyAccessible: false },
                propertyDependencies: { vpcSecurityGroupIds: [sg] },
                dependencies: [sg],
            },
        ];
        await expect(pack.analyzeStack(resources)).resolves.toEqual([]);
        expect(pack.alive).toBe(true);
    });
    it("takes a deployed stack with known ids without error", async () => {
        const resources: PackResource[] = [
            {
                type: SG,
                name: "db-sg",
                props: {
                    id: "sg-0db",
                    vpcId: "vpc-1",
                    ingress: [
                        {
                            protocol: "tcp",
                            fromPort: 5432,
                            toPort: 5432,
                            securityGroups: ["sg-0app"],
                            cidrBlocks: [],
                            ipv6CidrBlocks: [],
                            prefixListIds: [],
                            self: false,
                            description: "from app",
                        },
                    ],
                    egress: [],
                },
            },
            { type: "aws:rds/instance:Instance", name: "db", props: { id: "db-1", vpcSecurityGroupIds: ["sg-0db"], publiclyAccessible: false } },
        ];
        await expect(pack.analyzeStack(resources)).resolves.toEqual([]);
    });
});
