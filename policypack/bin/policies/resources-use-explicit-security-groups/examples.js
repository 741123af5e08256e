"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.examples = void 0;
/**
 * resources-use-explicit-security-groups: resources AWS would put in the VPC's default group because they
 * name none, and resources that name the default group themselves (through the VPC's
 * defaultSecurityGroupId, or through the network interface they are launched on).
 */
const examples_1 = require("../../kit/examples");
const exampleParts_1 = require("../../kit/exampleParts");
const LB = "aws:lb/loadBalancer:LoadBalancer";
const givenTheDefaultGroup = { subnetId: (0, examples_1.ref)("subnet-a"), vpcSecurityGroupIds: [(0, examples_1.ref)("vpc", "defaultSecurityGroupId")] };
exports.examples = [
    {
        // A network load balancer and an instance from a launch template get no default group.
        name: "fail_instance_database_and_load_balancer_that_name_no_group",
        resources: [
            ...exampleParts_1.threeTierBase,
            (0, exampleParts_1.instance)("bare-vm", { subnetId: (0, examples_1.ref)("subnet-a") }),
            { type: "aws:rds/instance:Instance", name: "bare-db", props: { engine: "mysql" } },
            { type: LB, name: "bare-alb", props: { subnets: [(0, examples_1.ref)("subnet-a")] } },
            { type: LB, name: "nlb", props: { loadBalancerType: "network", subnets: [(0, examples_1.ref)("subnet-a")] } },
            { type: "aws:ec2/instance:Instance", name: "from-template", props: { launchTemplate: { id: "lt-1" } } },
            (0, exampleParts_1.webServer)([(0, examples_1.ref)("web-sg")]),
            (0, exampleParts_1.database)([(0, examples_1.ref)("db-sg")]),
        ],
        expect: { "bare-vm": "fail", "bare-db": "fail", "bare-alb": "fail" },
    },
    {
        name: "fail_instance_given_the_vpcs_default_group",
        resources: [...exampleParts_1.threeTierBase, (0, exampleParts_1.instance)("legacy", givenTheDefaultGroup, "web")],
        expect: { legacy: "fail" },
        messageContains: {
            legacy: ['"legacy" (aws:ec2/instance:Instance) carries the default security group of VPC "vpc" through vpcSecurityGroupIds', "Fix:"],
        },
    },
    {
        // The stack's aws.ec2.DefaultSecurityGroup is the group the VPC's defaultSecurityGroupId names.
        name: "fail_database_given_the_default_group_beside_its_own",
        resources: [
            exampleParts_1.vpcWithManagedDefaultGroup,
            exampleParts_1.subnet,
            exampleParts_1.lbSg,
            exampleParts_1.webSg,
            exampleParts_1.dbSg,
            exampleParts_1.lb,
            (0, exampleParts_1.defaultSecurityGroup)([]),
            (0, exampleParts_1.database)([(0, examples_1.ref)("db-sg"), (0, examples_1.ref)("vpc", "defaultSecurityGroupId")]),
        ],
        expect: { "orders-db": "fail" },
        messageContains: { "orders-db": ['carries the VPC\'s default security group "default-sg" through vpcSecurityGroupIds'] },
    },
    {
        name: "pass_every_resource_names_its_tiers_group",
        resources: [
            ...exampleParts_1.threeTierBase,
            (0, exampleParts_1.defaultSecurityGroup)([]),
            (0, exampleParts_1.instance)("web", { subnetId: (0, examples_1.ref)("subnet-a"), vpcSecurityGroupIds: [(0, examples_1.ref)("web-sg")] }, "web"),
            (0, exampleParts_1.database)([(0, examples_1.ref)("db-sg")]),
        ],
        expect: {},
    },
    // --- Instances launched on existing network interfaces -------------------------------------------
    {
        name: "pass_instance_names_its_groups_through_its_interface",
        resources: [
            ...exampleParts_1.threeTierBase,
            (0, exampleParts_1.networkInterface)("web-eni", [(0, examples_1.ref)("web-sg")]),
            (0, exampleParts_1.instanceOnInterface)("web", (0, examples_1.ref)("web-eni"), "web"),
            (0, exampleParts_1.instanceOnInterface)("outside", "eni-0outside"),
        ],
        expect: {},
    },
    {
        // The interface is in the default group; the instance on it is not reported a second time.
        name: "fail_interface_without_groups",
        resources: [...exampleParts_1.threeTierBase, (0, exampleParts_1.networkInterface)("bare-eni"), (0, exampleParts_1.instanceOnInterface)("web", (0, examples_1.ref)("bare-eni"), "web")],
        expect: { "bare-eni": "fail" },
        messageContains: { "bare-eni": ['"bare-eni" (aws:ec2/networkInterface:NetworkInterface) names no security group'] },
    },
    {
        name: "fail_instance_takes_the_default_group_from_its_interface",
        resources: [...exampleParts_1.threeTierBase, (0, exampleParts_1.networkInterface)("legacy-eni", [(0, examples_1.ref)("vpc", "defaultSecurityGroupId")]), (0, exampleParts_1.instanceOnInterface)("legacy", (0, examples_1.ref)("legacy-eni"))],
        expect: { "legacy-eni": "fail", legacy: "fail" },
        messageContains: {
            "legacy-eni": ['carries the default security group of VPC "vpc" through securityGroups'],
            legacy: ['through primaryNetworkInterface.networkInterfaceId → securityGroups of network interface "legacy-eni"'],
        },
    },
];
