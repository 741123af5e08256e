/**
 * Resources that carry security groups: where each type keeps its group references and subnets,
 * what tier it is when nothing says otherwise, and whether AWS puts it in the VPC's default group
 * when it names none. Paths are property paths; "*" walks every element of a list.
 */
import { field, fieldAt, isUnknown } from "../model/propertyReaders";

export type Tier = "public" | "web" | "app" | "data";
export const TIERS: readonly Tier[] = ["public", "web", "app", "data"];
/** Most protected first: when a resource's groups disagree, the first of these wins. */
export const TIER_PROTECTION: readonly Tier[] = ["data", "app", "web", "public"];
export const TIER_TAG = "tierguard:tier";

export interface CarrierSpec {
    /** Paths of properties holding security-group ids (or names). */
    groups: string[][];
    /** Paths of properties holding subnet ids. */
    subnets?: string[][];
    /**
     * Paths of properties naming existing network interfaces (by id) the resource is launched on: it
     * takes their security groups and sits in their subnets.
     */
    interfaces?: string[][];
    /** A network interface: other resources may be launched on it (see `interfaces`). */
    networkInterface?: boolean;
    /**
     * Paths of properties naming the launch template the resource's instances are launched from, by id
     * or by name: they take its security groups when they name none, its interfaces' subnets when they
     * name none, and its interfaces' public-address settings (network/graph.ts joinLaunchTemplates).
     */
    launchedFrom?: Array<{ path: string[]; by: "id" | "name" }>;
    /** A launch template: other resources are launched from it (see `launchedFrom`). */
    launchTemplate?: boolean;
    /** A subnet group (by name) whose subnets the resource sits in: [property, subnet-group type]. */
    subnetGroup?: [string, string];
    /** A cluster whose members carry its groups and sit in its subnets: the property holding its identifier. */
    clusterIdentifier?: string;
    /** A member of such a cluster: the property naming the cluster. */
    memberOfCluster?: string;
    /** The tier when neither the resource nor its groups are tagged. */
    inferTier?: (props: unknown) => Tier | undefined;
    /** When AWS falls back to the default group if no group is named (for resources-use-explicit-security-groups). */
    defaultGroupWhenNone?: (props: unknown) => boolean;
}

const data = () => "data" as const;
const always = () => true;
const internetFacing = (internalField: string, internalValue: unknown) => (props: unknown) =>
    field(props, internalField) === internalValue ? undefined : ("public" as const);
const hasField =
    (...path: string[]) =>
    (props: unknown) =>
        fieldAt(props, path) !== undefined;

const instance: CarrierSpec = {
    groups: [["vpcSecurityGroupIds"], ["securityGroups"]],
    subnets: [["subnetId"]],
    interfaces: [
        ["primaryNetworkInterface", "networkInterfaceId"],
        ["networkInterfaces", "*", "networkInterfaceId"],
    ],
    launchedFrom: [
        { path: ["launchTemplate", "id"], by: "id" },
        { path: ["launchTemplate", "name"], by: "name" },
    ],
    // An instance launched from a template or onto existing interfaces gets its groups from them.
    defaultGroupWhenNone: (props) => ["launchTemplate", "networkInterfaces", "primaryNetworkInterface"].every((key) => field(props, key) === undefined),
};
const loadBalancer: CarrierSpec = {
    groups: [["securityGroups"]],
    subnets: [["subnets"], ["subnetMappings", "*", "subnetId"]],
    inferTier: internetFacing("internal", true),
    // Network and gateway load balancers may have no group; application load balancers get the default one.
    defaultGroupWhenNone: (props) => (field(props, "loadBalancerType") ?? "application") === "application",
};

export const CARRIERS: ReadonlyMap<string, CarrierSpec> = new Map<string, CarrierSpec>([
    ["aws:ec2/instance:Instance", instance],
    [
        "aws:ec2/launchTemplate:LaunchTemplate",
        {
            groups: [["vpcSecurityGroupIds"], ["securityGroupNames"], ["networkInterfaces", "*", "securityGroups"]],
            subnets: [["networkInterfaces", "*", "subnetId"]],
            interfaces: [["networkInterfaces", "*", "networkInterfaceId"]],
            launchTemplate: true,
            defaultGroupWhenNone: always,
        },
    ],
    // The instances of an auto-scaling group: the template's groups, the group's subnets (vpcZoneIdentifiers).
    [
        "aws:autoscaling/group:Group",
        {
            groups: [],
            subnets: [["vpcZoneIdentifiers"]],
            launchedFrom: [
                { path: ["launchTemplate", "id"], by: "id" },
                { path: ["launchTemplate", "name"], by: "name" },
                { path: ["mixedInstancesPolicy", "launchTemplate", "launchTemplateSpecification", "launchTemplateId"], by: "id" },
                { path: ["mixedInstancesPolicy", "launchTemplate", "launchTemplateSpecification", "launchTemplateName"], by: "name" },
            ],
        },
    ],
    // AWS gives an interface created without groups the VPC's default group.
    [
        "aws:ec2/networkInterface:NetworkInterface",
        { groups: [["securityGroups"]], subnets: [["subnetId"]], networkInterface: true, defaultGroupWhenNone: always },
    ],
    ["aws:lb/loadBalancer:LoadBalancer", loadBalancer],
    ["aws:alb/loadBalancer:LoadBalancer", loadBalancer],
    [
        "aws:rds/instance:Instance",
        {
            groups: [["vpcSecurityGroupIds"]],
            subnetGroup: ["dbSubnetGroupName", "aws:rds/subnetGroup:SubnetGroup"],
            inferTier: data,
            defaultGroupWhenNone: always,
        },
    ],
    [
        "aws:rds/cluster:Cluster",
        {
            groups: [["vpcSecurityGroupIds"]],
            subnetGroup: ["dbSubnetGroupName", "aws:rds/subnetGroup:SubnetGroup"],
            clusterIdentifier: "clusterIdentifier",
            inferTier: data,
            defaultGroupWhenNone: always,
        },
    ],
    ["aws:rds/clusterInstance:ClusterInstance", { groups: [], memberOfCluster: "clusterIdentifier", inferTier: data }],
    [
        "aws:elasticache/cluster:Cluster",
        {
            groups: [["securityGroupIds"]],
            subnetGroup: ["subnetGroupName", "aws:elasticache/subnetGroup:SubnetGroup"],
            inferTier: data,
            defaultGroupWhenNone: always,
        },
    ],
    [
        "aws:elasticache/replicationGroup:ReplicationGroup",
        {
            groups: [["securityGroupIds"]],
            subnetGroup: ["subnetGroupName", "aws:elasticache/subnetGroup:SubnetGroup"],
            inferTier: data,
            defaultGroupWhenNone: always,
        },
    ],
    ["aws:redshift/cluster:Cluster", { groups: [["vpcSecurityGroupIds"]], inferTier: data, defaultGroupWhenNone: always }],
    [
        "aws:ecs/service:Service",
        {
            groups: [["networkConfiguration", "securityGroups"]],
            subnets: [["networkConfiguration", "subnets"]],
            defaultGroupWhenNone: hasField("networkConfiguration"),
        },
    ],
    [
        "aws:lambda/function:Function",
        { groups: [["vpcConfig", "securityGroupIds"]], subnets: [["vpcConfig", "subnetIds"]], defaultGroupWhenNone: hasField("vpcConfig") },
    ],
    [
        "aws:opensearch/domain:Domain",
        { groups: [["vpcOptions", "securityGroupIds"]], subnets: [["vpcOptions", "subnetIds"]], inferTier: data, defaultGroupWhenNone: hasField("vpcOptions") },
    ],
    ["aws:docdb/cluster:Cluster", { groups: [["vpcSecurityGroupIds"]], inferTier: data }],
    ["aws:neptune/cluster:Cluster", { groups: [["vpcSecurityGroupIds"]], inferTier: data }],
    ["aws:memorydb/cluster:Cluster", { groups: [["securityGroupIds"]], inferTier: data }],
    [
        "aws-native:ec2:Instance",
        {
            groups: [["securityGroupIds"], ["securityGroups"], ["networkInterfaces", "*", "groupSet"]],
            subnets: [["subnetId"], ["networkInterfaces", "*", "subnetId"]],
            interfaces: [["networkInterfaces", "*", "networkInterfaceId"]],
        },
    ],
    ["aws-native:ec2:NetworkInterface", { groups: [["groupSet"]], subnets: [["subnetId"]], networkInterface: true }],
    [
        "aws-native:elasticloadbalancingv2:LoadBalancer",
        { groups: [["securityGroups"]], subnets: [["subnets"], ["subnetMappings", "*", "subnetId"]], inferTier: internetFacing("scheme", "internal") },
    ],
    ["aws-native:rds:DbInstance", { groups: [["vpcSecurityGroups"]], inferTier: data }],
    ["aws-native:rds:DbCluster", { groups: [["vpcSecurityGroupIds"]], inferTier: data }],
    ["aws-native:neptune:DbCluster", { groups: [["vpcSecurityGroupIds"]], inferTier: data }],
    ["aws-native:elasticache:CacheCluster", { groups: [["vpcSecurityGroupIds"]], inferTier: data }],
    ["aws-native:elasticache:ReplicationGroup", { groups: [["securityGroupIds"]], inferTier: data }],
    ["aws-native:redshift:Cluster", { groups: [["vpcSecurityGroupIds"]], inferTier: data }],
    ["aws-native:lambda:Function", { groups: [["vpcConfig", "securityGroupIds"]], subnets: [["vpcConfig", "subnetIds"]] }],
    [
        "aws-native:ecs:Service",
        { groups: [["networkConfiguration", "awsvpcConfiguration", "securityGroups"]], subnets: [["networkConfiguration", "awsvpcConfiguration", "subnets"]] },
    ],
    ["aws-native:opensearchservice:Domain", { groups: [["vpcOptions", "securityGroupIds"]], subnets: [["vpcOptions", "subnetIds"]], inferTier: data }],
    ["aws-native:memorydb:Cluster", { groups: [["securityGroupIds"]], inferTier: data }],
    // Tokens of aws-native releases before August 2023 (initialisms were renamed: DBInstance → DbInstance).
    ["aws-native:rds:DBInstance", { groups: [["vpcSecurityGroups"]], inferTier: data }],
    ["aws-native:rds:DBCluster", { groups: [["vpcSecurityGroupIds"]], inferTier: data }],
    ["aws-native:docdb:DBCluster", { groups: [["vpcSecurityGroupIds"]], inferTier: data }],
    ["aws-native:neptune:DBCluster", { groups: [["vpcSecurityGroupIds"]], inferTier: data }],
]);

/** The subnet-group types carriers name (RDS, ElastiCache). */
export const SUBNET_GROUP_TYPES: ReadonlySet<string> = new Set([...CARRIERS.values()].flatMap((spec) => (spec.subnetGroup ? [spec.subnetGroup[1]] : [])));

/**
 * The values at a path, with the top-level property they came from (what propertyDependencies
 * are keyed by). An unknown anywhere on the way yields the unknown itself.
 */
export function valuesAt(props: unknown, path: string[]): unknown[] {
    let current: unknown[] = [props];
    for (const key of path) {
        const next: unknown[] = [];
        for (const value of current) {
            if (isUnknown(value)) next.push(value);
            else if (key === "*") {
                if (Array.isArray(value)) next.push(...value);
            } else {
                const inner = field(value, key);
                if (inner === undefined) continue;
                if (Array.isArray(inner) && path[path.length - 1] === key) next.push(...inner);
                else next.push(inner);
            }
        }
        current = next;
    }
    return current;
}
