/**
 * Routing and addressing: the type tokens and property names of VPCs, route tables, routes, their
 * associations, gateways, public addresses and VPC Block Public Access (@pulumi/aws, and @pulumi/aws-native
 * where a type exists: names checked against the pulumi-aws-native SDK sources). The stack graph reads them
 * through this table only (network/routing.ts); nothing else names these types.
 */
import { fieldAt, isUnknown, readBoolean } from "../model/propertyReaders";
import { Unresolved, isUnresolved, unknownAt } from "../model/unresolved";
import { publicAccessOf } from "./publicAccess";

export const AWS_VPC_TYPES: ReadonlySet<string> = new Set(["aws:ec2/vpc:Vpc", "aws:ec2/defaultVpc:DefaultVpc", "aws-native:ec2:Vpc"]);
/** The VPC outputs naming its main route table (`mainRouteTableId`; `defaultRouteTableId` is the same table). */
export const VPC_MAIN_ROUTE_TABLE_OUTPUTS = ["mainRouteTableId", "defaultRouteTableId"] as const;

/** A subnet: its VPC, and whether instances launched in it get addresses by default. */
export const SUBNET_PROPERTIES = { vpc: "vpcId", mapPublicIp: "mapPublicIpOnLaunch", assignIpv6: "assignIpv6AddressOnCreation", cidr: "cidrBlock" } as const;

/** Route tables with inline routes; `aws.ec2.DefaultRouteTable` manages a VPC's main table (named by `defaultRouteTableId`). */
export const ROUTE_TABLE = { type: "aws:ec2/routeTable:RouteTable", routes: "routes" } as const;
/** aws-native route tables: no inline routes (routes are `aws-native:ec2:Route` resources). */
export const NATIVE_ROUTE_TABLE = "aws-native:ec2:RouteTable";
export const DEFAULT_ROUTE_TABLE = { type: "aws:ec2/defaultRouteTable:DefaultRouteTable", routes: "routes", table: "defaultRouteTableId" } as const;
/** A route's destination (IPv4, IPv6 CIDR or a managed prefix list) and target properties. */
export interface RouteSpec {
    v4: string;
    v6: string;
    prefixList: string;
    gateway: string;
    egressOnly: string;
    nat: string;
}
/** An inline route's destination and target properties. */
export const INLINE_ROUTE: RouteSpec = {
    v4: "cidrBlock",
    v6: "ipv6CidrBlock",
    prefixList: "destinationPrefixListId",
    gateway: "gatewayId",
    egressOnly: "egressOnlyGatewayId",
    nat: "natGatewayId",
};
/** Standalone routes by type, with the property naming their table. */
export const STANDALONE_ROUTES: ReadonlyMap<string, RouteSpec & { table: string }> = new Map([
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
export const ROUTE_TABLE_ASSOCIATIONS: ReadonlySet<string> = new Set([
    "aws:ec2/routeTableAssociation:RouteTableAssociation",
    "aws-native:ec2:SubnetRouteTableAssociation",
]);
export const ROUTE_TABLE_ASSOCIATION = { subnet: "subnetId", table: "routeTableId" } as const;
/** Replaces a VPC's main route table. */
export const MAIN_ROUTE_TABLE_ASSOCIATION = {
    type: "aws:ec2/mainRouteTableAssociation:MainRouteTableAssociation",
    vpc: "vpcId",
    table: "routeTableId",
} as const;

/** Gateways a route may lead to, by what they do for traffic from the internet. */
export type GatewayKind = "internet" | "egress-only" | "nat" | "other";
export const GATEWAY_KINDS: ReadonlyMap<string, GatewayKind> = new Map<string, GatewayKind>([
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
export function gatewayKindOfId(id: string): GatewayKind | undefined {
    if (id.startsWith("igw-")) return "internet";
    if (id.startsWith("eigw-")) return "egress-only";
    if (id.startsWith("nat-")) return "nat";
    if (id === "local" || /^(vgw|tgw|pcx|vpce|eni|cagw|lgw)-/.test(id)) return "other";
    return undefined;
}

/** Elastic IPs and their associations: the properties naming the resource (instance or network interface) that gets the public address. */
export const ELASTIC_IPS: ReadonlyMap<string, { instance: string; networkInterface?: string }> = new Map<
    string,
    { instance: string; networkInterface?: string }
>([
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
export const BPA_OPTIONS_TYPES: ReadonlySet<string> = new Set([
    "aws:ec2/vpcBlockPublicAccessOptions:VpcBlockPublicAccessOptions",
    "aws-native:ec2:VpcBlockPublicAccessOptions",
]);
export const BPA_OPTIONS = { mode: "internetGatewayBlockMode" } as const;
export const BPA_EXCLUSION_TYPES: ReadonlySet<string> = new Set([
    "aws:ec2/vpcBlockPublicAccessExclusion:VpcBlockPublicAccessExclusion",
    "aws-native:ec2:VpcBlockPublicAccessExclusion",
]);
export const BPA_EXCLUSION = { mode: "internetGatewayExclusionMode", vpc: "vpcId", subnet: "subnetId" } as const;
/** Modes that block traffic from the internet through internet gateways (both do; "off" does not). */
export const BPA_BLOCKING_MODES: ReadonlySet<string> = new Set(["block-bidirectional", "block-ingress"]);
export const BPA_MODES: ReadonlySet<string> = new Set(["off", ...BPA_BLOCKING_MODES]);
/** Exclusion modes that let the internet in again ("allow-egress" allows outbound traffic only). */
export const BPA_INGRESS_EXCLUSION_MODES: ReadonlySet<string> = new Set(["allow-bidirectional"]);
export const BPA_EXCLUSION_MODES: ReadonlySet<string> = new Set(["allow-egress", ...BPA_INGRESS_EXCLUSION_MODES]);

/**
 * Does the resource get a public IPv4 address by its own settings? "subnet": it follows its subnet's
 * `mapPublicIpOnLaunch`. undefined for types that never get one (or that this table does not know).
 */
export type OwnPublicAddress = { verdict: "yes"; because: string } | { verdict: "no" } | { verdict: "subnet" } | { verdict: "maybe"; unresolved: Unresolved };

export const INSTANCE_TYPE = "aws:ec2/instance:Instance";
const NATIVE_INSTANCE_TYPE = "aws-native:ec2:Instance";
/** An auto-scaling group's instances: their addresses follow the launch template, else the subnet. */
export const AUTOSCALING_GROUP_TYPE = "aws:autoscaling/group:Group";
/**
 * A launch template's network interfaces (`networkInterfaces`): `associatePublicIpAddress` is a string
 * ("true"/"false") in @pulumi/aws, `ipv6AddressCount`/`ipv6Addresses` as on an instance.
 */
export const LAUNCH_TEMPLATE = {
    interfaces: "networkInterfaces",
    publicIp: "associatePublicIpAddress",
    ipv6Count: "ipv6AddressCount",
    ipv6List: "ipv6Addresses",
} as const;

function switchAt(props: unknown, path: string[], onValue: string, whenAbsent: OwnPublicAddress): OwnPublicAddress {
    const raw = fieldAt(props, path);
    const property = path.join(".");
    if (isUnknown(raw)) return { verdict: "maybe", unresolved: unknownAt(property) };
    const value = readBoolean(raw, property);
    if (isUnresolved(value)) return { verdict: "maybe", unresolved: value };
    if (value === undefined) return whenAbsent;
    return value ? { verdict: "yes", because: `${property} is true${onValue}` } : { verdict: "no" };
}

const OWN_PUBLIC_ADDRESS: ReadonlyMap<string, (props: unknown) => OwnPublicAddress> = new Map<string, (props: unknown) => OwnPublicAddress>([
    // An instance's associatePublicIpAddress overrides its subnet's mapPublicIpOnLaunch.
    [INSTANCE_TYPE, (props) => switchAt(props, ["associatePublicIpAddress"], "", { verdict: "subnet" })],
    // aws-native: the switch sits on the primary network interface (device index 0) when the instance lists interfaces.
    [NATIVE_INSTANCE_TYPE, nativeInstancePublicAddress],
    // An auto-scaling group says nothing itself: its launch template's interface, else its subnets decide.
    [AUTOSCALING_GROUP_TYPE, () => ({ verdict: "subnet" })],
    // Fargate tasks get a public address only when the service asks (default DISABLED).
    ["aws:ecs/service:Service", (props) => switchAt(props, ["networkConfiguration", "assignPublicIp"], "", { verdict: "no" })],
]);

function nativeInstancePublicAddress(props: unknown): OwnPublicAddress {
    const interfaces = fieldAt(props, ["networkInterfaces"]);
    if (isUnknown(interfaces)) return { verdict: "maybe", unresolved: unknownAt("networkInterfaces") };
    if (!Array.isArray(interfaces) || interfaces.length === 0) return { verdict: "subnet" };
    const index = interfaces.findIndex((ni) => `${fieldAt(ni, ["deviceIndex"]) as string}` === "0");
    const at = index >= 0 ? index : 0;
    return switchAt(interfaces[at], ["associatePublicIpAddress"], ` on networkInterfaces[${at}]`, { verdict: "subnet" });
}

/** The resource's own public-address setting; data stores with a public switch answer through publicAccessOf. */
export function ownPublicAddress(type: string, props: unknown): OwnPublicAddress | undefined {
    const own = OWN_PUBLIC_ADDRESS.get(type);
    if (own) return own(props);
    const access = publicAccessOf(type, props);
    if (!access) return undefined;
    if (access.verdict === "private") return { verdict: "no" };
    if (access.verdict === "unknown") return { verdict: "maybe", unresolved: access.unresolved };
    // "depends": AWS decides from the VPC, i.e. from the subnets' routes, which the path checks anyway.
    return { verdict: "yes", because: access.because };
}

/** Does the instance get an IPv6 address by its own settings ("subnet": its subnet's assignIpv6AddressOnCreation)? */
export function ownIpv6Address(type: string, props: unknown): OwnPublicAddress | undefined {
    if (type === AUTOSCALING_GROUP_TYPE) return { verdict: "subnet" };
    // aws-native names the same top-level properties (Ipv6AddressCount, Ipv6Addresses).
    if (type !== INSTANCE_TYPE && type !== NATIVE_INSTANCE_TYPE) return undefined;
    const count = fieldAt(props, ["ipv6AddressCount"]);
    const list = fieldAt(props, ["ipv6Addresses"]);
    if (isUnknown(count)) return { verdict: "maybe", unresolved: unknownAt("ipv6AddressCount") };
    if (isUnknown(list)) return { verdict: "maybe", unresolved: unknownAt("ipv6Addresses") };
    if (typeof count === "number" && count > 0) return { verdict: "yes", because: `ipv6AddressCount is ${count}` };
    if (Array.isArray(list) && list.length > 0) return { verdict: "yes", because: "ipv6Addresses names addresses" };
    if (count === 0) return { verdict: "no" };
    return { verdict: "subnet" };
}

/**
 * What a launch template's network interfaces say about the instance's public address, for one family:
 * "yes" when an interface asks for one (associatePublicIpAddress "true"; an IPv6 address count or list),
 * "no" when it refuses (associatePublicIpAddress "false"; ipv6AddressCount 0), "subnet" when it says
 * nothing (the subnet's mapPublicIpOnLaunch / assignIpv6AddressOnCreation decides), "maybe" when unknown.
 */
export function templateAddress(templateName: string, props: unknown, family: 4 | 6): OwnPublicAddress {
    const raw = fieldAt(props, [LAUNCH_TEMPLATE.interfaces]);
    const where = `launch template "${templateName}"`;
    if (isUnknown(raw)) return { verdict: "maybe", unresolved: unknownAt(`${templateName}.${LAUNCH_TEMPLATE.interfaces}`) };
    if (!Array.isArray(raw)) return { verdict: "subnet" };
    let answer: OwnPublicAddress = { verdict: "subnet" };
    for (let i = 0; i < raw.length; i++) {
        const at = `${templateName}.${LAUNCH_TEMPLATE.interfaces}[${i}]`;
        let own: OwnPublicAddress;
        if (family === 4) {
            const value = fieldAt(raw[i], [LAUNCH_TEMPLATE.publicIp]);
            const read = readBoolean(value, `${at}.${LAUNCH_TEMPLATE.publicIp}`);
            if (isUnresolved(read)) own = { verdict: "maybe", unresolved: read };
            else if (read === undefined) own = { verdict: "subnet" };
            else
                own = read
                    ? { verdict: "yes", because: `${where} ${LAUNCH_TEMPLATE.interfaces}[${i}].${LAUNCH_TEMPLATE.publicIp} is "true"` }
                    : { verdict: "no" };
        } else {
            const count = fieldAt(raw[i], [LAUNCH_TEMPLATE.ipv6Count]);
            const list = fieldAt(raw[i], [LAUNCH_TEMPLATE.ipv6List]);
            if (isUnknown(count) || isUnknown(list) || isUnknown(raw[i]))
                own = { verdict: "maybe", unresolved: unknownAt(`${at}.${LAUNCH_TEMPLATE.ipv6Count}`) };
            else if (typeof count === "number" && count > 0)
                own = { verdict: "yes", because: `${where} ${LAUNCH_TEMPLATE.interfaces}[${i}].${LAUNCH_TEMPLATE.ipv6Count} is ${count}` };
            else if (Array.isArray(list) && list.length > 0)
                own = { verdict: "yes", because: `${where} ${LAUNCH_TEMPLATE.interfaces}[${i}].${LAUNCH_TEMPLATE.ipv6List} names addresses` };
            else if (count === 0) own = { verdict: "no" };
            else own = { verdict: "subnet" };
        }
        // The most exposed answer over the interfaces: yes, else maybe, else no, else the subnet's.
        if (own.verdict === "yes") return own;
        if (own.verdict === "maybe" || (own.verdict === "no" && answer.verdict === "subnet")) answer = own;
    }
    return answer;
}
