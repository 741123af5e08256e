/**
 * Parts that policies' examples are built from, so each example shows only what it is about: a
 * security group's properties with given ingress rules, one TCP rule, and a small correct three-tier
 * stack (internet → load balancer → web → database) that stack examples add their one mistake to.
 * Type tokens here are data, as a program writes them; the pack itself reads them through the adapters.
 */
import { ExampleResource, ref } from "./examples";

export const TIER_TAG = "tierguard:tier";

/** A security group's properties with these ingress rules (each described unless it says otherwise) and no egress. */
export function groupWithIngress(...ingress: Array<Record<string, unknown>>): Record<string, unknown> {
    return { description: "example", ingress: ingress.map((rule) => ({ description: "rule", ...rule })), egress: [] };
}

/** A TCP rule on one port (or an inclusive [from, to] range) from or to `peer` (cidrBlocks, securityGroups, self, ...). */
export function tcp(port: number | [number, number], peer: Record<string, unknown>): Record<string, unknown> {
    const [fromPort, toPort] = Array.isArray(port) ? port : [port, port];
    return { protocol: "tcp", fromPort, toPort, ...peer };
}

/** A described TCP rule on one port, as the stacks write them. */
export const tcpFrom = (port: number, peer: Record<string, unknown>, description = "rule") => ({
    protocol: "tcp",
    fromPort: port,
    toPort: port,
    description,
    ...peer,
});

// --- A small three-tier stack -----------------------------------------------------------------------

export const vpc: ExampleResource = {
    type: "aws:ec2/vpc:Vpc",
    name: "vpc",
    props: { cidrBlock: "10.0.0.0/16" },
    outputs: { defaultSecurityGroupId: "sg-0default" },
};
export const subnet: ExampleResource = { type: "aws:ec2/subnet:Subnet", name: "subnet-a", props: { vpcId: ref("vpc"), cidrBlock: "10.0.1.0/24" } };

/** A security group of the VPC with these ingress rules and no egress. */
export function securityGroup(name: string, ingress: unknown[], extra: Record<string, unknown> = {}): ExampleResource {
    return { type: "aws:ec2/securityGroup:SecurityGroup", name, props: { vpcId: ref("vpc"), ingress, egress: [], ...extra } };
}

export const lbSg = securityGroup("lb-sg", [tcpFrom(443, { cidrBlocks: ["0.0.0.0/0"] })]);
export const webSg = securityGroup("web-sg", [tcpFrom(8080, { securityGroups: [ref("lb-sg")] })]);
export const dbSg = securityGroup("db-sg", [tcpFrom(5432, { securityGroups: [ref("web-sg")] })]);
export const lb: ExampleResource = {
    type: "aws:lb/loadBalancer:LoadBalancer",
    name: "lb",
    props: { loadBalancerType: "application", subnets: [ref("subnet-a")], securityGroups: [ref("lb-sg")] },
};

/** An EC2 instance, tagged with a tier when one is given. */
export function instance(name: string, props: Record<string, unknown>, tier?: string): ExampleResource {
    return {
        type: "aws:ec2/instance:Instance",
        name,
        props: { ami: "ami-1", instanceType: "t3.micro", ...props, ...(tier ? { tags: { [TIER_TAG]: tier } } : {}) },
    };
}

/** The web server of the stack, in subnet-a, carrying `groups`. */
export const webServer = (groups: unknown[], extra: Record<string, unknown> = {}) =>
    instance("web", { subnetId: ref("subnet-a"), vpcSecurityGroupIds: groups, ...extra }, "web");

/** The stack's database ("orders-db", private), carrying `groups`; a data store is in the data tier by its type. */
export function database(groups: unknown[]): ExampleResource {
    return { type: "aws:rds/instance:Instance", name: "orders-db", props: { engine: "postgres", vpcSecurityGroupIds: groups, publiclyAccessible: false } };
}

/** The network and the load balancer of the three-tier stack; examples add the web server and database they need. */
export const threeTierBase: readonly ExampleResource[] = [vpc, subnet, lbSg, webSg, dbSg, lb];

// --- Parts some stack examples add --------------------------------------------------------------------

/** A managed prefix list with these entries (aws; `aws-native:ec2:PrefixList` names itself differently). */
export function prefixList(name: string, cidrs: unknown[], type = "aws:ec2/managedPrefixList:ManagedPrefixList"): ExampleResource {
    const named = type === "aws:ec2/managedPrefixList:ManagedPrefixList" ? { name } : { prefixListName: name };
    return { type, name, props: { addressFamily: "IPv4", maxEntries: 5, ...named, entries: cidrs.map((cidr) => ({ cidr })) } };
}

/** A network interface in subnet-a, with these security groups (none: AWS gives it the VPC's default group). */
export function networkInterface(name: string, groups?: unknown[]): ExampleResource {
    return { type: "aws:ec2/networkInterface:NetworkInterface", name, props: { subnetId: ref("subnet-a"), ...(groups ? { securityGroups: groups } : {}) } };
}

/** An instance launched on an existing network interface (it takes the interface's groups and subnet). */
export const instanceOnInterface = (name: string, networkInterfaceId: unknown, tier?: string) =>
    instance(name, { primaryNetworkInterface: { networkInterfaceId } }, tier);

/** The stack manages the VPC's default group ("default-sg"); its id is what the VPC exports. */
export const vpcWithManagedDefaultGroup: ExampleResource = { ...vpc, outputs: { defaultSecurityGroupId: "id-default-sg" } };
export const defaultSecurityGroup = (ingress: unknown[]): ExampleResource => ({
    type: "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup",
    name: "default-sg",
    props: { vpcId: ref("vpc"), ingress, egress: [] },
});
