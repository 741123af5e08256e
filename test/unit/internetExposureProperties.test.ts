/**
 * internet-exposure's reachability, as properties over generated small stacks (a VPC, an internet
 * gateway, subnets with or without mapPublicIpOnLaunch, route tables with or without a default route
 * to the gateway, explicit associations or the main table, network ACLs, groups with rules open to
 * the world or to the VPC on random ports, instances with or without public IPs and Elastic IPs):
 *
 * - adding a route to an internet gateway never removes a finding (a route only opens a way in);
 * - removing a public address (associatePublicIpAddress false, dropping an Elastic IP) never adds one.
 *
 * Run in-process on the stack as the engine hands it to the pack, in an update (every id known: the
 * violations) and in a preview (ids unknown, resolved through propertyDependencies: violations and
 * "cannot verify" findings, which must be monotone too). Deterministic seed.
 */
import fc from "fast-check";
import { ExampleResource, Mode, buildStack, ref } from "../../policypack/kit/examples";
import { stackGraphInProcess } from "../../policypack/inProcess";
import { stackPolicyDefinitions } from "../../policypack/policies";

const policy = stackPolicyDefinitions.find((p) => p.name === "internet-exposure")!;

interface SubnetSpec {
    mapPublicIp: boolean;
    /** Index of its explicit route table, or undefined: the VPC's main table. */
    table: number | undefined;
    /** A network ACL denying this port first, then allowing all; undefined: AWS's default ACL. */
    naclDenies: number | undefined;
}
interface InstanceSpec {
    subnet: number;
    group: number;
    publicIp: boolean | undefined;
    eip: boolean;
}
interface StackSpec {
    subnets: SubnetSpec[];
    /** Per route table: does it send 0.0.0.0/0 to the internet gateway? */
    tables: boolean[];
    /** Does the main route table (replaced by the stack) send 0.0.0.0/0 to the internet gateway? */
    mainTable: boolean | undefined;
    groups: Array<Array<{ port: number; world: boolean }>>;
    instances: InstanceSpec[];
}

const PORTS = [22, 80, 443, 3306, 5432, 8080];
const port = fc.constantFrom(...PORTS);

const stackSpec: fc.Arbitrary<StackSpec> = fc
    .record({ tableCount: fc.integer({ min: 1, max: 2 }), subnetCount: fc.integer({ min: 1, max: 3 }), groupCount: fc.integer({ min: 1, max: 2 }) })
    .chain(({ tableCount, subnetCount, groupCount }) =>
        fc.record({
            tables: fc.array(fc.boolean(), { minLength: tableCount, maxLength: tableCount }),
            mainTable: fc.option(fc.boolean(), { nil: undefined }),
            subnets: fc.array(
                fc.record({
                    mapPublicIp: fc.boolean(),
                    table: fc.option(fc.integer({ min: 0, max: tableCount - 1 }), { nil: undefined }),
                    naclDenies: fc.option(port, { nil: undefined }),
                }),
                { minLength: subnetCount, maxLength: subnetCount },
            ),
            groups: fc.array(fc.array(fc.record({ port, world: fc.boolean() }), { minLength: 1, maxLength: 3 }), {
                minLength: groupCount,
                maxLength: groupCount,
            }),
            instances: fc.array(
                fc.record({
                    subnet: fc.integer({ min: 0, max: subnetCount - 1 }),
                    group: fc.integer({ min: 0, max: groupCount - 1 }),
                    publicIp: fc.option(fc.boolean(), { nil: undefined }),
                    eip: fc.boolean(),
                }),
                { minLength: 1, maxLength: 3 },
            ),
        }),
    );

function resourcesOf(spec: StackSpec, extraRoutes: number[] = []): ExampleResource[] {
    const out: ExampleResource[] = [
        { type: "aws:ec2/vpc:Vpc", name: "vpc", props: { cidrBlock: "10.0.0.0/16" } },
        { type: "aws:ec2/internetGateway:InternetGateway", name: "igw", props: { vpcId: ref("vpc") } },
    ];
    const tableRoutes = (toIgw: boolean | undefined) => (toIgw ? [{ cidrBlock: "0.0.0.0/0", gatewayId: ref("igw") }] : []);
    spec.tables.forEach((toIgw, i) =>
        out.push({ type: "aws:ec2/routeTable:RouteTable", name: `rt-${i}`, props: { vpcId: ref("vpc"), routes: tableRoutes(toIgw) } }),
    );
    if (spec.mainTable !== undefined) {
        out.push({ type: "aws:ec2/routeTable:RouteTable", name: "rt-main", props: { vpcId: ref("vpc"), routes: tableRoutes(spec.mainTable) } });
        out.push({
            type: "aws:ec2/mainRouteTableAssociation:MainRouteTableAssociation",
            name: "main-rta",
            props: { vpcId: ref("vpc"), routeTableId: ref("rt-main") },
        });
    }
    for (const table of extraRoutes) {
        const name = table < spec.tables.length ? `rt-${table}` : "rt-main";
        out.push({
            type: "aws:ec2/route:Route",
            name: `added-${table}`,
            props: { routeTableId: ref(name), destinationCidrBlock: "0.0.0.0/0", gatewayId: ref("igw") },
        });
    }
    spec.subnets.forEach((s, i) => {
        out.push({
            type: "aws:ec2/subnet:Subnet",
            name: `subnet-${i}`,
            props: { vpcId: ref("vpc"), cidrBlock: `10.0.${i}.0/24`, mapPublicIpOnLaunch: s.mapPublicIp },
        });
        if (s.table !== undefined)
            out.push({
                type: "aws:ec2/routeTableAssociation:RouteTableAssociation",
                name: `subnet-${i}-rta`,
                props: { subnetId: ref(`subnet-${i}`), routeTableId: ref(`rt-${s.table}`) },
            });
        if (s.naclDenies !== undefined)
            out.push({
                type: "aws:ec2/networkAcl:NetworkAcl",
                name: `nacl-${i}`,
                props: {
                    vpcId: ref("vpc"),
                    subnetIds: [ref(`subnet-${i}`)],
                    ingress: [
                        { ruleNo: 90, action: "deny", protocol: "tcp", fromPort: s.naclDenies, toPort: s.naclDenies, cidrBlock: "0.0.0.0/0" },
                        { ruleNo: 100, action: "allow", protocol: "-1", fromPort: 0, toPort: 0, cidrBlock: "0.0.0.0/0" },
                    ],
                    egress: [{ ruleNo: 100, action: "allow", protocol: "-1", fromPort: 0, toPort: 0, cidrBlock: "0.0.0.0/0" }],
                },
            });
    });
    spec.groups.forEach((rules, i) =>
        out.push({
            type: "aws:ec2/securityGroup:SecurityGroup",
            name: `sg-${i}`,
            props: {
                vpcId: ref("vpc"),
                ingress: rules.map((r) => ({ protocol: "tcp", fromPort: r.port, toPort: r.port, cidrBlocks: [r.world ? "0.0.0.0/0" : "10.0.0.0/8"] })),
                egress: [],
            },
        }),
    );
    spec.instances.forEach((inst, i) => {
        out.push({
            type: "aws:ec2/instance:Instance",
            name: `i-${i}`,
            props: {
                ami: "ami-1",
                instanceType: "t3.micro",
                subnetId: ref(`subnet-${inst.subnet}`),
                vpcSecurityGroupIds: [ref(`sg-${inst.group}`)],
                ...(inst.publicIp === undefined ? {} : { associatePublicIpAddress: inst.publicIp }),
            },
        });
        if (inst.eip) out.push({ type: "aws:ec2/eip:Eip", name: `eip-${i}`, props: { domain: "vpc", instance: ref(`i-${i}`) } });
    });
    return out;
}

/** The findings of a stack, as "resource|kind" keys (an update counts violations; a preview also "cannot verify"). */
function findings(resources: ExampleResource[], mode: Mode): Set<string> {
    const graph = stackGraphInProcess(buildStack(resources, mode));
    const keys = new Set<string>();
    for (const report of policy.evaluate(graph, {})) {
        const name = (report.urn ?? "").split("::").pop();
        const cannotVerify = report.message.startsWith("cannot verify");
        if (mode === "update" && cannotVerify) continue;
        keys.add(`${name}|${mode === "update" ? "violation" : "finding"}`);
    }
    return keys;
}

const subset = (a: Set<string>, b: Set<string>) => [...a].every((k) => b.has(k));
const MODES: Mode[] = ["update", "preview"];

describe("internet-exposure properties", () => {
    test("adding a route to an internet gateway never removes a finding", () => {
        fc.assert(
            fc.property(
                stackSpec.chain((spec) =>
                    fc.tuple(fc.constant(spec), fc.integer({ min: 0, max: spec.tables.length - (spec.mainTable === undefined ? 1 : 0) })),
                ),
                ([spec, table]) => {
                    for (const mode of MODES) {
                        const before = findings(resourcesOf(spec), mode);
                        const after = findings(resourcesOf(spec, [table]), mode);
                        if (!subset(before, after)) throw new Error(`${mode}: lost ${[...before].filter((k) => !after.has(k)).join(", ")}`);
                    }
                },
            ),
            { seed: 1515, numRuns: 80 },
        );
    });

    test("removing a public address never adds a finding", () => {
        fc.assert(
            fc.property(
                stackSpec.chain((spec) => fc.tuple(fc.constant(spec), fc.integer({ min: 0, max: spec.instances.length - 1 }), fc.boolean())),
                ([spec, which, dropEip]) => {
                    const instances = spec.instances.map((inst, i) =>
                        i !== which ? inst : dropEip ? { ...inst, eip: false } : { ...inst, publicIp: false, eip: false },
                    );
                    for (const mode of MODES) {
                        const before = findings(resourcesOf(spec), mode);
                        const after = findings(resourcesOf({ ...spec, instances }), mode);
                        if (!subset(after, before)) throw new Error(`${mode}: gained ${[...after].filter((k) => !before.has(k)).join(", ")}`);
                    }
                },
            ),
            { seed: 1516, numRuns: 80 },
        );
    });

    test("the generated stacks do find exposures (the properties are not vacuous)", () => {
        const samples = fc.sample(stackSpec, { seed: 1517, numRuns: 60 });
        const exposed = samples.filter((spec) => findings(resourcesOf(spec), "update").size > 0).length;
        expect(exposed).toBeGreaterThan(5);
    });
});
