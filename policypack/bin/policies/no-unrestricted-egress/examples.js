"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.examples = void 0;
/** no-unrestricted-egress: egress to the internet beyond the allow-list (by default TCP 443), allow-all egress, and AWS's own default. */
const examples_1 = require("../../kit/examples");
const exampleParts_1 = require("../../kit/exampleParts");
const SG = "aws:ec2/securityGroup:SecurityGroup";
const NATIVE_SG = "aws-native:ec2:SecurityGroup";
const ANYWHERE = { cidrBlocks: ["0.0.0.0/0"] };
const dns = { egress: [{ protocol: "udp", fromPort: 53, toPort: 53, ...ANYWHERE }] };
exports.examples = [
    {
        name: "fail_allow_all_egress",
        type: SG,
        props: { egress: [{ protocol: "-1", fromPort: 0, toPort: 0, cidrBlocks: ["0.0.0.0/0"], description: "all" }] },
        expect: "fail",
        messageContains: ["allow-all egress", "the rule AWS creates by default"],
    },
    {
        // The engine's two modes of one program: the CIDR comes from another resource's output.
        name: "fail_allow_all_egress_to_a_computed_cidr",
        type: SG,
        props: { vpcId: (0, examples_1.computed)("vpc-0abc"), egress: [{ protocol: "-1", fromPort: 0, toPort: 0, cidrBlocks: [(0, examples_1.computed)("0.0.0.0/0")], description: "all" }] },
        expect: { update: "fail", preview: "cannot verify" },
    },
    {
        name: "pass_https_out_and_anything_to_private_ranges_and_groups",
        type: SG,
        props: {
            egress: [
                (0, exampleParts_1.tcp)(443, { cidrBlocks: ["0.0.0.0/0"], ipv6CidrBlocks: ["::/0"] }),
                (0, exampleParts_1.tcp)(5432, { securityGroups: ["sg-db"] }),
                { protocol: "-1", fromPort: 0, toPort: 0, cidrBlocks: ["10.0.0.0/8"] },
            ],
        },
        expect: "pass",
    },
    { name: "fail_http_out", type: SG, props: { egress: [(0, exampleParts_1.tcp)(80, ANYWHERE)] }, expect: "fail" },
    { name: "fail_dns_over_udp", type: SG, props: dns, expect: "fail" },
    { name: "pass_dns_over_udp_when_allowed", type: SG, props: dns, config: { allowedUdpPorts: [53] }, expect: "pass" },
    { name: "pass_classic_group_without_egress", type: SG, props: { description: "x" }, expect: "pass" },
    // --- aws-native groups keep AWS's default allow-all unless they declare egress -------------------
    {
        name: "fail_native_group_without_egress",
        type: NATIVE_SG,
        props: { groupDescription: "x", securityGroupIngress: [] },
        expect: "fail",
        messageContains: ["declares no securityGroupEgress"],
    },
    { name: "fail_native_group_with_empty_egress", type: NATIVE_SG, props: { groupDescription: "x", securityGroupEgress: [] }, expect: "fail" },
    {
        name: "pass_native_group_with_https_egress",
        type: NATIVE_SG,
        props: { securityGroupEgress: [{ ipProtocol: "tcp", fromPort: 443, toPort: 443, cidrIp: "0.0.0.0/0" }] },
        expect: "pass",
    },
    { name: "cannot_verify_native_group_with_unknown_egress", type: NATIVE_SG, props: { securityGroupEgress: examples_1.UNKNOWN }, expect: "cannot verify" },
    // --- Standalone egress rules of every family -----------------------------------------------------
    {
        name: "fail_security_group_rule_all_to_ipv6",
        type: "aws:ec2/securityGroupRule:SecurityGroupRule",
        props: { type: "egress", protocol: "all", fromPort: 0, toPort: 0, ipv6CidrBlocks: ["::/0"] },
        expect: "fail",
    },
    {
        name: "fail_vpc_egress_rule_all",
        type: "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule",
        props: { ipProtocol: "-1", cidrIpv4: "0.0.0.0/0" },
        expect: "fail",
    },
    { name: "fail_native_egress_all", type: "aws-native:ec2:SecurityGroupEgress", props: { ipProtocol: "-1", cidrIp: "0.0.0.0/0" }, expect: "fail" },
    {
        name: "pass_ingress_rule_is_not_egress",
        type: "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule",
        props: { ipProtocol: "-1", cidrIpv4: "0.0.0.0/0" },
        expect: "pass",
    },
];
