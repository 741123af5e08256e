"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.defaultSecurityGroup = exports.vpcWithManagedDefaultGroup = exports.instanceOnInterface = exports.threeTierBase = exports.webServer = exports.lb = exports.dbSg = exports.webSg = exports.lbSg = exports.subnet = exports.vpc = exports.tcpFrom = exports.TIER_TAG = void 0;
exports.groupWithIngress = groupWithIngress;
exports.tcp = tcp;
exports.securityGroup = securityGroup;
exports.instance = instance;
exports.database = database;
exports.prefixList = prefixList;
exports.networkInterface = networkInterface;
/**
 * Parts that policies' examples are built from, so each example shows only what it is about: a
 * security group's properties with given ingress rules, one TCP rule, and a small correct three-tier
 * stack (internet → load balancer → web → database) that stack examples add their one mistake to.
 * Type tokens here are data, as a program writes them; the pack itself reads them through the adapters.
 */
const examples_1 = require("./examples");
exports.TIER_TAG = "tierguard:tier";
/** A security group's properties with these ingress rules (each described unless it says otherwise) and no egress. */
function groupWithIngress(...ingress) {
    return { description: "example", ingress: ingress.map((rule) => ({ description: "rule", ...rule })), egress: [] };
}
/** A TCP rule on one port (or an inclusive [from, to] range) from or to `peer` (cidrBlocks, securityGroups, self, ...). */
function tcp(port, peer) {
    const [fromPort, toPort] = Array.isArray(port) ? port : [port, port];
    return { protocol: "tcp", fromPort, toPort, ...peer };
}
/** A described TCP rule on one port, as the stacks write them. */
const tcpFrom = (port, peer, description = "rule") => ({
    protocol: "tcp",
    fromPort: port,
    toPort: port,
    description,
    ...peer,
});
exports.tcpFrom = tcpFrom;
// --- A small three-tier stack -----------------------------------------------------------------------
exports.vpc = {
    type: "aws:ec2/vpc:Vpc",
    name: "vpc",
    props: { cidrBlock: "10.0.0.0/16" },
    outputs: { defaultSecurityGroupId: "sg-0default" },
};
exports.subnet = { type: "aws:ec2/subnet:Subnet", name: "subnet-a", props: { vpcId: (0, examples_1.ref)("vpc"), cidrBlock: "10.0.1.0/24" } };
/** A security group of the VPC with these ingress rules and no egress. */
function securityGroup(name, ingress, extra = {}) {
    return { type: "aws:ec2/securityGroup:SecurityGroup", name, props: { vpcId: (0, examples_1.ref)("vpc"), ingress, egress: [], ...extra } };
}
exports.lbSg = securityGroup("lb-sg", [(0, exports.tcpFrom)(443, { cidrBlocks: ["0.0.0.0/0"] })]);
exports.webSg = securityGroup("web-sg", [(0, exports.tcpFrom)(8080, { securityGroups: [(0, examples_1.ref)("lb-sg")] })]);
exports.dbSg = securityGroup("db-sg", [(0, exports.tcpFrom)(5432, { securityGroups: [(0, examples_1.ref)("web-sg")] })]);
exports.lb = {
    type: "aws:lb/loadBalancer:LoadBalancer",
    name: "lb",
    props: { loadBalancerType: "application", subnets: [(0, examples_1.ref)("subnet-a")], securityGroups: [(0, examples_1.ref)("lb-sg")] },
};
/** An EC2 instance, tagged with a tier when one is given. */
function instance(name, props, tier) {
    return {
        type: "aws:ec2/instance:Instance",
        name,
        props: { ami: "ami-1", instanceType: "t3.micro", ...props, ...(tier ? { tags: { [exports.TIER_TAG]: tier } } : {}) },
    };
}
/** The web server of the stack, in subnet-a, carrying `groups`. */
const webServer = (groups, extra = {}) => instance("web", { subnetId: (0, examples_1.ref)("subnet-a"), vpcSecurityGroupIds: groups, ...extra }, "web");
exports.webServer = webServer;
/** The stack's database ("orders-db", private), carrying `groups`; a data store is in the data tier by its type. */
function database(groups) {
    return { type: "aws:rds/instance:Instance", name: "orders-db", props: { engine: "postgres", vpcSecurityGroupIds: groups, publiclyAccessible: false } };
}
/** The network and the load balancer of the three-tier stack; examples add the web server and database they need. */
exports.threeTierBase = [exports.vpc, exports.subnet, exports.lbSg, exports.webSg, exports.dbSg, exports.lb];
// --- Parts some stack examples add --------------------------------------------------------------------
/** A managed prefix list with these entries (aws; `aws-native:ec2:PrefixList` names itself differently). */
function prefixList(name, cidrs, type = "aws:ec2/managedPrefixList:ManagedPrefixList") {
    const named = type === "aws:ec2/managedPrefixList:ManagedPrefixList" ? { name } : { prefixListName: name };
    return { type, name, props: { addressFamily: "IPv4", maxEntries: 5, ...named, entries: cidrs.map((cidr) => ({ cidr })) } };
}
/** A network interface in subnet-a, with these security groups (none: AWS gives it the VPC's default group). */
function networkInterface(name, groups) {
    return { type: "aws:ec2/networkInterface:NetworkInterface", name, props: { subnetId: (0, examples_1.ref)("subnet-a"), ...(groups ? { securityGroups: groups } : {}) } };
}
/** An instance launched on an existing network interface (it takes the interface's groups and subnet). */
const instanceOnInterface = (name, networkInterfaceId, tier) => instance(name, { primaryNetworkInterface: { networkInterfaceId } }, tier);
exports.instanceOnInterface = instanceOnInterface;
/** The stack manages the VPC's default group ("default-sg"); its id is what the VPC exports. */
exports.vpcWithManagedDefaultGroup = { ...exports.vpc, outputs: { defaultSecurityGroupId: "id-default-sg" } };
const defaultSecurityGroup = (ingress) => ({
    type: "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup",
    name: "default-sg",
    props: { vpcId: (0, examples_1.ref)("vpc"), ingress, egress: [] },
});
exports.defaultSecurityGroup = defaultSecurityGroup;
