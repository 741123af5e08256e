"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.LAUNCH_TEMPLATE = exports.AUTOSCALING_GROUP_TYPE = exports.INSTANCE_TYPE = exports.BPA_EXCLUSION_MODES = exports.BPA_INGRESS_EXCLUSION_MODES = exports.BPA_MODES = exports.BPA_BLOCKING_MODES = exports.BPA_EXCLUSION = exports.BPA_EXCLUSION_TYPES = exports.BPA_OPTIONS = exports.BPA_OPTIONS_TYPES = exports.ELASTIC_IPS = exports.GATEWAY_KINDS = exports.MAIN_ROUTE_TABLE_ASSOCIATION = exports.ROUTE_TABLE_ASSOCIATION = exports.ROUTE_TABLE_ASSOCIATIONS = exports.STANDALONE_ROUTES = exports.INLINE_ROUTE = exports.DEFAULT_ROUTE_TABLE = exports.NATIVE_ROUTE_TABLE = exports.ROUTE_TABLE = exports.SUBNET_PROPERTIES = exports.VPC_MAIN_ROUTE_TABLE_OUTPUTS = exports.AWS_VPC_TYPES = void 0;
exports.gatewayKindOfId = gatewayKindOfId;
exports.ownPublicAddress = ownPublicAddress;
exports.ownIpv6Address = ownIpv6Address;
exports.templateAddress = templateAddress;
/**
 * Routing and addressing: the type tokens and property names of VPCs, route tables, routes, their
 * associations, gateways, public addresses and VPC Block Public Access (@pulumi/aws, and @pulumi/aws-native
 * where a type exists: names checked against the pulumi-aws-native SDK sources). The stack graph reads them
 * through this table only (network/routing.ts); nothing else names these types.
 */
const propertyReaders_1 = require("../model/propertyReaders");
const unresolved_1 = require("../model/unresolved");
const publicAccess_1 = require("./publicAccess");
exports.AWS_VPC_TYPES = new Set(["aws:ec2/vpc:Vpc", "aws:ec2/defaultVpc:DefaultVpc", "aws-native:ec2:Vpc"]);
/** The VPC outputs naming its main route table (`mainRouteTableId`; `defaultRouteTableId` is the same table). */
exports.VPC_MAIN_ROUTE_TABLE_OUTPUTS = ["mainRouteTableId", "defaultRouteTableId"];
/** A subnet: its VPC, and whether instances launched in it get addresses by default. */
exports.SUBNET_PROPERTIES = { vpc: "vpcId", mapPublicIp: "mapPublicIpOnLaunch", assignIpv6: "assignIpv6AddressOnCreation", cidr: "cidrBlock" };
/** Route tables with inline routes; `aws.ec2.DefaultRouteTable` manages a VPC's main table (named by `defaultRouteTableId`). */
exports.ROUTE_TABLE = { type: "aws:ec2/routeTable:RouteTable", routes: "routes" };
/** aws-native route tables: no inline routes (routes are `aws-native:ec2:Route` resources). */
exports.NATIVE_ROUTE_TABLE = "aws-native:ec2:RouteTable";
exports.DEFAULT_ROUTE_TABLE = { type: "aws:ec2/defaultRouteTable:DefaultRouteTable", routes: "routes", table: "defaultRouteTableId" };
/** An inline route's destination and target properties. */
exports.INLINE_ROUTE = {
    v4: "cidrBlock",
    v6: "ipv6CidrBlock",
    prefixList: "destinationPrefixListId",
    gateway: "gatewayId",
    egressOnly: "egressOnlyGatewayId",
    nat: "natGatewayId",
};
/** Standalone routes by type, with the property naming their table. */
exports.STANDALONE_ROUTES = new Map([
    [
        "aws:ec2/route:Route",
        {
            table: "routeTableId",
            v4: "destinationCidrBlock",
            v6: "destinationIpv6CidrBlock",
            prefixList: "destinationPrefixListId",
            gateway: "gatewayId",
            egressOnly: "egressOnlyGatewayId",
            nat: "natGatewayId",
        },
    ],
    [
        "aws-native:ec2:Route",
        {
            table: "routeTableId",
            v4: "destinationCidrBlock",
            v6: "destinationIpv6CidrBlock",
            prefixList: "destinationPrefixListId",
            gateway: "gatewayId",
            egressOnly: "egressOnlyInternetGatewayId",
            nat: "natGatewayId",
        },
    ],
]);
/** A subnet's explicit route table. */
exports.ROUTE_TABLE_ASSOCIATIONS = new Set([
    "aws:ec2/routeTableAssociation:RouteTableAssociation",
    "aws-native:ec2:SubnetRouteTableAssociation",
]);
exports.ROUTE_TABLE_ASSOCIATION = { subnet: "subnetId", table: "routeTableId" };
/** Replaces a VPC's main route table. */
exports.MAIN_ROUTE_TABLE_ASSOCIATION = {
    type: "aws:ec2/mainRouteTableAssociation:MainRouteTableAssociation",
    vpc: "vpcId",
    table: "routeTableId",
};
exports.GATEWAY_KINDS = new Map([
    ["aws:ec2/internetGateway:InternetGateway", "internet"],
    ["aws:ec2/egressOnlyInternetGateway:EgressOnlyInternetGateway", "egress-only"],
    ["aws:ec2/natGateway:NatGateway", "nat"],
    ["aws:ec2/vpnGateway:VpnGateway", "other"],
    ["aws:ec2transitgateway/transitGateway:TransitGateway", "other"],
    ["aws-native:ec2:InternetGateway", "internet"],
    ["aws-native:ec2:EgressOnlyInternetGateway", "egress-only"],
    ["aws-native:ec2:NatGateway", "nat"],
    ["aws-native:ec2:VpnGateway", "other"],
    ["aws-native:ec2:TransitGateway", "other"],
]);
/** A literal gateway id's kind by its AWS prefix (a gateway outside the stack). */
function gatewayKindOfId(id) {
    if (id.startsWith("igw-"))
        return "internet";
    if (id.startsWith("eigw-"))
        return "egress-only";
    if (id.startsWith("nat-"))
        return "nat";
    if (id === "local" || /^(vgw|tgw|pcx|vpce|eni|cagw|lgw)-/.test(id))
        return "other";
    return undefined;
}
/** Elastic IPs and their associations: the properties naming the resource (instance or network interface) that gets the public address. */
exports.ELASTIC_IPS = new Map([
    ["aws:ec2/eip:Eip", { instance: "instance", networkInterface: "networkInterface" }],
    ["aws:ec2/eipAssociation:EipAssociation", { instance: "instanceId", networkInterface: "networkInterfaceId" }],
    // aws-native: an EIP names only an instance; an association an instance or a network interface.
    ["aws-native:ec2:Eip", { instance: "instanceId" }],
    ["aws-native:ec2:EipAssociation", { instance: "instanceId", networkInterface: "networkInterfaceId" }],
]);
/**
 * VPC Block Public Access (https://docs.aws.amazon.com/vpc/latest/userguide/security-vpc-bpa.html): the
 * region-wide mode, and exclusions scoped to one VPC or one subnet.
 */
exports.BPA_OPTIONS_TYPES = new Set([
    "aws:ec2/vpcBlockPublicAccessOptions:VpcBlockPublicAccessOptions",
    "aws-native:ec2:VpcBlockPublicAccessOptions",
]);
exports.BPA_OPTIONS = { mode: "internetGatewayBlockMode" };
exports.BPA_EXCLUSION_TYPES = new Set([
    "aws:ec2/vpcBlockPublicAccessExclusion:VpcBlockPublicAccessExclusion",
    "aws-native:ec2:VpcBlockPublicAccessExclusion",
]);
exports.BPA_EXCLUSION = { mode: "internetGatewayExclusionMode", vpc: "vpcId", subnet: "subnetId" };
/** Modes that block traffic from the internet through internet gateways (both do; "off" does not). */
exports.BPA_BLOCKING_MODES = new Set(["block-bidirectional", "block-ingress"]);
exports.BPA_MODES = new Set(["off", ...exports.BPA_BLOCKING_MODES]);
/** Exclusion modes that let the internet in again ("allow-egress" allows outbound traffic only). */
exports.BPA_INGRESS_EXCLUSION_MODES = new Set(["allow-bidirectional"]);
exports.BPA_EXCLUSION_MODES = new Set(["allow-egress", ...exports.BPA_INGRESS_EXCLUSION_MODES]);
exports.INSTANCE_TYPE = "aws:ec2/instance:Instance";
const NATIVE_INSTANCE_TYPE = "aws-native:ec2:Instance";
/** An auto-scaling group's instances: their addresses follow the launch template, else the subnet. */
exports.AUTOSCALING_GROUP_TYPE = "aws:autoscaling/group:Group";
/**
 * A launch template's network interfaces (`networkInterfaces`): `associatePublicIpAddress` is a string
 * ("true"/"false") in @pulumi/aws, `ipv6AddressCount`/`ipv6Addresses` as on an instance.
 */
exports.LAUNCH_TEMPLATE = {
    interfaces: "networkInterfaces",
    publicIp: "associatePublicIpAddress",
    ipv6Count: "ipv6AddressCount",
    ipv6List: "ipv6Addresses",
};
function switchAt(props, path, onValue, whenAbsent) {
    const raw = (0, propertyReaders_1.fieldAt)(props, path);
    const property = path.join(".");
    if ((0, propertyReaders_1.isUnknown)(raw))
        return { verdict: "maybe", unresolved: (0, unresolved_1.unknownAt)(property) };
    const value = (0, propertyReaders_1.readBoolean)(raw, property);
    if ((0, unresolved_1.isUnresolved)(value))
        return { verdict: "maybe", unresolved: value };
    if (value === undefined)
        return whenAbsent;
    return value ? { verdict: "yes", because: `${property} is true${onValue}` } : { verdict: "no" };
}
const OWN_PUBLIC_ADDRESS = new Map([
    // An instance's associatePublicIpAddress overrides its subnet's mapPublicIpOnLaunch.
    [exports.INSTANCE_TYPE, (props) => switchAt(props, ["associatePublicIpAddress"], "", { verdict: "subnet" })],
    // aws-native: the switch sits on the primary network interface (device index 0) when the instance lists interfaces.
    [NATIVE_INSTANCE_TYPE, nativeInstancePublicAddress],
    // An auto-scaling group says nothing itself: its launch template's interface, else its subnets decide.
    [exports.AUTOSCALING_GROUP_TYPE, () => ({ verdict: "subnet" })],
    // Fargate tasks get a public address only when the service asks (default DISABLED).
    ["aws:ecs/service:Service", (props) => switchAt(props, ["networkConfiguration", "assignPublicIp"], "", { verdict: "no" })],
]);
function nativeInstancePublicAddress(props) {
    const interfaces = (0, propertyReaders_1.fieldAt)(props, ["networkInterfaces"]);
    if ((0, propertyReaders_1.isUnknown)(interfaces))
        return { verdict: "maybe", unresolved: (0, unresolved_1.unknownAt)("networkInterfaces") };
    if (!Array.isArray(interfaces) || interfaces.length === 0)
        return { verdict: "subnet" };
    const index = interfaces.findIndex((ni) => `${(0, propertyReaders_1.fieldAt)(ni, ["deviceIndex"])}` === "0");
    const at = index >= 0 ? index : 0;
    return switchAt(interfaces[at], ["associatePublicIpAddress"], ` on networkInterfaces[${at}]`, { verdict: "subnet" });
}
/** The resource's own public-address setting; data stores with a public switch answer through publicAccessOf. */
function ownPublicAddress(type, props) {
    const own = OWN_PUBLIC_ADDRESS.get(type);
    if (own)
        return own(props);
    const access = (0, publicAccess_1.publicAccessOf)(type, props);
    if (!access)
        return undefined;
    if (access.verdict === "private")
        return { verdict: "no" };
    if (access.verdict === "unknown")
        return { verdict: "maybe", unresolved: access.unresolved };
    // "depends": AWS decides from the VPC, i.e. from the subnets' routes, which the path checks anyway.
    return { verdict: "yes", because: access.because };
}
/** Does the instance get an IPv6 address by its own settings ("subnet": its subnet's assignIpv6AddressOnCreation)? */
function ownIpv6Address(type, props) {
    if (type === exports.AUTOSCALING_GROUP_TYPE)
        return { verdict: "subnet" };
    // aws-native names the same top-level properties (Ipv6AddressCount, Ipv6Addresses).
    if (type !== exports.INSTANCE_TYPE && type !== NATIVE_INSTANCE_TYPE)
        return undefined;
    const count = (0, propertyReaders_1.fieldAt)(props, ["ipv6AddressCount"]);
    const list = (0, propertyReaders_1.fieldAt)(props, ["ipv6Addresses"]);
    if ((0, propertyReaders_1.isUnknown)(count))
        return { verdict: "maybe", unresolved: (0, unresolved_1.unknownAt)("ipv6AddressCount") };
    if ((0, propertyReaders_1.isUnknown)(list))
        return { verdict: "maybe", unresolved: (0, unresolved_1.unknownAt)("ipv6Addresses") };
    if (typeof count === "number" && count > 0)
        return { verdict: "yes", because: `ipv6AddressCount is ${count}` };
    if (Array.isArray(list) && list.length > 0)
        return { verdict: "yes", because: "ipv6Addresses names addresses" };
    if (count === 0)
        return { verdict: "no" };
    return { verdict: "subnet" };
}
/**
 * What a launch template's network interfaces say about the instance's public address, for one family:
 * "yes" when an interface asks for one (associatePublicIpAddress "true"; an IPv6 address count or list),
 * "no" when it refuses (associatePublicIpAddress "false"; ipv6AddressCount 0), "subnet" when it says
 * nothing (the subnet's mapPublicIpOnLaunch / assignIpv6AddressOnCreation decides), "maybe" when unknown.
 */
function templateAddress(templateName, props, family) {
    const raw = (0, propertyReaders_1.fieldAt)(props, [exports.LAUNCH_TEMPLATE.interfaces]);
    const where = `launch template "${templateName}"`;
    if ((0, propertyReaders_1.isUnknown)(raw))
        return { verdict: "maybe", unresolved: (0, unresolved_1.unknownAt)(`${templateName}.${exports.LAUNCH_TEMPLATE.interfaces}`) };
    if (!Array.isArray(raw))
        return { verdict: "subnet" };
    let answer = { verdict: "subnet" };
    for (let i = 0; i < raw.length; i++) {
        const at = `${templateName}.${exports.LAUNCH_TEMPLATE.interfaces}[${i}]`;
        let own;
        if (family === 4) {
            const value = (0, propertyReaders_1.fieldAt)(raw[i], [exports.LAUNCH_TEMPLATE.publicIp]);
            const read = (0, propertyReaders_1.readBoolean)(value, `${at}.${exports.LAUNCH_TEMPLATE.publicIp}`);
            if ((0, unresolved_1.isUnresolved)(read))
                own = { verdict: "maybe", unresolved: read };
            else if (read === undefined)
                own = { verdict: "subnet" };
            else
                own = read
                    ? { verdict: "yes", because: `${where} ${exports.LAUNCH_TEMPLATE.interfaces}[${i}].${exports.LAUNCH_TEMPLATE.publicIp} is "true"` }
                    : { verdict: "no" };
        }
        else {
            const count = (0, propertyReaders_1.fieldAt)(raw[i], [exports.LAUNCH_TEMPLATE.ipv6Count]);
            const list = (0, propertyReaders_1.fieldAt)(raw[i], [exports.LAUNCH_TEMPLATE.ipv6List]);
            if ((0, propertyReaders_1.isUnknown)(count) || (0, propertyReaders_1.isUnknown)(list) || (0, propertyReaders_1.isUnknown)(raw[i]))
                own = { verdict: "maybe", unresolved: (0, unresolved_1.unknownAt)(`${at}.${exports.LAUNCH_TEMPLATE.ipv6Count}`) };
            else if (typeof count === "number" && count > 0)
                own = { verdict: "yes", because: `${where} ${exports.LAUNCH_TEMPLATE.interfaces}[${i}].${exports.LAUNCH_TEMPLATE.ipv6Count} is ${count}` };
            else if (Array.isArray(list) && list.length > 0)
                own = { verdict: "yes", because: `${where} ${exports.LAUNCH_TEMPLATE.interfaces}[${i}].${exports.LAUNCH_TEMPLATE.ipv6List} names addresses` };
            else if (count === 0)
                own = { verdict: "no" };
            else
                own = { verdict: "subnet" };
        }
        // The most exposed answer over the interfaces: yes, else maybe, else no, else the subnet's.
        if (own.verdict === "yes")
            return own;
        if (own.verdict === "maybe" || (own.verdict === "no" && answer.verdict === "subnet"))
            answer = own;
    }
    return answer;
}
