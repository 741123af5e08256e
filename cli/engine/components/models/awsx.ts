/**
 * Models of `@pulumi/awsx` 2.x and 3.x components: the resources their provider creates, from their
 * arguments and documented defaults. Learned from the components' published source (pulumi/pulumi-awsx,
 * files cited per model, tags v2.0.1 to v3.8.0, where these defaults did not change unless noted);
 * written here, not copied. What a model cannot know (the account's default VPC) is assumed as AWS
 * creates it and said so.
 */
import { UNKNOWN } from "../../../../policypack/model/sentinels";
import { ModelContext, ModeledRef, ResourceRef, Traced, isKnown, isResourceRef, resourceReference } from "../modelKit";

export const AWSX_SOURCE = "pulumi-awsx 2.x–3.x defaults";

/** Every protocol and port from the whole IPv4 and IPv6 internet, as awsx's default groups allow. */
const OPEN_INGRESS = [{ fromPort: 0, toPort: 0, protocol: "-1", cidrBlocks: ["0.0.0.0/0"], ipv6CidrBlocks: ["::/0"] }];
/** Every TCP port to anywhere. */
const OPEN_EGRESS = [{ fromPort: 0, toPort: 65535, protocol: "tcp", cidrBlocks: ["0.0.0.0/0"], ipv6CidrBlocks: ["::/0"] }];

interface DefaultVpc {
    vpcId: string;
    publicSubnetIds: string[];
    privateSubnetIds: string[];
}

/**
 * The account's default VPC, as awsx's getDefaultVpc finds it (awsx/ec2/getDefaultVpc.ts): getVpc
 * {default: true}, its subnets, public = those that map public IPs. Offline the subnets cannot be read;
 * AWS creates every default-VPC subnet public, so they are assumed public.
 */
function defaultVpc(ctx: ModelContext): DefaultVpc {
    const vpc = ctx.dataSource("aws:ec2/getVpc:getVpc", { default: true });
    const subnets = ctx.dataSource("aws:ec2/getSubnets:getSubnets", { filters: [{ name: "vpc-id", values: [vpc.id] }] });
    const ids = Array.isArray(subnets.ids) ? subnets.ids.map(String) : [];
    return { vpcId: String(vpc.id), publicSubnetIds: ids, privateSubnetIds: [] };
}

/** The ids of the subnets the program passed as resources (`subnets: vpc.publicSubnets`). */
function subnetIdsOf(ctx: ModelContext, subnets: unknown): Traced {
    const refs = Array.isArray(subnets) ? subnets.filter(isResourceRef) : [];
    return { value: refs.map((ref) => ctx.idOf(ref).value), dependencies: refs.map((ref) => ref.urn) };
}

/** Where a load balancer goes and which VPC that is (awsx/lb/applicationLoadBalancer.ts l.53-73). */
function loadBalancerPlacement(ctx: ModelContext): { subnets?: Traced | unknown; vpcId: Traced | string } {
    const subnets = ctx.arg("subnets");
    if (Array.isArray(subnets)) {
        const first = subnets.find(isResourceRef) as ResourceRef | undefined;
        return { subnets: subnetIdsOf(ctx, subnets), vpcId: first ? ctx.propertyOf(first.urn, "vpcId") : UNKNOWN };
    }
    // Subnets given but not known yet (an Output in a preview): not the default VPC's.
    if (subnets !== undefined) return { subnets: { value: UNKNOWN, dependencies: ctx.pass("subnets")?.dependencies ?? [] }, vpcId: UNKNOWN };
    const subnetIds = ctx.pass("subnetIds");
    if (subnetIds) return { subnets: subnetIds, vpcId: String(ctx.dataSource("aws:ec2/getSubnet:getSubnet", { id: firstOf(subnetIds.value) }).vpcId) };
    if (ctx.arg("subnetMappings") !== undefined) {
        const mapping = firstOf(ctx.arg("subnetMappings")) as { subnetId?: unknown } | undefined;
        return { vpcId: String(ctx.dataSource("aws:ec2/getSubnet:getSubnet", { id: mapping?.subnetId }).vpcId) };
    }
    const vpc = defaultVpc(ctx);
    return { subnets: vpc.publicSubnetIds, vpcId: vpc.vpcId };
}

const firstOf = (value: unknown) => (Array.isArray(value) ? value[0] : undefined);

/** Port and protocol of a listener as awsx fills them in (getListenerProtocol). */
function listenerProtocol(listener: Record<string, unknown> | undefined, defaultPort?: unknown): { port: unknown; protocol: unknown } {
    const port = listener?.port;
    const protocol = listener?.protocol;
    if (port !== undefined && protocol !== undefined) return { port, protocol };
    if (port !== undefined) return { port, protocol: port === 443 ? "HTTPS" : isKnown(port) ? "HTTP" : UNKNOWN };
    if (protocol !== undefined) return { protocol, port: protocol === "HTTPS" ? 443 : isKnown(protocol) ? 80 : UNKNOWN };
    return { port: defaultPort ?? 80, protocol: "HTTP" };
}

const asObject = (value: unknown): Record<string, unknown> | undefined =>
    value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;

/** `awsx:lb:ApplicationLoadBalancer` — awsx/lb/applicationLoadBalancer.ts. */
export function applicationLoadBalancer(ctx: ModelContext): Record<string, unknown> {
    const { name } = ctx;
    const placement = loadBalancerPlacement(ctx);
    const lbArgs: Record<string, unknown> = ctx.passAllBut([
        "subnetIds",
        "subnets",
        "defaultTargetGroup",
        "defaultTargetGroupPort",
        "defaultSecurityGroup",
        "listener",
        "listeners",
    ]);
    if (placement.subnets !== undefined) lbArgs.subnets = placement.subnets;
    const outputs: Record<string, unknown> = {};
    // A security group unless the program gives groups, a group id, or skips it (l.79-118).
    const defaultSecurityGroup = asObject(ctx.arg("defaultSecurityGroup"));
    if (ctx.arg("securityGroups") === undefined && defaultSecurityGroup?.skip !== true) {
        if (defaultSecurityGroup?.securityGroupId !== undefined) {
            lbArgs.securityGroups = [defaultSecurityGroup.securityGroupId];
        } else {
            // `args` replace the default group's arguments entirely: no rules merged, no vpcId filled in.
            const custom = asObject(ctx.pass("defaultSecurityGroup")?.value)?.args;
            const group = ctx.child(
                "aws:ec2/securityGroup:SecurityGroup",
                name,
                asObject(custom) ?? { vpcId: placement.vpcId, ingress: OPEN_INGRESS, egress: OPEN_EGRESS },
            );
            outputs.defaultSecurityGroup = resourceReference(group);
            lbArgs.securityGroups = [ctx.idOf(group)];
        }
    }
    lbArgs.loadBalancerType = "application";
    const loadBalancer = ctx.child("aws:lb/loadBalancer:LoadBalancer", name, lbArgs);
    const listener = asObject(ctx.arg("listener"));
    const listeners = Array.isArray(ctx.arg("listeners")) ? (ctx.arg("listeners") as unknown[]).map(asObject) : undefined;
    const defaultPort = ctx.arg("defaultTargetGroupPort");
    // The target group takes the single listener's port; with a `listeners` list, the first one's (l.198-210).
    const targetProtocol = listeners ? (listeners.length !== 1 ? listenerProtocol(listeners[0]) : undefined) : listenerProtocol(listener, defaultPort);
    const targetGroup = ctx.child("aws:lb/targetGroup:TargetGroup", name, {
        vpcId: placement.vpcId,
        targetType: "ip",
        ...targetProtocol,
        ...(asObject(ctx.pass("defaultTargetGroup")?.value) ?? {}),
    });
    const defaultActions = [{ type: "forward", targetGroupArn: { value: UNKNOWN, dependencies: [targetGroup.urn] } }];
    const listenerArgs = listeners ?? [listener];
    const made = listenerArgs.map((args, i) =>
        ctx.child("aws:lb/listener:Listener", `${name}-${i}`, {
            defaultActions,
            ...(listeners ? listenerProtocol(args) : listenerProtocol(listener, defaultPort)),
            ...(args ?? {}),
            loadBalancerArn: { value: UNKNOWN, dependencies: [loadBalancer.urn] },
        }),
    );
    return {
        ...outputs,
        loadBalancer: resourceReference(loadBalancer),
        defaultTargetGroup: resourceReference(targetGroup),
        listeners: made.map(resourceReference),
        vpcId: plain(placement.vpcId),
    };
}

/** `awsx:lb:NetworkLoadBalancer` — awsx/lb/networkLoadBalancer.ts: never a security group of its own. */
export function networkLoadBalancer(ctx: ModelContext): Record<string, unknown> {
    const { name } = ctx;
    const placement = loadBalancerPlacement(ctx);
    const lbArgs: Record<string, unknown> = ctx.passAllBut(["subnetIds", "subnets", "defaultTargetGroup", "defaultTargetGroupPort", "listener", "listeners"]);
    if (placement.subnets !== undefined) lbArgs.subnets = placement.subnets;
    Object.assign(lbArgs, { loadBalancerType: "network", enableHttp2: false, idleTimeout: 0 });
    const loadBalancer = ctx.child("aws:lb/loadBalancer:LoadBalancer", name, lbArgs);
    const targetGroup = ctx.child("aws:lb/targetGroup:TargetGroup", name, {
        vpcId: placement.vpcId,
        protocol: "TCP",
        port: ctx.arg("defaultTargetGroupPort") ?? 80,
        ...(asObject(ctx.pass("defaultTargetGroup")?.value) ?? {}),
    });
    const defaultActions = [{ type: "forward", targetGroupArn: { value: UNKNOWN, dependencies: [targetGroup.urn] } }];
    const listeners = Array.isArray(ctx.arg("listeners")) ? (ctx.pass("listeners")!.value as unknown[]).map(asObject) : [asObject(ctx.pass("listener")?.value)];
    const made = listeners.map((args, i) =>
        ctx.child("aws:lb/listener:Listener", `${name}-${i}`, {
            defaultActions,
            protocol: "TCP",
            port: 80,
            ...(args ?? {}),
            loadBalancerArn: { value: UNKNOWN, dependencies: [loadBalancer.urn] },
        }),
    );
    return {
        loadBalancer: resourceReference(loadBalancer),
        defaultTargetGroup: resourceReference(targetGroup),
        listeners: made.map(resourceReference),
        vpcId: plain(placement.vpcId),
    };
}

/**
 * `awsx:ecs:FargateService` — awsx/ecs/fargateService.ts: without `networkConfiguration`, a group open to
 * the whole internet and the default VPC's subnets (public ones with `assignPublicIp`).
 */
export function fargateService(ctx: ModelContext): Record<string, unknown> {
    return ecsService(ctx, "FARGATE");
}

/** `awsx:ecs:EC2Service` — awsx/ecs/ec2Service.ts: `networkConfiguration` passed through, nothing created for the network. */
export function ec2Service(ctx: ModelContext): Record<string, unknown> {
    return ecsService(ctx, "EC2");
}

function ecsService(ctx: ModelContext, launchType: "FARGATE" | "EC2"): Record<string, unknown> {
    const { name } = ctx;
    const serviceArgs: Record<string, unknown> = ctx.passAllBut(["taskDefinitionArgs", "assignPublicIp", "continueBeforeSteadyState", "networkConfiguration"]);
    const given = ctx.pass("networkConfiguration");
    if (given) {
        serviceArgs.networkConfiguration = given;
    } else if (launchType === "FARGATE") {
        const vpc = defaultVpc(ctx);
        const group = ctx.child("aws:ec2/securityGroup:SecurityGroup", `${name}-sg`, { vpcId: vpc.vpcId, ingress: OPEN_INGRESS, egress: OPEN_EGRESS });
        const assignPublicIp = ctx.arg("assignPublicIp") ?? false;
        // Private subnets unless a public IP is asked for; a default VPC as AWS makes it has none, where the
        // real component fails (l.116-130): the public ones are judged instead, so the exposure is not lost.
        const subnets = assignPublicIp === true || vpc.privateSubnetIds.length === 0 ? vpc.publicSubnetIds : vpc.privateSubnetIds;
        serviceArgs.networkConfiguration = { subnets, assignPublicIp, securityGroups: [ctx.idOf(group)] };
    }
    if (ctx.arg("cluster") !== undefined) serviceArgs.cluster = ctx.pass("cluster");
    const service = ctx.child("aws:ecs/service:Service", name, {
        ...(launchType === "FARGATE" ? { desiredCount: 1 } : {}),
        ...serviceArgs,
        launchType:
            ctx.arg("capacityProviderStrategies") !== undefined || ctx.arg("useClusterDefaultCapacityProviderStrategy") !== undefined ? undefined : launchType,
    });
    return { service: resourceReference(service) };
}

/** Subnet types of an awsx VPC, as its subnet specs name them. */
type SubnetType = "Public" | "Private" | "Isolated";

/**
 * `awsx:ec2:Vpc` — awsx/ec2/vpc.ts and subnetDistributorLegacy.ts: per availability zone a public subnet
 * (mapPublicIpOnLaunch, 0.0.0.0/0 to the internet gateway) and a private one (0.0.0.0/0 to a NAT
 * gateway, one per zone by default); an internet gateway always. CIDRs are the default layout's; with
 * custom specs each subnet's CIDR is left unknown rather than guessed.
 */
export function vpc(ctx: ModelContext): Record<string, unknown> {
    const { name } = ctx;
    const given = ctx.arg("availabilityZoneNames");
    // A zone count not known yet (an Output in a preview) is taken as the default, 3.
    const count = ctx.arg("numberOfAvailabilityZones");
    const zoneCount = Array.isArray(given) ? given.length : typeof count === "number" ? count : 3;
    const zones = Array.isArray(given)
        ? given.map(String)
        : ((ctx.dataSource("aws:index/getAvailabilityZones:getAvailabilityZones", {}).names as string[] | undefined) ?? []).slice(0, zoneCount);
    const cidrBlock = ctx.arg("cidrBlock") ?? (ctx.arg("ipv4IpamPoolId") === undefined ? "10.0.0.0/16" : UNKNOWN);
    const vpcArgs: Record<string, unknown> = ctx.passAllBut([
        "subnetSpecs",
        "subnetStrategy",
        "numberOfAvailabilityZones",
        "availabilityZoneNames",
        "natGateways",
        "vpcEndpointSpecs",
        "vpcEndpointStrategy",
        "availabilityZoneCidrMask",
        "subnetNameTagStrategy",
        "assignGeneratedIpv6CidrBlock",
    ]);
    const theVpc = ctx.child("aws:ec2/vpc:Vpc", name, { ...vpcArgs, cidrBlock, tags: { Name: name, ...(asObject(ctx.arg("tags")) ?? {}) } });
    const gateway = ctx.child("aws:ec2/internetGateway:InternetGateway", name, { vpcId: ctx.idOf(theVpc) }, { parent: theVpc });
    const specs = Array.isArray(ctx.arg("subnetSpecs"))
        ? (ctx.arg("subnetSpecs") as Array<Record<string, unknown>>)
              .filter((spec) => spec.type !== "Unused")
              .map((spec) => ({ type: spec.type as SubnetType, name: spec.name as string | undefined, cidr: undefined as string | undefined }))
        : undefined;
    const natStrategy = String(asObject(ctx.arg("natGateways"))?.strategy ?? "OnePerAz");
    const subnets: Array<{ ref: ModeledRef; type: SubnetType; zone: number }> = [];
    const natGateways: ModeledRef[] = [];
    const eips: ModeledRef[] = [];
    const routes: ModeledRef[] = [];
    const routeTables: ModeledRef[] = [];
    zones.forEach((zone, z) => {
        const zoneSpecs = specs ?? defaultLayout(String(cidrBlock), zones.length, z);
        // Public first, then private, then isolated (the order NAT gateways and routes are made in).
        const ordered = [...zoneSpecs].sort((a, b) => ORDER[a.type] - ORDER[b.type]);
        for (const spec of ordered) {
            const subnetName = `${name}-${spec.name ?? spec.type.toLowerCase()}-${z + 1}`;
            const subnet = ctx.child(
                "aws:ec2/subnet:Subnet",
                subnetName,
                {
                    vpcId: ctx.idOf(theVpc),
                    availabilityZone: zone,
                    cidrBlock: spec.cidr ?? UNKNOWN,
                    mapPublicIpOnLaunch: spec.type === "Public",
                    tags: { Name: subnetName, SubnetType: spec.type },
                },
                { parent: theVpc },
            );
            subnets.push({ ref: subnet, type: spec.type, zone: z });
            const table = ctx.child("aws:ec2/routeTable:RouteTable", subnetName, { vpcId: ctx.idOf(theVpc) }, { parent: subnet });
            routeTables.push(table);
            ctx.child(
                "aws:ec2/routeTableAssociation:RouteTableAssociation",
                subnetName,
                { routeTableId: ctx.idOf(table), subnetId: ctx.idOf(subnet) },
                { parent: table },
            );
            if (spec.type === "Public") {
                routes.push(
                    ctx.child(
                        "aws:ec2/route:Route",
                        subnetName,
                        { routeTableId: ctx.idOf(table), destinationCidrBlock: "0.0.0.0/0", gatewayId: ctx.idOf(gateway) },
                        { parent: table },
                    ),
                );
                if (
                    (natStrategy === "OnePerAz" || (natStrategy === "Single" && z === 0)) &&
                    !subnets.some((s) => s.type === "Public" && s.zone === z && s.ref !== subnet)
                ) {
                    const eip = ctx.child("aws:ec2/eip:Eip", `${name}-${z + 1}`, {}, { parent: subnet });
                    eips.push(eip);
                    natGateways.push(
                        ctx.child(
                            "aws:ec2/natGateway:NatGateway",
                            `${name}-${z + 1}`,
                            { subnetId: ctx.idOf(subnet), allocationId: ctx.idOf(eip) },
                            { parent: subnet },
                        ),
                    );
                }
            } else if (spec.type === "Private" && natStrategy !== "None" && natGateways.length > 0) {
                const nat = natStrategy === "Single" ? natGateways[0] : (natGateways[z] ?? natGateways[natGateways.length - 1]);
                routes.push(
                    ctx.child(
                        "aws:ec2/route:Route",
                        subnetName,
                        { routeTableId: ctx.idOf(table), destinationCidrBlock: "0.0.0.0/0", natGatewayId: ctx.idOf(nat) },
                        { parent: table },
                    ),
                );
            }
        }
    });
    const idsOf = (type?: SubnetType) => subnets.filter((s) => !type || s.type === type).map((s) => plain(ctx.idOf(s.ref)));
    const refsOf = (type?: SubnetType) => subnets.filter((s) => !type || s.type === type).map((s) => resourceReference(s.ref));
    return {
        vpc: resourceReference(theVpc),
        vpcId: plain(ctx.idOf(theVpc)),
        internetGateway: resourceReference(gateway),
        subnets: refsOf(),
        publicSubnets: refsOf("Public"),
        privateSubnets: refsOf("Private"),
        isolatedSubnets: refsOf("Isolated"),
        publicSubnetIds: idsOf("Public"),
        privateSubnetIds: idsOf("Private"),
        isolatedSubnetIds: idsOf("Isolated"),
        natGateways: natGateways.map(resourceReference),
        eips: eips.map(resourceReference),
        routes: routes.map(resourceReference),
        routeTables: routeTables.map(resourceReference),
    };
}

const ORDER: Record<SubnetType, number> = { Public: 0, Private: 1, Isolated: 2 };

/**
 * The default subnets of one availability zone of a VPC (generateDefaultSubnets): the zone's block is
 * the VPC's split in a power of two; the private subnet its first half, the public one the first half
 * of the second half.
 */
function defaultLayout(vpcCidr: string, zones: number, zone: number): Array<{ type: SubnetType; name?: string; cidr?: string }> {
    const match = /^(\d+)\.(\d+)\.(\d+)\.(\d+)\/(\d+)$/.exec(vpcCidr);
    if (!match) return [{ type: "Private" }, { type: "Public" }];
    const base = ((Number(match[1]) << 24) | (Number(match[2]) << 16) | (Number(match[3]) << 8) | Number(match[4])) >>> 0;
    const prefix = Number(match[5]);
    const zoneBits = Math.ceil(Math.log2(Math.max(1, zones)));
    const zonePrefix = prefix + zoneBits;
    const zoneSize = 2 ** (32 - zonePrefix);
    const zoneBase = base + zone * zoneSize;
    const text = (address: number, bits: number) => `${[24, 16, 8, 0].map((shift) => (address >>> shift) & 255).join(".")}/${bits}`;
    return [
        { type: "Private", cidr: text(zoneBase, zonePrefix + 1) },
        { type: "Public", cidr: text(zoneBase + zoneSize / 2, zonePrefix + 2) },
    ];
}

/** `awsx:ec2:DefaultVpc` — awsx/ec2/defaultVpc.ts: creates nothing; its outputs describe the default VPC. */
export function defaultVpcComponent(ctx: ModelContext): Record<string, unknown> {
    const vpc = defaultVpc(ctx);
    return { vpcId: vpc.vpcId, publicSubnetIds: vpc.publicSubnetIds, privateSubnetIds: vpc.privateSubnetIds };
}

/** awsx components that create no network resource (repositories, images, trails, task definitions, buckets). */
export const AWSX_WITHOUT_NETWORK = [
    "awsx:ecr:Repository",
    "awsx:ecr:Image",
    "awsx:ecr:RegistryImage",
    "awsx:cloudtrail:Trail",
    "awsx:ecs:FargateTaskDefinition",
    "awsx:ecs:EC2TaskDefinition",
    "awsx:s3:Bucket",
];

/** A traced value as a plain output (the program receives values, not our traces). */
function plain(value: Traced | unknown): unknown {
    return value && typeof value === "object" && "dependencies" in (value as object) && "value" in (value as object) ? (value as Traced).value : value;
}
