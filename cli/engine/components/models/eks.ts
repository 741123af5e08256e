/**
 * Models of `@pulumi/eks` 2.x to 4.x components: the security groups, rules, cluster, launch templates
 * and node groups their provider creates, from their arguments and documented defaults. Learned from
 * pulumi/pulumi-eks (nodejs/eks/cluster.ts, nodegroup.ts, securitygroup.ts up to v3.7.0; cluster/cluster.ts,
 * nodes/nodegroup.ts, nodes/securitygroup.ts from v3.8.0), whose security-group rules are the same in
 * every version; written here, not copied.
 */
import { UNKNOWN } from "../../../../policypack/model/sentinels";
import { ModelContext, ModeledRef, Traced, isResourceRef, resourceReference } from "../modelKit";

export const EKS_SOURCE = "pulumi-eks 2.x–4.x defaults";

/** What a modeled cluster tells the node groups that join it later in the program. */
export interface ClusterFacts {
    clusterSecurityGroup?: ModeledRef;
    nodeSecurityGroup?: ModeledRef;
    clusterIngressRule?: ModeledRef;
    subnetIds: Traced;
    nodeSubnetIds?: Traced;
    vpcId: Traced | string;
    clusterUrn: string;
}

const SG = "aws:ec2/securityGroup:SecurityGroup";
const RULE = "aws:ec2/securityGroupRule:SecurityGroupRule";

/**
 * The node security group and its rules (createNodeGroupSecurityGroup): nodes reach each other on
 * everything, the control plane reaches them on 1025-65535 and 443, they reach the control plane on
 * 443, and they may send anything anywhere. No rule admits traffic from an address range.
 */
function nodeSecurityGroup(
    ctx: ModelContext,
    name: string,
    vpcId: Traced | string,
    clusterGroupId: Traced,
): { group: ModeledRef; clusterIngressRule: ModeledRef } {
    const group = ctx.child(SG, `${name}-nodeSecurityGroup`, { vpcId, revokeRulesOnDelete: true, tags: { Name: `${name}-nodeSecurityGroup` } });
    const groupId = ctx.idOf(group);
    const rule = (ruleName: string, properties: Record<string, unknown>) => ctx.child(RULE, `${name}-${ruleName}`, properties);
    rule("eksNodeIngressRule", {
        type: "ingress",
        description: "Allow nodes to communicate with each other",
        protocol: "-1",
        fromPort: 0,
        toPort: 0,
        securityGroupId: groupId,
        self: true,
    });
    rule("eksNodeClusterIngressRule", {
        type: "ingress",
        description: "Allow worker Kubelets and pods to receive communication from the cluster control plane",
        protocol: "tcp",
        fromPort: 1025,
        toPort: 65535,
        securityGroupId: groupId,
        sourceSecurityGroupId: clusterGroupId,
    });
    rule("eksExtApiServerClusterIngressRule", {
        type: "ingress",
        description: "Allow pods running extension API servers on port 443 to receive communication from cluster control plane",
        protocol: "tcp",
        fromPort: 443,
        toPort: 443,
        securityGroupId: groupId,
        sourceSecurityGroupId: clusterGroupId,
    });
    rule("eksNodeInternetEgressRule", {
        type: "egress",
        description: "Allow internet access.",
        protocol: "-1",
        fromPort: 0,
        toPort: 0,
        cidrBlocks: ["0.0.0.0/0"],
        securityGroupId: groupId,
    });
    const clusterIngressRule = rule("eksClusterIngressRule", {
        type: "ingress",
        description: "Allow pods to communicate with the cluster API Server",
        protocol: "tcp",
        fromPort: 443,
        toPort: 443,
        securityGroupId: clusterGroupId,
        sourceSecurityGroupId: groupId,
    });
    return { group, clusterIngressRule };
}

/** The cluster's subnets and VPC: given, else the default VPC's (every one of its subnets). */
function clusterNetwork(ctx: ModelContext): { vpcId: Traced | string; subnetIds: Traced } {
    const vpcId = ctx.pass("vpcId") ?? String(ctx.dataSource("aws:ec2/getVpc:getVpc", { default: true }).id);
    const subnetIds = ctx.pass("subnetIds");
    if (subnetIds) return { vpcId, subnetIds };
    const publicIds = ctx.pass("publicSubnetIds");
    const privateIds = ctx.pass("privateSubnetIds");
    if (publicIds || privateIds) {
        // A list not known yet (an Output of unknown ids in a preview) makes the whole list unknown.
        const lists = [publicIds?.value, privateIds?.value].filter((list) => list !== undefined);
        const values = lists.every(Array.isArray) ? (lists as unknown[][]).flat() : UNKNOWN;
        return { vpcId, subnetIds: { value: values, dependencies: [...(publicIds?.dependencies ?? []), ...(privateIds?.dependencies ?? [])] } };
    }
    const found = ctx.dataSource("aws:ec2/getSubnets:getSubnets", { filters: [{ name: "vpc-id", values: [typeof vpcId === "string" ? vpcId : vpcId.value] }] });
    return { vpcId, subnetIds: { value: found.ids ?? [], dependencies: [] } };
}

/** The ids of `extraNodeSecurityGroups` (resources); a list not known yet (an Output in a preview) adds an unknown group. */
function extraGroups(ctx: ModelContext, given: unknown, dependencies: string[]): Traced[] {
    if (given === undefined) return [];
    if (!Array.isArray(given)) return [{ value: UNKNOWN, dependencies }];
    return given.filter(isResourceRef).map((ref) => ctx.idOf(ref));
}

/** The major version of a component package the SDK named ("" when it named none: the newest is assumed). */
const majorOf = (version: string) => Number(/^v?(\d+)\./.exec(version)?.[1] ?? "4");

/**
 * A self-managed node group's instances (createNodeGroupV2, and createNodeGroup before 3.0): a launch
 * template (a launch configuration before 3.0) whose network interface takes a public IP unless
 * `nodeAssociatePublicIpAddress` is false, and an auto-scaling group across the worker subnets.
 */
function selfManagedNodes(
    ctx: ModelContext,
    name: string,
    groups: Array<Traced | unknown>,
    subnets: Traced | unknown,
    publicIp: unknown,
    version: string,
): ModeledRef {
    if (majorOf(version) < 3) {
        const configuration = ctx.child("aws:ec2/launchConfiguration:LaunchConfiguration", `${name}-nodeLaunchConfiguration`, {
            associatePublicIpAddress: publicIp,
            securityGroups: groups,
            instanceType: ctx.arg("instanceType") ?? "t2.medium",
            imageId: UNKNOWN,
        });
        return ctx.child("aws:cloudformation/stack:Stack", `${name}-nodes`, {
            templateBody: UNKNOWN,
            tags: {},
            launchConfiguration: ctx.idOf(configuration),
            vpcZoneIdentifier: subnets,
        });
    }
    const template = ctx.child("aws:ec2/launchTemplate:LaunchTemplate", `${name}-launchTemplate`, {
        imageId: UNKNOWN,
        instanceType: ctx.arg("instanceType") ?? "t3.medium",
        networkInterfaces: [{ associatePublicIpAddress: publicIp === UNKNOWN ? UNKNOWN : String(publicIp), securityGroups: groups }],
    });
    return ctx.child("aws:autoscaling/group:Group", name, {
        vpcZoneIdentifiers: subnets,
        launchTemplate: { id: ctx.idOf(template), version: "$Latest" },
        minSize: 1,
        maxSize: 2,
        desiredCapacity: 2,
    });
}

/** `eks:index:Cluster`. */
export function cluster(ctx: ModelContext, remember: (facts: ClusterFacts) => void): Record<string, unknown> {
    const { name } = ctx;
    const version = ctx.component.version;
    const network = clusterNetwork(ctx);
    const givenClusterGroup = ctx.arg("clusterSecurityGroup");
    const autoMode = (ctx.arg("autoMode") as { enabled?: unknown } | undefined)?.enabled === true;
    const skipGroups = majorOf(version) >= 3 && (ctx.arg("skipDefaultSecurityGroups") ?? autoMode) === true;
    const outputs: Record<string, unknown> = {};
    let clusterGroup: ModeledRef | undefined;
    let clusterGroupId: Traced | undefined;
    if (isResourceRef(givenClusterGroup)) {
        clusterGroupId = ctx.idOf(givenClusterGroup);
    } else if (!skipGroups) {
        clusterGroup = ctx.child(SG, `${name}-eksClusterSecurityGroup`, {
            vpcId: network.vpcId,
            revokeRulesOnDelete: true,
            tags: { Name: `${name}-eksClusterSecurityGroup` },
        });
        clusterGroupId = ctx.idOf(clusterGroup);
        ctx.child(RULE, `${name}-eksClusterInternetEgressRule`, {
            type: "egress",
            description: "Allow internet access.",
            protocol: "-1",
            fromPort: 0,
            toPort: 0,
            cidrBlocks: ["0.0.0.0/0"],
            securityGroupId: clusterGroupId,
        });
        outputs.clusterSecurityGroup = resourceReference(clusterGroup);
    }
    const endpointPublicAccess = ctx.pass("endpointPublicAccess");
    const eksCluster = ctx.child("aws:eks/cluster:Cluster", `${name}-eksCluster`, {
        vpcConfig: {
            securityGroupIds: clusterGroupId ? [clusterGroupId] : undefined,
            subnetIds: network.subnetIds,
            endpointPrivateAccess: ctx.pass("endpointPrivateAccess"),
            endpointPublicAccess,
            publicAccessCidrs: ctx.pass("publicAccessCidrs"),
        },
    });
    outputs.eksCluster = resourceReference(eksCluster);
    // The EKS-managed group stands in when the component made none (skipDefaultSecurityGroups).
    const controlPlaneGroupId = clusterGroupId ?? { value: UNKNOWN, dependencies: [eksCluster.urn] };
    const skipNodes = ctx.arg("skipDefaultNodeGroup") === true || ctx.arg("fargate") !== undefined || autoMode;
    let nodeGroup: { group: ModeledRef; clusterIngressRule: ModeledRef } | undefined;
    if (!skipGroups || !skipNodes) {
        nodeGroup = nodeSecurityGroup(ctx, name, network.vpcId, controlPlaneGroupId);
        outputs.nodeSecurityGroup = resourceReference(nodeGroup.group);
        outputs.eksClusterIngressRule = resourceReference(nodeGroup.clusterIngressRule);
    }
    // `nodeGroupOptions` and the same options on the cluster itself exclude each other (cluster/cluster.ts).
    const options = (ctx.arg("nodeGroupOptions") as Record<string, unknown> | undefined) ?? {};
    const passedOptions = ctx.pass("nodeGroupOptions");
    const optionsDependencies = passedOptions?.dependencies ?? [];
    const optionSubnets = (passedOptions?.value as Record<string, unknown> | undefined)?.nodeSubnetIds;
    const nodeSubnetIds = ctx.pass("nodeSubnetIds") ?? (optionSubnets !== undefined ? { value: optionSubnets, dependencies: optionsDependencies } : undefined);
    if (!skipNodes && nodeGroup) {
        const publicIp = options.nodeAssociatePublicIpAddress ?? ctx.arg("nodeAssociatePublicIpAddress") ?? true;
        const extra = extraGroups(ctx, options.extraNodeSecurityGroups, optionsDependencies);
        const nodes = selfManagedNodes(ctx, name, [ctx.idOf(nodeGroup.group), ...extra], nodeSubnetIds ?? network.subnetIds, publicIp, version);
        outputs.defaultNodeGroup = { nodeSecurityGroup: resourceReference(nodeGroup.group), autoScalingGroup: resourceReference(nodes) };
    }
    remember({
        clusterSecurityGroup: clusterGroup,
        nodeSecurityGroup: nodeGroup?.group,
        clusterIngressRule: nodeGroup?.clusterIngressRule,
        subnetIds: network.subnetIds,
        nodeSubnetIds,
        vpcId: network.vpcId,
        clusterUrn: ctx.component.urn,
    });
    return outputs;
}

/** The cluster a node group joins: the modeled one the program passed, else unknown. */
function joinedCluster(ctx: ModelContext, recall: (urn: string) => ClusterFacts | undefined): ClusterFacts | undefined {
    const given = ctx.arg("cluster");
    return isResourceRef(given) ? recall(given.urn) : undefined;
}

/** `eks:index:NodeGroupV2` and `eks:index:NodeGroup`. */
export function nodeGroup(ctx: ModelContext, recall: (urn: string) => ClusterFacts | undefined): Record<string, unknown> {
    const { name } = ctx;
    const joined = joinedCluster(ctx, recall);
    const outputs: Record<string, unknown> = {};
    let groupId: Traced | undefined;
    const givenGroup = ctx.arg("nodeSecurityGroup");
    if (isResourceRef(givenGroup)) groupId = ctx.idOf(givenGroup);
    else if (ctx.pass("nodeSecurityGroupId")) groupId = ctx.pass("nodeSecurityGroupId")!;
    else {
        const controlPlane = joined?.clusterSecurityGroup
            ? ctx.idOf(joined.clusterSecurityGroup)
            : { value: UNKNOWN, dependencies: joined ? [joined.clusterUrn] : [] };
        const made = nodeSecurityGroup(ctx, name, joined?.vpcId ?? UNKNOWN, controlPlane);
        groupId = ctx.idOf(made.group);
        outputs.nodeSecurityGroup = resourceReference(made.group);
    }
    const extra = extraGroups(ctx, ctx.arg("extraNodeSecurityGroups"), ctx.pass("extraNodeSecurityGroups")?.dependencies ?? []);
    const subnets = ctx.pass("nodeSubnetIds") ?? joined?.nodeSubnetIds ?? joined?.subnetIds ?? UNKNOWN;
    const nodes = selfManagedNodes(ctx, name, [groupId, ...extra], subnets, ctx.arg("nodeAssociatePublicIpAddress") ?? true, ctx.component.version);
    outputs[majorOf(ctx.component.version) < 3 && ctx.component.type === "eks:index:NodeGroup" ? "cfnStack" : "autoScalingGroup"] = resourceReference(nodes);
    return outputs;
}

/**
 * `eks:index:ManagedNodeGroup`: no security group of its own; by default every subnet of the cluster,
 * public ones included. With `remoteAccess.ec2SshKey` and no `sourceSecurityGroupIds`, AWS itself adds
 * a group opening SSH to 0.0.0.0/0 (EKS documentation): modeled as that group.
 */
export function managedNodeGroup(ctx: ModelContext, recall: (urn: string) => ClusterFacts | undefined): Record<string, unknown> {
    const { name } = ctx;
    const joined = joinedCluster(ctx, recall);
    const args: Record<string, unknown> = ctx.passAllBut([
        "cluster",
        "kubeletExtraArgs",
        "bootstrapExtraArgs",
        "enableIMDSv2",
        "amiId",
        "userData",
        "operatingSystem",
        "gpu",
        "enableEfaSupport",
        "placementGroupAvailabilityZone",
        "nodeRoleArn",
        "nodeRole",
    ]);
    const nodes = ctx.child("aws:eks/nodeGroup:NodeGroup", name, {
        ...args,
        subnetIds: ctx.pass("subnetIds") ?? joined?.subnetIds ?? UNKNOWN,
        scalingConfig: ctx.pass("scalingConfig") ?? { desiredSize: 2, minSize: 1, maxSize: 2 },
    });
    const remoteAccess = ctx.arg("remoteAccess") as { ec2SshKey?: unknown; sourceSecurityGroupIds?: unknown } | undefined;
    if (remoteAccess?.ec2SshKey !== undefined && remoteAccess.sourceSecurityGroupIds === undefined) {
        ctx.child(SG, `${name}-remoteAccess`, {
            description: "EKS created security group applied to ENI that is attached to EKS Control Plane master nodes, as well as any managed workloads.",
            vpcId: joined?.vpcId ?? UNKNOWN,
            ingress: [
                { protocol: "tcp", fromPort: 22, toPort: 22, cidrBlocks: ["0.0.0.0/0"], description: "SSH (remoteAccess without sourceSecurityGroupIds)" },
            ],
            egress: [],
        });
    }
    return { nodeGroup: resourceReference(nodes) };
}
