/**
 * Correct by construction, checked: many valid ThreeTierSecurityGroups configurations within the
 * pack's default configuration (public TCP 80/443 and UDP 443, internet egress on TCP 443 only),
 * each tier's group attached to a resource of that tier, run under the preview emulation in both
 * modes and sent through the whole pack over the engine protocol: zero violations, every time.
 */
import * as aws from "@pulumi/aws";
import fc from "fast-check";
import { ThreeTierSecurityGroups, ThreeTierSecurityGroupsArgs } from "../../components";
import { PackProcess, PackResource } from "../../cli/engine/packProcess";
import { isAnalysed } from "../../cli/engine/capturedStack";
import { run } from "./harness";

const ipv4Host = fc.tuple(
    fc.integer({ min: 1, max: 223 }),
    fc.integer({ min: 0, max: 255 }),
    fc.integer({ min: 0, max: 255 }),
    fc.integer({ min: 0, max: 255 }),
);
/** Named addresses: single hosts and small ranges, public or private, IPv4 or IPv6 — never the internet. */
const namedCidr = fc.oneof(
    fc.tuple(ipv4Host, fc.integer({ min: 20, max: 32 })).map(([[a, b, c, d], prefix]) => `${a}.${b}.${c}.${d}/${prefix}`),
    fc
        .tuple(fc.integer({ min: 0x2001, max: 0x2a0f }), fc.integer({ min: 0, max: 0xffff }), fc.integer({ min: 48, max: 128 }))
        .map(([a, b, prefix]) => `${a.toString(16)}:${b.toString(16)}::1/${prefix}`),
);
const port = fc.integer({ min: 1, max: 65535 });
const privateCidr = fc.constantFrom("10.0.0.0/8", "10.20.0.0/16", "172.16.0.0/12", "192.168.1.0/24", "fd00::/8");

const egressEntry = fc.oneof(
    fc.record({
        cidr: fc.constantFrom("0.0.0.0/0", "::/0"),
        protocol: fc.constant("tcp" as const),
        ports: fc.constant(443),
        description: fc.constant("HTTPS to the internet"),
    }),
    fc.record({
        cidr: privateCidr,
        protocol: fc.constantFrom("tcp" as const, "udp" as const),
        ports: port,
        description: fc.constant("to the corporate network"),
    }),
    fc.record({ cidr: privateCidr, protocol: fc.constant("-1" as const), description: fc.constant("anything inside") }),
);
const egressList = fc.uniqueArray(egressEntry, { maxLength: 3, selector: (e) => `${e.cidr}|${e.protocol}|${"ports" in e ? e.ports : ""}` });

const config: fc.Arbitrary<Omit<ThreeTierSecurityGroupsArgs, "vpcId">> = fc
    .record({
        lbPorts: fc.constantFrom<number[]>([443], [80, 443], [443, 80]),
        http: fc.boolean(),
        quic: fc.boolean(),
        cidrs: fc.option(fc.array(fc.oneof(namedCidr, fc.constantFrom("0.0.0.0/0", "::/0")), { minLength: 1, maxLength: 3 }), { nil: undefined }),
        web: port,
        app: fc.option(port, { nil: undefined }),
        database: port,
        admin: fc.option(
            fc.record({
                cidrs: fc.uniqueArray(namedCidr, { minLength: 1, maxLength: 3 }),
                port: fc.constantFrom(22, 2222, 3389),
                tiers: fc.subarray(["web", "app", "database"] as const, { minLength: 1 }),
            }),
            { nil: undefined },
        ),
        egress: fc.record({ loadBalancer: egressList, web: egressList, app: egressList, database: egressList }, { requiredKeys: [] }),
    })
    .map((c) => {
        const tiers = c.admin?.tiers.filter((t) => t !== "app" || c.app !== undefined) ?? [];
        const egress = Object.fromEntries(
            Object.entries(c.egress)
                .filter(([tier]) => tier !== "app" || c.app !== undefined)
                .map(([tier, list]) => [tier, list.map(({ cidr, ...entry }) => ({ cidrs: [cidr], ...entry }))]),
        );
        return {
            loadBalancer: {
                ports: c.lbPorts,
                http: c.http && !c.lbPorts.includes(80),
                quic: c.quic,
                cidrs: c.cidrs ? [...new Set(c.cidrs)] : undefined,
            },
            web: { port: c.web },
            app: c.app === undefined ? undefined : { port: c.app },
            database: { port: c.database },
            admin: c.admin && tiers.length > 0 ? { ...c.admin, tiers } : undefined,
            egress,
        };
    });

/** A stack that uses the groups as a real one would: load balancer, web and app instances, database. */
function stack(args: Omit<ThreeTierSecurityGroupsArgs, "vpcId">) {
    return () => {
        const vpc = new aws.ec2.Vpc("vpc", { cidrBlock: "10.0.0.0/16" });
        const subnets = [0, 1].map((i) => new aws.ec2.Subnet(`subnet-${i}`, { vpcId: vpc.id, cidrBlock: `10.0.${i}.0/24` }));
        const groups = new ThreeTierSecurityGroups("app", { vpcId: vpc.id, ...args });
        new aws.lb.LoadBalancer("lb", { loadBalancerType: "application", subnets: subnets.map((s) => s.id), securityGroups: [groups.loadBalancer.id] });
        new aws.ec2.Instance("web", { ami: "ami-0123456789abcdef0", instanceType: "t3.micro", subnetId: subnets[0].id, vpcSecurityGroupIds: [groups.web.id] });
        if (groups.app)
            new aws.ec2.Instance("app", {
                ami: "ami-0123456789abcdef0",
                instanceType: "t3.micro",
                subnetId: subnets[1].id,
                vpcSecurityGroupIds: [groups.app.id],
            });
        new aws.rds.Instance("db", {
            engine: "postgres",
            instanceClass: "db.t4g.micro",
            allocatedStorage: 20,
            vpcSecurityGroupIds: [groups.database.id],
            publiclyAccessible: false,
        });
    };
}

let pack: PackProcess;
beforeAll(async () => {
    pack = await PackProcess.start();
});
afterAll(async () => {
    await pack?.stop();
});

it("every valid configuration passes the whole pack, in preview and update modes", async () => {
    await fc.assert(
        fc.asyncProperty(config, async (args) => {
            for (const mode of ["preview", "update"] as const) {
                const capture = await run(stack(args), mode);
                const resources: PackResource[] = capture.resources.map((r) => ({
                    type: r.type,
                    name: r.name,
                    urn: r.urn,
                    parent: r.parent,
                    props: r.custom ? { ...r.inputs, id: r.id ?? "04da6b54-80e4-46f7-96ec-b56ff0331ba9" } : r.inputs,
                    dependencies: r.dependencies,
                    propertyDependencies: r.propertyDependencies,
                }));
                const perResource = await Promise.all(
                    capture.resources.filter(isAnalysed).map((r) => pack.analyze({ type: r.type, name: r.name, urn: r.urn, props: r.inputs })),
                );
                const diagnostics = [...perResource.flat(), ...(await pack.analyzeStack(resources))];
                expect(diagnostics.map((d) => `${mode} ${d.policyName}: ${d.message}`)).toEqual([]);
                expect(capture.resources.filter((r) => r.type.startsWith("aws:vpc/")).length).toBeGreaterThanOrEqual(5);
            }
        }),
        { numRuns: 60 },
    );
}, 240_000);
