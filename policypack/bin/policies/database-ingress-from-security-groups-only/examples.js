"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.examples = void 0;
/** database-ingress-from-security-groups-only: a database port reached from an address range (private ones too) rather than a security group. */
const examples_1 = require("../../kit/examples");
const exampleParts_1 = require("../../kit/exampleParts");
const SG = "aws:ec2/securityGroup:SecurityGroup";
const fromVpn = (0, exampleParts_1.groupWithIngress)((0, exampleParts_1.tcp)(5432, { cidrBlocks: ["10.8.1.0/24"] }));
const fromUnknownCidr = (0, exampleParts_1.groupWithIngress)((0, exampleParts_1.tcp)(5432, { cidrBlocks: [examples_1.UNKNOWN] }));
exports.examples = [
    {
        name: "fail_database_ports_from_private_ranges",
        type: SG,
        props: (0, exampleParts_1.groupWithIngress)((0, exampleParts_1.tcp)(5432, { cidrBlocks: ["10.0.1.0/24"] }), (0, exampleParts_1.tcp)(3306, { ipv6CidrBlocks: ["fd00::/8"] })),
        expect: "fail",
        messageContains: [
            "fail_database_ports_from_private_ranges ingress[0] allows TCP port 5432 from 10.0.1.0/24: PostgreSQL (5432) reachable from an address range",
            "ingress[1] allows TCP port 3306",
        ],
    },
    {
        // The engine's two modes of one program: the group id and the ports come from other resources' outputs.
        name: "fail_mysql_from_the_app_subnet_on_computed_ports",
        type: "aws:ec2/securityGroupRule:SecurityGroupRule",
        props: {
            type: "ingress",
            securityGroupId: (0, examples_1.computed)("sg-0db"),
            protocol: "tcp",
            fromPort: (0, examples_1.computed)(3306),
            toPort: (0, examples_1.computed)(3306),
            cidrBlocks: ["10.0.1.0/24"],
            description: "app subnet",
        },
        expect: { update: "fail", preview: "cannot verify" },
    },
    {
        name: "fail_all_protocols_from_a_private_range",
        type: SG,
        props: (0, exampleParts_1.groupWithIngress)({ protocol: "-1", fromPort: 0, toPort: 0, cidrBlocks: ["10.0.0.0/8"] }),
        expect: "fail",
    },
    {
        name: "pass_security_group_self_and_prefix_list",
        type: SG,
        props: (0, exampleParts_1.groupWithIngress)((0, exampleParts_1.tcp)(5432, { securityGroups: ["sg-app"] }), (0, exampleParts_1.tcp)(5432, { self: true }), (0, exampleParts_1.tcp)(5432, { prefixListIds: ["pl-1"] })),
        expect: "pass",
    },
    {
        name: "pass_unknown_group_reference",
        type: "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule",
        props: { ipProtocol: "tcp", fromPort: 5432, toPort: 5432, referencedSecurityGroupId: examples_1.UNKNOWN },
        expect: "pass",
    },
    { name: "pass_other_ports_from_a_range", type: SG, props: (0, exampleParts_1.groupWithIngress)((0, exampleParts_1.tcp)(443, { cidrBlocks: ["10.0.0.0/8"] })), expect: "pass" },
    // --- allowedCidrs --------------------------------------------------------------------------------
    { name: "pass_range_inside_allowed_cidrs", type: SG, props: fromVpn, config: { allowedCidrs: ["10.8.0.0/16"] }, expect: "pass" },
    { name: "fail_range_outside_allowed_cidrs", type: SG, props: fromVpn, config: { allowedCidrs: ["10.9.0.0/16"] }, expect: "fail" },
    // An unknown CIDR is a CIDR all the same, unless an allow-list makes its value matter.
    { name: "fail_unknown_cidr_is_still_a_cidr", type: SG, props: fromUnknownCidr, expect: "fail" },
    {
        name: "cannot_verify_unknown_cidr_against_allowed_cidrs",
        type: SG,
        props: fromUnknownCidr,
        config: { allowedCidrs: ["10.0.0.0/8"] },
        expect: "cannot verify",
    },
];
