"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.SUBNET_GROUP_TYPES = exports.CARRIERS = exports.TIER_TAG = exports.TIER_PROTECTION = exports.TIERS = void 0;
exports.valuesAt = valuesAt;
/**
 * Resources that carry security groups: where each type keeps its group references and subnets,
 * what tier it is when nothing says otherwise, and whether AWS puts it in the VPC's default group
 * when it names none. Paths are property paths; "*" walks every element of a list.
 */
const propertyReaders_1 = require("../model/propertyReaders");
exports.TIERS = ["public", "web", "app", "data"];
/** Most protected first: when a resource's groups disagree, the first of these wins. */
exports.TIER_PROTECTION = ["data", "app", "web", "public"];
exports.TIER_TAG = "tierguard:tier";
const data = () => "data";
const always = () => true;
const internetFacing = (internalField, internalValue) => (props) => (0, propertyReaders_1.field)(props, internalField) === internalValue ? undefined : "public";
const hasField = (...path) => (props) => (0, propertyReaders_1.fieldAt)(props, path) !== undefined;
const instance = {
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
    defaultGroupWhenNone: (props) => ["launchTemplate", "networkInterfaces", "primaryNetworkInterface"].every((key) => (0, propertyReaders_1.field)(props, key) === undefined),
};
const loadBalancer = {
    groups: [["securityGroups"]],
    subnets: [["subnets"], ["subnetMappings", "*", "subnetId"]],
    inferTier: internetFacing("internal", true),
    // Network and gateway load balancers may have no group; application load balancers get the default one.
    defaultGroupWhenNone: (props) => ((0, propertyReaders_1.field)(props, "loadBalancerType") ?? "application") === "application",
};
exports.CARRIERS = new Map([
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
exports.SUBNET_GROUP_TYPES = new Set([...exports.CARRIERS.values()].flatMap((spec) => (spec.subnetGroup ? [spec.subnetGroup[1]] : [])));
/**
 * The values at a path, with the top-level property they came from (what propertyDependencies
 * are keyed by). An unknown anywhere on the way yields the unknown itself.
 */
function valuesAt(props, path) {
    let current = [props];
    for (const key of path) {
        const next = [];
        for (const value of current) {
            if ((0, propertyReaders_1.isUnknown)(value))
                next.push(value);
            else if (key === "*") {
                if (Array.isArray(value))
                    next.push(...value);
            }
            else {
                const inner = (0, propertyReaders_1.field)(value, key);
                if (inner === undefined)
                    continue;
                if (Array.isArray(inner) && path[path.length - 1] === key)
                    next.push(...inner);
                else
                    next.push(inner);
            }
        }
        current = next;
    }
    return current;
}
