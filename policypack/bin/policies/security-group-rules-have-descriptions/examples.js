"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.examples = void 0;
/** security-group-rules-have-descriptions: every rule a program writes, inline or standalone, says why it exists. */
const examples_1 = require("../../kit/examples");
const exampleParts_1 = require("../../kit/exampleParts");
const ANYWHERE = { cidrBlocks: ["0.0.0.0/0"] };
exports.examples = [
    {
        name: "fail_missing_and_blank_descriptions",
        type: "aws:ec2/securityGroup:SecurityGroup",
        props: { ingress: [(0, exampleParts_1.tcp)(443, ANYWHERE), { ...(0, exampleParts_1.tcp)(80, ANYWHERE), description: "  " }], egress: [{ ...(0, exampleParts_1.tcp)(443, ANYWHERE), description: "https out" }] },
        expect: "fail",
        messageContains: [
            "fail_missing_and_blank_descriptions ingress[0] allows TCP port 443 from 0.0.0.0/0: has no description",
            "fail_missing_and_blank_descriptions ingress[1] allows TCP port 80 from 0.0.0.0/0: has no description (description is blank)",
        ],
    },
    {
        name: "pass_described_inline_rules",
        type: "aws:ec2/securityGroup:SecurityGroup",
        props: { ingress: [{ ...(0, exampleParts_1.tcp)(443, ANYWHERE), description: "https from anywhere" }], egress: [{ ...(0, exampleParts_1.tcp)(443, ANYWHERE), description: "https out" }] },
        expect: "pass",
    },
    {
        name: "fail_standalone_rule_without_description",
        type: "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule",
        props: { ipProtocol: "tcp", fromPort: 443, toPort: 443, cidrIpv4: "0.0.0.0/0" },
        expect: "fail",
        messageContains: ["standalone ingress rule"],
    },
    {
        name: "fail_egress_rule_without_description",
        type: "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule",
        props: { securityGroupId: "sg-0web", ipProtocol: "tcp", fromPort: 443, toPort: 443, cidrIpv4: "0.0.0.0/0" },
        expect: "fail",
    },
    {
        name: "fail_native_rule_with_empty_description",
        type: "aws-native:ec2:SecurityGroupIngress",
        props: { ipProtocol: "tcp", fromPort: 443, toPort: 443, cidrIp: "0.0.0.0/0", description: "" },
        expect: "fail",
    },
    {
        // AWS's implicit allow-all egress of an aws-native group is not written in the program: nothing to describe.
        name: "pass_described_rules_and_the_implicit_default_egress",
        type: "aws-native:ec2:SecurityGroup",
        props: { securityGroupIngress: [{ ipProtocol: "tcp", fromPort: 443, toPort: 443, cidrIp: "0.0.0.0/0", description: "https" }] },
        expect: "pass",
    },
    {
        name: "cannot_verify_unknown_description",
        type: "aws:ec2/securityGroup:SecurityGroup",
        props: { ingress: [{ ...(0, exampleParts_1.tcp)(443, ANYWHERE), description: examples_1.UNKNOWN }] },
        expect: "cannot verify",
    },
    {
        name: "cannot_verify_egress_rule_with_unknown_description",
        type: "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule",
        props: { securityGroupId: examples_1.UNKNOWN, ipProtocol: "tcp", fromPort: 443, toPort: 443, cidrIpv4: "0.0.0.0/0", description: examples_1.UNKNOWN },
        expect: "cannot verify",
    },
];
