/**
 * resources-use-explicit-security-groups: resources AWS would put in the VPC's default group because they
 * name none, and resources that name the default group themselves (through the VPC's
 * defaultSecurityGroupId, or through the network interface they are launched on).
 */
import { StackExample, ref } from "../../kit/examples";
import {
    database,
    dbSg,
    defaultSecurityGroup,
    instance,
    instanceOnInterface,
    lb,
    lbSg,
    networkInterface,
    subnet,
    threeTierBase as base,
    vpcWithManagedDefaultGroup,
    webServer,
    webSg,
} from "../../kit/exampleParts";

const LB = "aws:lb/loadBalancer:LoadBalancer";
const givenTheDefaultGroup = { subnetId: ref("subnet-a"), vpcSecurityGroupIds: [ref("vpc", "defaultSecurityGroupId")] };

export const examples: StackExample[] = [
    {
        // A network load balancer and an instance from a launch template get no default group.
        name: "fail_instance_database_and_load_balancer_that_name_no_group",
        resources: [
            ...base,
            instance("bare-vm", { subnetId: ref("subnet-a") }),
            { type: "aws:rds/instance:Instance", name: "bare-db", props: { engine: "mysql" } },
            { type: LB, name: "bare-alb", props: { subnets: [ref("subnet-a")] } },
            { type: LB, name: "nlb", props: { loadBalancerType: "network", subnets: [ref("subnet-a")] } },
            { type: "aws:ec2/instance:Instance", name: "from-template", props: { launchTemplate: { id: "lt-1" } } },
            webServer([ref("web-sg")]),
            database([ref("db-sg")]),
        ],
        expect: { "bare-vm": "fail", "bare-db": "fail", "bare-alb": "fail" },
    },
    {
        name: "fail_instance_given_the_vpcs_default_group",
        resources: [...base, instance("legacy", givenTheDefaultGroup, "web")],
        expect: { legacy: "fail" },
        messageContains: {
            legacy: ['"legacy" (aws:ec2/instance:Instance) carries the default security group of VPC "vpc" through vpcSecurityGroupIds', "Fix:"],
        },
    },
    {
        // The stack's aws.ec2.DefaultSecurityGroup is the group the VPC's defaultSecurityGroupId names.
        name: "fail_database_given_the_default_group_beside_its_own",
        resources: [
            vpcWithManagedDefaultGroup,
            subnet,
            lbSg,
            webSg,
            dbSg,
            lb,
            defaultSecurityGroup([]),
            database([ref("db-sg"), ref("vpc", "defaultSecurityGroupId")]),
        ],
        expect: { "orders-db": "fail" },
        messageContains: { "orders-db": ['carries the VPC\'s default security group "default-sg" through vpcSecurityGroupIds'] },
    },
    {
        name: "pass_every_resource_names_its_tiers_group",
        resources: [
            ...base,
            defaultSecurityGroup([]),
            instance("web", { subnetId: ref("subnet-a"), vpcSecurityGroupIds: [ref("web-sg")] }, "web"),
            database([ref("db-sg")]),
        ],
        expect: {},
    },

    // --- Instances launched on existing network interfaces -------------------------------------------
    {
        name: "pass_instance_names_its_groups_through_its_interface",
        resources: [
            ...base,
            networkInterface("web-eni", [ref("web-sg")]),
            instanceOnInterface("web", ref("web-eni"), "web"),
            instanceOnInterface("outside", "eni-0outside"),
        ],
        expect: {},
    },
    {
        // The interface is in the default group; the instance on it is not reported a second time.
        name: "fail_interface_without_groups",
        resources: [...base, networkInterface("bare-eni"), instanceOnInterface("web", ref("bare-eni"), "web")],
        expect: { "bare-eni": "fail" },
        messageContains: { "bare-eni": ['"bare-eni" (aws:ec2/networkInterface:NetworkInterface) names no security group'] },
    },
    {
        name: "fail_instance_takes_the_default_group_from_its_interface",
        resources: [...base, networkInterface("legacy-eni", [ref("vpc", "defaultSecurityGroupId")]), instanceOnInterface("legacy", ref("legacy-eni"))],
        expect: { "legacy-eni": "fail", legacy: "fail" },
        messageContains: {
            "legacy-eni": ['carries the default security group of VPC "vpc" through securityGroups'],
            legacy: ['through primaryNetworkInterface.networkInterfaceId → securityGroups of network interface "legacy-eni"'],
        },
    },
];
