/**
 * Arguments outside the pack's defaults are accepted, and trip exactly the policy the README names;
 * the pack config the README gives then permits them.
 */
import { ThreeTierSecurityGroups, ThreeTierSecurityGroupsArgs, TieredSecurityGroups, TieredSecurityGroupsArgs } from "../../components";
import { PackProcess } from "../../cli/engine/packProcess";
import { isAnalysed } from "../../cli/engine/capturedStack";
import { run } from "./harness";

const base = { vpcId: "vpc-1", web: { port: 8080 }, database: { port: 5432 } };
const tiers = { edge: { role: "public" as const }, db: { role: "data" as const } };

const CASES: Array<{ name: string; build: () => void; policy: string; config: Record<string, unknown> }> = [
    {
        name: "another public TCP port on the load balancer",
        build: () => new ThreeTierSecurityGroups("a", { ...base, loadBalancer: { ports: [443, 8443] } } as ThreeTierSecurityGroupsArgs),
        policy: "internet-ingress-only-on-allowed-ports",
        config: { allowedTcpPorts: [80, 443, 8443] },
    },
    {
        name: "internet egress beyond TCP 443",
        build: () =>
            new ThreeTierSecurityGroups("b", {
                ...base,
                egress: { web: [{ cidrs: ["0.0.0.0/0"], protocol: "udp", ports: 123, description: "NTP" }] },
            } as ThreeTierSecurityGroupsArgs),
        policy: "no-unrestricted-egress",
        config: { allowedUdpPorts: [123] },
    },
    {
        name: "admin access on a database port (a CIDR source for a database port)",
        build: () =>
            new ThreeTierSecurityGroups("c", { ...base, admin: { cidrs: ["10.8.0.0/24"], port: 5432, tiers: ["database"] } } as ThreeTierSecurityGroupsArgs),
        policy: "database-ingress-from-security-groups-only",
        config: { allowedCidrs: ["10.8.0.0/24"] },
    },
    {
        name: "a CIDR source for the database (TieredSecurityGroups)",
        build: () =>
            new TieredSecurityGroups("d", {
                vpcId: "vpc-1",
                tiers,
                flows: [{ from: { cidrs: ["10.0.0.0/16"] }, to: "db", protocol: "tcp", ports: 3306, description: "legacy app subnet" }],
            } as TieredSecurityGroupsArgs),
        policy: "database-ingress-from-security-groups-only",
        config: { allowedCidrs: ["10.0.0.0/16"] },
    },
    {
        name: "a port range wider than 100 ports",
        build: () =>
            new TieredSecurityGroups("e", {
                vpcId: "vpc-1",
                tiers,
                flows: [{ from: "edge", to: "edge", protocol: "tcp", ports: [{ from: 7000, to: 7999 }], description: "cluster ports" }],
            } as TieredSecurityGroupsArgs),
        policy: "no-wide-ingress-port-ranges",
        config: { maxPorts: 1000 },
    },
    {
        name: "ICMP from the internet",
        build: () =>
            new TieredSecurityGroups("f", {
                vpcId: "vpc-1",
                tiers,
                flows: [{ from: "internet", to: "edge", protocol: "icmp", ports: 8, description: "ping" }],
            } as TieredSecurityGroupsArgs),
        policy: "internet-ingress-only-on-allowed-ports",
        config: { allowedIcmpTypes: [8] },
    },
    {
        name: "allow-all egress asked for explicitly",
        build: () =>
            new TieredSecurityGroups("g", {
                vpcId: "vpc-1",
                tiers,
                flows: [],
                egress: [{ from: "edge", to: { cidrs: ["0.0.0.0/0"] }, protocol: "-1", description: "legacy" }],
            } as TieredSecurityGroupsArgs),
        policy: "no-unrestricted-egress",
        config: { exemptions: [{ resource: "g-edge-*", reason: "legacy service, being replaced", expires: "2999-01-01" }] },
    },
];

let pack: PackProcess;
beforeAll(async () => {
    pack = await PackProcess.start();
});
afterAll(async () => {
    await pack?.stop();
});

async function policiesTripped(build: () => void, config: Record<string, Record<string, unknown>>): Promise<string[]> {
    await pack.configure(config);
    const capture = await run(build, "update");
    const found = await Promise.all(capture.resources.filter(isAnalysed).map((r) => pack.analyze({ type: r.type, name: r.name, urn: r.urn, props: r.inputs })));
    return [...new Set(found.flat().map((d) => d.policyName))];
}

const LEVELS: Record<string, string> = {
    "internet-ingress-only-on-allowed-ports": "mandatory",
    "no-unrestricted-egress": "advisory",
    "database-ingress-from-security-groups-only": "advisory",
    "no-wide-ingress-port-ranges": "advisory",
};

it.each(CASES.map((c) => [c.name, c] as const))("%s: accepted, trips only the policy the README names, and its config permits it", async (_, c) => {
    expect(await policiesTripped(c.build, {})).toEqual([c.policy]);
    expect(await policiesTripped(c.build, { [c.policy]: { enforcementLevel: LEVELS[c.policy], ...c.config } })).toEqual([]);
});
