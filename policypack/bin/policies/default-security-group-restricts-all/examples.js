"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.examples = void 0;
/** default-security-group-restricts-all: a VPC's default security group, managed with no rules. */
const examples_1 = require("../../kit/examples");
const exampleParts_1 = require("../../kit/exampleParts");
const DEFAULT_SG = "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup";
exports.examples = [
    {
        name: "fail_default_group_keeps_aws_rules",
        type: DEFAULT_SG,
        props: {
            vpcId: "vpc-1",
            ingress: [{ protocol: "-1", fromPort: 0, toPort: 0, self: true }],
            egress: [{ protocol: "-1", fromPort: 0, toPort: 0, cidrBlocks: ["0.0.0.0/0"] }],
        },
        expect: "fail",
        messageContains: ["keeps 2 rules"],
    },
    {
        // The engine's two modes of one program: the rule list is computed from other resources' outputs.
        name: "fail_default_group_with_computed_rules",
        type: DEFAULT_SG,
        props: { vpcId: (0, examples_1.computed)("vpc-0abc"), ingress: (0, examples_1.computed)([{ protocol: "-1", fromPort: 0, toPort: 0, self: true, description: "default" }]) },
        expect: { update: "fail", preview: "cannot verify" },
    },
    { name: "fail_default_group_with_a_private_egress_rule", type: DEFAULT_SG, props: { egress: [(0, exampleParts_1.tcp)(443, { cidrBlocks: ["10.0.0.0/8"] })] }, expect: "fail" },
    { name: "pass_default_group_without_rules", type: DEFAULT_SG, props: { vpcId: "vpc-1" }, expect: "pass" },
    { name: "pass_default_group_with_empty_rule_lists", type: DEFAULT_SG, props: { vpcId: "vpc-1", ingress: [], egress: [] }, expect: "pass" },
    {
        name: "pass_other_groups_are_not_judged",
        type: "aws:ec2/securityGroup:SecurityGroup",
        props: { ingress: [(0, exampleParts_1.tcp)(443, { cidrBlocks: ["10.0.0.0/8"] })] },
        expect: "pass",
    },
    { name: "cannot_verify_unknown_rule_list", type: DEFAULT_SG, props: { ingress: examples_1.UNKNOWN }, expect: "cannot verify" },
];
