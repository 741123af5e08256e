/**
 * The hostile and overlooked inputs of the "Hardening" issue, as data: each case is a stack (built for
 * both engine modes by stackBuilder) or a resource, with what one policy must report. The same cases
 * run in-process (test/unit/hardening.test.ts) and through the engine protocol against the pack started
 * as the engine starts it (test/engine/hardening.test.ts), so both doors give the same verdicts.
 */
import { Declared, Mode, T, ref, tcpFrom } from "./engine/stackBuilder";

import { UNKNOWN } from "../policypack/model/sentinels";
export { UNKNOWN };
export const PROTOTYPE_NAMES = ["constructor", "toString", "__proto__", "hasOwnProperty", "valueOf"] as const;
const TIER = "tierguard:tier";

export interface Expected {
    /** The resource the report is about (the last part of its URN). */
    resource: string;
    level: "mandatory" | "advisory";
    /** Texts the message contains. */
    contains: string[];
}

export interface StackCase {
    title: string;
    policy: string;
    stack: Declared[];
    config?: Record<string, unknown>;
    /** Every report of the policy, in any order; a function when the modes differ. */
    expect: Expected[] | ((mode: Mode) => Expected[]);
}

export const expectedIn = (c: StackCase, mode: Mode) => (typeof c.expect === "function" ? c.expect(mode) : c.expect);

// --- A small three-tier stack ---------------------------------------------------------------------

export const vpc: Declared = { type: T.vpc, name: "vpc", props: { cidrBlock: "10.0.0.0/16" }, outputs: { defaultSecurityGroupId: "sg-0default" } };
export const subnet: Declared = { type: T.subnet, name: "subnet-a", props: { vpcId: ref("vpc"), cidrBlock: "10.0.1.0/24" } };
const sg = (name: string, ingress: unknown[], extra: Record<string, unknown> = {}): Declared => ({ type: T.sg, name, props: { vpcId: ref("vpc"), ingress, egress: [], ...extra } });
export const lbSg = sg("lb-sg", [tcpFrom(443, { cidrBlocks: ["0.0.0.0/0"] })]);
export const webSg = sg("web-sg", [tcpFrom(8080, { securityGroups: [ref("lb-sg")] })]);
export const dbSg = sg("db-sg", [tcpFrom(5432, { securityGroups: [ref("web-sg")] })]);
export const lb: Declared = { type: T.lb, name: "lb", props: { loadBalancerType: "application", subnets: [ref("subnet-a")], securityGroups: [ref("lb-sg")] } };
export const instance = (name: string, props: Record<string, unknown>, tier?: string): Declared => ({
    type: T.instance,
    name,
    props: { ami: "ami-1", instanceType: "t3.micro", ...props, ...(tier ? { tags: { [TIER]: tier } } : {}) },
});
export const db = (groups: unknown[]): Declared => ({ type: T.rds, name: "orders-db", props: { engine: "postgres", vpcSecurityGroupIds: groups, publiclyAccessible: false } });
export const base = [vpc, subnet, lbSg, webSg, dbSg, lb];

// --- A. Names that are Object.prototype members ----------------------------------------------------

/**
 * Resources whose types, names, tags, tier tags, property names and ids are Object.prototype members,
 * beside a database open to the internet: tier-isolation must still report it, at its level.
 */
export function hostileStack(): Declared[] {
    const hostile: Declared[] = PROTOTYPE_NAMES.flatMap((name): Declared[] => [
        // A resource and a component whose types are the member's name, named like it too.
        { type: name, name, props: { [name]: name, tags: { [TIER]: name, [name]: name } } },
        { type: `acme:index:${name}`, name: `component-${name}`, props: { [name]: ref("web-sg") } },
        // A security group and an instance with hostile names and tier tags.
        sg(`sg-${name}`, [tcpFrom(8080, { securityGroups: [ref("lb-sg")] })], { name, tags: { [TIER]: name, [name]: "x" } }),
        instance(name, { subnetId: ref("subnet-a"), vpcSecurityGroupIds: [ref(`sg-${name}`)], tags: { [TIER]: name, [name]: name } }),
        // Ids that are the member's name: a group, a subnet, a NACL and a prefix list outside the stack.
        instance(`ids-${name}`, { subnetId: name, vpcSecurityGroupIds: [name], tags: { [TIER]: "web" } }),
        { type: T.ingressRule, name: `rule-${name}`, props: { securityGroupId: name, ipProtocol: "tcp", fromPort: 22, toPort: 22, prefixListId: name, description: name } },
        { type: T.naclRule, name: `acl-rule-${name}`, props: { networkAclId: name, ruleNumber: 100, egress: false, protocol: "-1", ruleAction: "allow", cidrBlock: "10.0.0.0/8" } },
    ]);
    const openDb = sg("db-sg", [tcpFrom(5432, { cidrBlocks: ["0.0.0.0/0"] })]);
    return [vpc, subnet, lbSg, webSg, openDb, lb, ...hostile, db([ref("db-sg")])];
}

export const HOSTILE_STACK_CASE: StackCase = {
    title: "Object.prototype names as types, names, tags, tier tags, property names and ids",
    policy: "tier-isolation",
    stack: hostileStack(),
    expect: [{ resource: "orders-db", level: "mandatory", contains: ['"orders-db" (tier data', "is reachable from the internet (0.0.0.0/0)", "ingress[0] allows TCP port 5432"] }],
};

// --- B. Prefix lists defined in the stack ------------------------------------------------------------

const prefixList = (name: string, cidrs: unknown, type: string = T.prefixList): Declared => ({
    type,
    name,
    props: { addressFamily: "IPv4", maxEntries: 5, ...(type === T.prefixList ? { name } : { prefixListName: name }), entries: Array.isArray(cidrs) ? cidrs.map((cidr) => ({ cidr })) : cidrs },
});
/** A worker nobody tagged with a tier, carrying `group`. */
const untiered = (group: string) => instance("worker", { subnetId: ref("subnet-a"), vpcSecurityGroupIds: [ref(group)] });
const PL_POLICY = "no-sensitive-ports-via-internet-prefix-lists";
const viaList = (name: string, rule: Record<string, unknown>) => sg(name, [{ description: "via list", ...rule }]);

export const PREFIX_LIST_CASES: StackCase[] = [
    {
        title: "SSH from a stack prefix list whose only entry is 0.0.0.0/0, on an untiered instance",
        policy: PL_POLICY,
        stack: [...base, prefixList("anywhere", ["0.0.0.0/0"]), viaList("ssh-sg", tcpFrom(22, { prefixListIds: [ref("anywhere")] })), untiered("ssh-sg")],
        expect: [{ resource: "ssh-sg", level: "mandatory", contains: ["ssh-sg ingress[0] allows TCP port 22 from", 'SSH (22) open to the internet through prefix list "anywhere"', "0.0.0.0/0 (entries[0].cidr: the whole IPv4 internet)", 'Carried by "worker"', "Fix:"] }],
    },
    {
        title: "a group no resource carries, IPv6 ::/0, a database port",
        policy: PL_POLICY,
        stack: [...base, prefixList("v6", ["::/0"]), viaList("pg-sg", tcpFrom(5432, { prefixListIds: [ref("v6")] }))],
        expect: [{ resource: "pg-sg", level: "mandatory", contains: ["PostgreSQL (5432)", "::/0 (entries[0].cidr: the whole IPv6 internet)", "No resource in the stack carries its group yet"] }],
    },
    {
        title: "entries that together cover IPv4 (each alone narrower than internetPrefixV4), an all-protocol rule",
        policy: PL_POLICY,
        config: { internetPrefixV4: 1 },
        stack: [...base, prefixList("halves", ["0.0.0.0/1", "128.0.0.0/1"]), viaList("all-sg", { protocol: "-1", fromPort: 0, toPort: 0, prefixListIds: [ref("halves")] }), untiered("all-sg")],
        expect: [{ resource: "all-sg", level: "mandatory", contains: ["all protocols, all ports", "together with the list's other entries, all of IPv4"] }],
    },
    {
        title: "a standalone ManagedPrefixListEntry and a standalone rule on a group outside the stack, protocol number 6",
        policy: PL_POLICY,
        stack: [
            ...base,
            prefixList("partners", ["198.51.100.0/24"]),
            { type: T.prefixListEntry, name: "oops", props: { prefixListId: ref("partners"), cidr: "0.0.0.0/0" } },
            { type: T.ingressRule, name: "rdp-rule", props: { securityGroupId: "sg-0outside", ipProtocol: "6", fromPort: 3380, toPort: 3390, prefixListId: ref("partners"), description: "rdp" } },
        ],
        expect: [{ resource: "rdp-rule", level: "mandatory", contains: ["rdp-rule (standalone ingress rule) allows TCP ports 3380-3390", "RDP (3389)", '0.0.0.0/0 (entry "oops" cidr: the whole IPv4 internet)'] }],
    },
    {
        title: "an aws-native prefix list (its id as prefixListId) with a wide public range",
        policy: PL_POLICY,
        stack: [...base, prefixList("wide", ["8.0.0.0/8"], T.nativePrefixList), viaList("redis-sg", tcpFrom(6379, { prefixListIds: [ref("wide")] })), untiered("redis-sg")],
        expect: [{ resource: "redis-sg", level: "mandatory", contains: ["Redis (6379)", "a /8 of public IPv4 space"] }],
    },
    {
        title: "compliant: named addresses, HTTPS through an internet list, a list outside the stack",
        policy: PL_POLICY,
        stack: [
            ...base,
            prefixList("admins", ["203.0.113.10/32", "2001:db8::10/128", "10.0.0.0/8"]),
            prefixList("anywhere", ["0.0.0.0/0"]),
            viaList("admin-sg", tcpFrom(22, { prefixListIds: [ref("admins")] })),
            viaList("https-sg", tcpFrom(443, { prefixListIds: [ref("anywhere")] })),
            viaList("aws-sg", tcpFrom(22, { prefixListIds: ["pl-0123456789abcdef0"] })),
            untiered("admin-sg"),
        ],
        expect: [],
    },
    {
        title: "an entry not known yet: cannot verify",
        policy: PL_POLICY,
        stack: [...base, prefixList("late", ["203.0.113.10/32", UNKNOWN]), viaList("ssh-sg", tcpFrom(22, { prefixListIds: [ref("late")] })), untiered("ssh-sg")],
        expect: [{ resource: "ssh-sg", level: "advisory", contains: ["cannot verify that it opens no admin or database port", "entries[1].cidr is not known until the update"] }],
    },
    {
        title: "tier-isolation: a tiered web server reached through the list",
        policy: "tier-isolation",
        stack: [...base, prefixList("anywhere", ["0.0.0.0/0"]), viaList("ssh-sg", tcpFrom(22, { prefixListIds: [ref("anywhere")] })), instance("web", { subnetId: ref("subnet-a"), vpcSecurityGroupIds: [ref("web-sg"), ref("ssh-sg")] }, "web")],
        expect: [{ resource: "web", level: "mandatory", contains: ['prefix list "anywhere"', "its entries include the internet: 0.0.0.0/0"] }],
    },
];

// --- B. The default group through the VPC's defaultSecurityGroupId -----------------------------------

const EXPLICIT = "resources-use-explicit-security-groups";
/** The stack manages the default group; its id is what the VPC exports. */
const managedVpc: Declared = { ...vpc, outputs: { defaultSecurityGroupId: "id-default-sg" } };
const defaultSg = (ingress: unknown[]): Declared => ({ type: T.defaultSg, name: "default-sg", props: { vpcId: ref("vpc"), ingress, egress: [] } });

export const DEFAULT_GROUP_CASES: StackCase[] = [
    {
        title: "an instance given vpc.defaultSecurityGroupId (the group AWS made)",
        policy: EXPLICIT,
        stack: [...base, instance("legacy", { subnetId: ref("subnet-a"), vpcSecurityGroupIds: [ref("vpc", "defaultSecurityGroupId")] }, "web")],
        expect: [{ resource: "legacy", level: "advisory", contains: ['"legacy" (aws:ec2/instance:Instance) carries the default security group of VPC "vpc" through vpcSecurityGroupIds', "Fix:"] }],
    },
    {
        title: "an RDS instance given it beside its own group; the stack's DefaultSecurityGroup is that group",
        policy: EXPLICIT,
        stack: [managedVpc, subnet, lbSg, webSg, dbSg, lb, defaultSg([]), db([ref("db-sg"), ref("vpc", "defaultSecurityGroupId")])],
        expect: [{ resource: "orders-db", level: "advisory", contains: ['carries the VPC\'s default security group "default-sg" through vpcSecurityGroupIds'] }],
    },
    {
        title: "tier-isolation judges the default group's rules when a resource carries it through the VPC's output",
        policy: "tier-isolation",
        stack: [managedVpc, subnet, lbSg, webSg, dbSg, lb, defaultSg([tcpFrom(22, { cidrBlocks: ["0.0.0.0/0"] })]), instance("legacy", { subnetId: ref("subnet-a"), vpcSecurityGroupIds: [ref("vpc", "defaultSecurityGroupId")] }, "web")],
        expect: [{ resource: "legacy", level: "mandatory", contains: ['it carries "default-sg", whose ingress[0] allows TCP port 22 from 0.0.0.0/0'] }],
    },
    {
        title: "compliant: every resource names its tier's group",
        policy: EXPLICIT,
        stack: [...base, defaultSg([]), instance("web", { subnetId: ref("subnet-a"), vpcSecurityGroupIds: [ref("web-sg")] }, "web"), db([ref("db-sg")])],
        expect: [],
    },
];

// --- C. Instances launched on an existing network interface ------------------------------------------

const eni = (name: string, groups?: unknown[]): Declared => ({ type: T.eni, name, props: { subnetId: ref("subnet-a"), ...(groups ? { securityGroups: groups } : {}) } });
const onEni = (name: string, networkInterfaceId: unknown, tier?: string) => instance(name, { primaryNetworkInterface: { networkInterfaceId } }, tier);
const sshSg = sg("ssh-sg", [tcpFrom(22, { cidrBlocks: ["0.0.0.0/0"] })]);

export const INTERFACE_CASES: StackCase[] = [
    {
        title: "an instance on an interface that carries groups names its groups through it",
        policy: EXPLICIT,
        stack: [...base, eni("web-eni", [ref("web-sg")]), onEni("web", ref("web-eni"), "web"), onEni("outside", "eni-0outside")],
        expect: [],
    },
    {
        title: "an interface without groups is in the default group; the instance on it is not reported twice",
        policy: EXPLICIT,
        stack: [...base, eni("bare-eni"), onEni("web", ref("bare-eni"), "web")],
        expect: [{ resource: "bare-eni", level: "advisory", contains: ['"bare-eni" (aws:ec2/networkInterface:NetworkInterface) names no security group'] }],
    },
    {
        title: "an instance takes the default group from its interface",
        policy: EXPLICIT,
        stack: [...base, eni("legacy-eni", [ref("vpc", "defaultSecurityGroupId")]), onEni("legacy", ref("legacy-eni"))],
        expect: [
            { resource: "legacy-eni", level: "advisory", contains: ["carries the default security group of VPC \"vpc\" through securityGroups"] },
            { resource: "legacy", level: "advisory", contains: ['through primaryNetworkInterface.networkInterfaceId → securityGroups of network interface "legacy-eni"'] },
        ],
    },
    {
        title: "tier-isolation: the instance is reachable through its interface's groups",
        policy: "tier-isolation",
        stack: [...base, sshSg, eni("web-eni", [ref("web-sg"), ref("ssh-sg")]), onEni("web", ref("web-eni"), "web")],
        expect: [{ resource: "web", level: "mandatory", contains: ['"web" (tier web, from its tierguard:tier tag) is reachable from the internet (0.0.0.0/0): it carries "ssh-sg"'] }],
    },
];

// --- C. NACLs: AWS's recommended layout, and return traffic ------------------------------------------

const RETURN = "nacl-allows-return-traffic";
type Entry = [ruleNo: number, action: string, protocol: string | number, from: number, to: number, cidr: string];
const entry = ([ruleNo, action, protocol, fromPort, toPort, cidr]: Entry) => ({ ruleNo, action, protocol, fromPort, toPort, ...(cidr.includes(":") ? { ipv6CidrBlock: cidr } : { cidrBlock: cidr }) });
const nacl = (name: string, ingress: Entry[], egress: Entry[]): Declared => ({ type: T.nacl, name, props: { vpcId: ref("vpc"), subnetIds: [ref("subnet-a")], ingress: ingress.map(entry), egress: egress.map(entry) } });
const PUBLIC = "10.0.0.0/24";
const PRIVATE = "10.0.1.0/24";
const HOME = "192.0.2.0/24";

/** AWS's recommended rules for a VPC with public and private subnets (VPC User Guide, "Example network ACLs"). */
export const AWS_RECOMMENDED_NACLS: Declared[] = [
    nacl(
        "public-acl",
        [
            [100, "allow", "tcp", 80, 80, "0.0.0.0/0"],
            [110, "allow", "tcp", 443, 443, "0.0.0.0/0"],
            [120, "allow", "tcp", 22, 22, HOME],
            [130, "allow", "tcp", 3389, 3389, HOME],
            [140, "allow", "tcp", 1024, 65535, "0.0.0.0/0"],
            [105, "allow", "tcp", 80, 80, "::/0"],
            [115, "allow", "tcp", 443, 443, "::/0"],
            [145, "allow", "tcp", 1024, 65535, "::/0"],
        ],
        [
            [100, "allow", "tcp", 80, 80, "0.0.0.0/0"],
            [110, "allow", "tcp", 443, 443, "0.0.0.0/0"],
            [120, "allow", "tcp", 1433, 1433, PRIVATE],
            [140, "allow", "tcp", 1024, 65535, "0.0.0.0/0"],
            [150, "allow", "tcp", 22, 22, PRIVATE],
            [105, "allow", "tcp", 80, 80, "::/0"],
            [115, "allow", "tcp", 443, 443, "::/0"],
            [145, "allow", "tcp", 1024, 65535, "::/0"],
        ],
    ),
    nacl(
        "private-acl",
        [
            [100, "allow", "tcp", 1433, 1433, PUBLIC],
            [120, "allow", "tcp", 22, 22, PUBLIC],
            [130, "allow", "tcp", 3389, 3389, PUBLIC],
            [140, "allow", "tcp", 1024, 65535, "0.0.0.0/0"],
        ],
        [
            [100, "allow", "tcp", 80, 80, "0.0.0.0/0"],
            [110, "allow", "tcp", 443, 443, "0.0.0.0/0"],
            [120, "allow", "tcp", 1024, 65535, PUBLIC],
        ],
    ),
    // The private subnet's rules without the NAT device's (a database subnet with no internet access):
    // the outbound 1024-65535 to the public subnet is the replies to the database clients there.
    nacl(
        "database-acl",
        [
            [100, "allow", "tcp", 1433, 1433, PUBLIC],
            [120, "allow", "tcp", 22, 22, PUBLIC],
        ],
        [[120, "allow", "tcp", 1024, 65535, PUBLIC]],
    ),
];

export const NACL_CASES: StackCase[] = [
    { title: "AWS's recommended NACLs for public and private subnets pass", policy: RETURN, stack: [vpc, subnet, ...AWS_RECOMMENDED_NACLS], expect: [] },
    {
        title: "outbound 1024-65535 carrying the replies of inbound HTTPS (IPv4 and IPv6) and DNS over UDP, protocol numbers",
        policy: RETURN,
        stack: [vpc, subnet, nacl("web-acl", [[100, "allow", 6, 443, 443, "0.0.0.0/0"], [101, "allow", "tcp", 443, 443, "::/0"], [110, "allow", "17", 53, 53, "10.0.0.0/8"]], [[100, "allow", "6", 1024, 65535, "0.0.0.0/0"], [101, "allow", "tcp", 1024, 65535, "::/0"], [110, "allow", "udp", 1024, 65535, "10.0.0.0/8"]])],
        expect: [],
    },
    {
        title: "still a service: a single high port, client ports with no service to answer, replies for IPv4 only",
        policy: RETURN,
        stack: [
            vpc,
            subnet,
            nacl("mixed-acl", [[100, "allow", "tcp", 443, 443, "0.0.0.0/0"], [101, "allow", "tcp", 443, 443, "::/0"]], [[100, "allow", "tcp", 5432, 5432, "10.0.0.0/16"], [110, "allow", "tcp", 1024, 65535, "0.0.0.0/0"], [120, "allow", "udp", 1024, 65535, "192.0.2.0/24"]]),
        ],
        expect: [
            { resource: "mixed-acl", level: "advisory", contains: ["allows TCP port 443 in from ::/0, but egress TCP ports 32768-65535 to ::/0 is not allowed"] },
            { resource: "mixed-acl", level: "advisory", contains: ["allows TCP port 5432 out to 10.0.0.0/16, but ingress TCP ports 32768-65535 from 10.0.0.0/16 is not allowed"] },
            { resource: "mixed-acl", level: "advisory", contains: ["allows UDP ports 1024-32767 out to 192.0.2.0/24, but ingress UDP ports 32768-65535 from 192.0.2.0/24 is not allowed"] },
        ],
    },
];

// --- Resources: data stores with a public-access switch ---------------------------------------------

export interface ResourceCase {
    type: string;
    /** Known values (update): a violation. */
    publicProps: Record<string, unknown>;
    /** Known values (update): compliant. */
    privateProps: Record<string, unknown>;
    /** With unknowns (preview): cannot verify. */
    previewProps: Record<string, unknown>;
}

const flagCase = (type: string, absentIsPublic = false): ResourceCase => ({
    type,
    publicProps: absentIsPublic ? {} : { publiclyAccessible: true },
    privateProps: { publiclyAccessible: false },
    previewProps: { publiclyAccessible: UNKNOWN },
});
const domainCase = (type: string): ResourceCase => ({
    type,
    publicProps: { domainName: "search" },
    privateProps: { domainName: "search", vpcOptions: { subnetIds: ["subnet-1"], securityGroupIds: ["sg-1"] } },
    previewProps: { domainName: "search", vpcOptions: UNKNOWN },
});

/** Every data store with a public-access switch (README, "Data stores with a public-access switch"). */
export const PUBLIC_ACCESS_CASES: ResourceCase[] = [
    flagCase("aws:rds/instance:Instance"),
    flagCase("aws:rds/clusterInstance:ClusterInstance"),
    flagCase("aws:rds/shardGroup:ShardGroup"),
    flagCase("aws:redshift/cluster:Cluster"),
    flagCase("aws:redshiftserverless/workgroup:Workgroup"),
    flagCase("aws:neptune/clusterInstance:ClusterInstance"),
    flagCase("aws:docdb/clusterInstance:ClusterInstance"),
    flagCase("aws:mq/broker:Broker"),
    flagCase("aws:dms/replicationInstance:ReplicationInstance", true),
    flagCase("aws:dms/instanceProfile:InstanceProfile", true),
    flagCase("aws:lightsail/database:Database"),
    flagCase("aws:timestreaminfluxdb/dbInstance:DbInstance"),
    flagCase("aws:timestreaminfluxdb/dbCluster:DbCluster"),
    domainCase("aws:opensearch/domain:Domain"),
    domainCase("aws:elasticsearch/domain:Domain"),
    flagCase("aws-native:rds:DbInstance"),
    { type: "aws-native:rds:DbCluster", publicProps: { dbClusterInstanceClass: "db.r6gd.large" }, privateProps: { dbClusterInstanceClass: "db.r6gd.large", dbSubnetGroupName: "private" }, previewProps: { dbClusterInstanceClass: "db.r6gd.large", dbSubnetGroupName: UNKNOWN } },
    flagCase("aws-native:rds:DbShardGroup"),
    flagCase("aws-native:redshift:Cluster"),
    flagCase("aws-native:redshiftserverless:Workgroup"),
    flagCase("aws-native:neptune:DbInstance"),
    flagCase("aws-native:amazonmq:Broker"),
    flagCase("aws-native:dms:InstanceProfile", true),
    flagCase("aws-native:lightsail:Database"),
    flagCase("aws-native:timestream:InfluxDbInstance"),
    flagCase("aws-native:timestream:InfluxDbCluster"),
    domainCase("aws-native:opensearchservice:Domain"),
];
