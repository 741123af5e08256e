"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.examples = void 0;
/** no-admin-ports-from-internet: which rules open an admin port to the internet, and which do not. */
const examples_1 = require("../../kit/examples");
const exampleParts_1 = require("../../kit/exampleParts");
const SG = "aws:ec2/securityGroup:SecurityGroup";
const ANYWHERE = { cidrBlocks: ["0.0.0.0/0"] };
/** Only 0.0.0.0/0 and ::/0 count as the internet on their own; CIDRs still count when together they cover it. */
const ONLY_ALL_OF_IT = { internetPrefixV4: 0, internetPrefixV6: 0 };
exports.examples = [
    // --- What it reports --------------------------------------------------------------------------
    {
        name: "fail_ssh_from_anywhere",
        type: SG,
        props: (0, exampleParts_1.groupWithIngress)((0, exampleParts_1.tcp)(443, ANYWHERE), (0, exampleParts_1.tcp)(22, ANYWHERE)),
        expect: "fail",
        messageContains: ["fail_ssh_from_anywhere ingress[1] allows TCP port 22 from 0.0.0.0/0: SSH (22) open to the internet", "Fix:", "203.0.113.10/32"],
    },
    {
        // The engine's two modes of one program: the CIDR comes from another resource's output.
        name: "fail_ssh_from_a_computed_cidr",
        type: SG,
        props: {
            vpcId: (0, examples_1.computed)("vpc-0abc"),
            ingress: [{ protocol: "tcp", fromPort: 22, toPort: 22, cidrBlocks: [(0, examples_1.computed)("0.0.0.0/0")], description: "ssh" }],
        },
        expect: { update: "fail", preview: "cannot verify" },
    },
    { name: "fail_ssh_from_ipv6_anywhere", type: SG, props: (0, exampleParts_1.groupWithIngress)((0, exampleParts_1.tcp)(22, { ipv6CidrBlocks: ["::/0"] })), expect: "fail" },
    {
        name: "fail_port_range_containing_ssh_and_telnet",
        type: SG,
        props: (0, exampleParts_1.groupWithIngress)((0, exampleParts_1.tcp)([20, 30], ANYWHERE)),
        expect: "fail",
        messageContains: ["SSH (22), Telnet (23)"],
    },
    { name: "fail_rdp_over_udp", type: SG, props: (0, exampleParts_1.groupWithIngress)({ protocol: "udp", fromPort: 3389, toPort: 3389, ...ANYWHERE }), expect: "fail" },
    { name: "fail_all_protocols_as_minus_one", type: SG, props: (0, exampleParts_1.groupWithIngress)({ protocol: "-1", fromPort: 0, toPort: 0, ...ANYWHERE }), expect: "fail" },
    { name: "fail_all_protocols_as_all", type: SG, props: (0, exampleParts_1.groupWithIngress)({ protocol: "all", fromPort: 0, toPort: 0, ...ANYWHERE }), expect: "fail" },
    { name: "fail_all_protocols_as_number", type: SG, props: (0, exampleParts_1.groupWithIngress)({ protocol: -1, fromPort: 0, toPort: 0, ...ANYWHERE }), expect: "fail" },
    { name: "fail_other_protocol_number_opens_every_port", type: SG, props: (0, exampleParts_1.groupWithIngress)({ protocol: "47", fromPort: 0, toPort: 0, ...ANYWHERE }), expect: "fail" },
    { name: "fail_tcp_as_protocol_number_6", type: SG, props: (0, exampleParts_1.groupWithIngress)({ protocol: "6", fromPort: 0, toPort: 65535, ...ANYWHERE }), expect: "fail" },
    { name: "fail_two_halves_of_ipv4", type: SG, props: (0, exampleParts_1.groupWithIngress)((0, exampleParts_1.tcp)(22, { cidrBlocks: ["0.0.0.0/1", "128.0.0.0/1"] })), expect: "fail" },
    { name: "fail_half_of_ipv4", type: SG, props: (0, exampleParts_1.groupWithIngress)((0, exampleParts_1.tcp)(22, { cidrBlocks: ["0.0.0.0/1"] })), expect: "fail" },
    { name: "fail_wide_public_range", type: SG, props: (0, exampleParts_1.groupWithIngress)((0, exampleParts_1.tcp)(22, { cidrBlocks: ["52.0.0.0/8"] })), expect: "fail" },
    { name: "fail_ipv4_mapped_ipv6_range", type: SG, props: (0, exampleParts_1.groupWithIngress)((0, exampleParts_1.tcp)(22, { ipv6CidrBlocks: ["::ffff:0:0/96"] })), expect: "fail" },
    { name: "fail_known_internet_cidr_beside_an_unknown_one", type: SG, props: (0, exampleParts_1.groupWithIngress)((0, exampleParts_1.tcp)(22, { cidrBlocks: [examples_1.UNKNOWN, "0.0.0.0/0"] })), expect: "fail" },
    // --- Every security-group resource type ---------------------------------------------------------
    {
        name: "fail_standalone_security_group_rule",
        type: "aws:ec2/securityGroupRule:SecurityGroupRule",
        props: { type: "ingress", protocol: "tcp", fromPort: 22, toPort: 22, cidrBlocks: ["0.0.0.0/0"], securityGroupId: "sg-1" },
        expect: "fail",
    },
    {
        name: "pass_standalone_egress_rule",
        type: "aws:ec2/securityGroupRule:SecurityGroupRule",
        props: { type: "egress", protocol: "tcp", fromPort: 22, toPort: 22, cidrBlocks: ["0.0.0.0/0"] },
        expect: "pass",
    },
    {
        name: "fail_vpc_ingress_rule_rdp",
        type: "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule",
        props: { ipProtocol: "tcp", fromPort: 3389, toPort: 3389, cidrIpv4: "0.0.0.0/0" },
        expect: "fail",
    },
    {
        name: "fail_vpc_ingress_rule_all_from_ipv6",
        type: "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule",
        props: { ipProtocol: "-1", cidrIpv6: "::/0" },
        expect: "fail",
    },
    {
        name: "pass_vpc_egress_rule",
        type: "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule",
        props: { ipProtocol: "-1", cidrIpv4: "0.0.0.0/0" },
        expect: "pass",
    },
    {
        name: "fail_native_ingress",
        type: "aws-native:ec2:SecurityGroupIngress",
        props: { ipProtocol: "tcp", fromPort: 22, toPort: 22, cidrIp: "0.0.0.0/0" },
        expect: "fail",
    },
    {
        name: "fail_native_group_inline_ingress",
        type: "aws-native:ec2:SecurityGroup",
        props: { securityGroupIngress: [{ ipProtocol: "tcp", fromPort: 22, toPort: 22, cidrIpv6: "::/0" }] },
        expect: "fail",
    },
    { name: "fail_default_security_group", type: "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup", props: (0, exampleParts_1.groupWithIngress)((0, exampleParts_1.tcp)(22, ANYWHERE)), expect: "fail" },
    { name: "pass_not_a_security_group", type: "aws:s3/bucket:Bucket", props: (0, exampleParts_1.groupWithIngress)((0, exampleParts_1.tcp)(22, ANYWHERE)), expect: "pass" },
    // --- What it lets through ---------------------------------------------------------------------
    {
        name: "pass_ssh_from_private_ranges",
        type: SG,
        props: (0, exampleParts_1.groupWithIngress)((0, exampleParts_1.tcp)(22, { cidrBlocks: ["10.0.0.0/8"] }), (0, exampleParts_1.tcp)(22, { ipv6CidrBlocks: ["fc00::/7"] })),
        expect: "pass",
    },
    {
        name: "pass_ssh_from_single_hosts",
        type: SG,
        props: (0, exampleParts_1.groupWithIngress)((0, exampleParts_1.tcp)(22, { cidrBlocks: ["203.0.113.10/32"] }), (0, exampleParts_1.tcp)(22, { ipv6CidrBlocks: ["2001:db8::1/128"] })),
        expect: "pass",
    },
    {
        name: "pass_ssh_from_a_group_self_and_a_prefix_list",
        type: SG,
        props: (0, exampleParts_1.groupWithIngress)((0, exampleParts_1.tcp)(22, { securityGroups: ["sg-123"], self: true, prefixListIds: ["pl-1"] })),
        expect: "pass",
    },
    {
        name: "pass_icmp_and_https_from_anywhere",
        type: SG,
        props: (0, exampleParts_1.groupWithIngress)({ protocol: "icmp", fromPort: -1, toPort: -1, ...ANYWHERE }, (0, exampleParts_1.tcp)(443, { cidrBlocks: ["0.0.0.0/0"], ipv6CidrBlocks: ["::/0"] })),
        expect: "pass",
    },
    {
        name: "pass_private_hosts_references_icmp_and_https_together",
        type: SG,
        props: (0, exampleParts_1.groupWithIngress)((0, exampleParts_1.tcp)(22, { cidrBlocks: ["10.0.0.0/8", "203.0.113.10/32"] }), (0, exampleParts_1.tcp)(22, { ipv6CidrBlocks: ["fc00::/7", "2001:db8::1/128"] }), (0, exampleParts_1.tcp)(22, { securityGroups: ["sg-123"], self: true, prefixListIds: ["pl-1"] }), { protocol: "icmp", fromPort: -1, toPort: -1, ...ANYWHERE }, (0, exampleParts_1.tcp)(443, { cidrBlocks: ["0.0.0.0/0"], ipv6CidrBlocks: ["::/0"] })),
        expect: "pass",
    },
    { name: "pass_public_range_narrower_than_internet_prefix", type: SG, props: (0, exampleParts_1.groupWithIngress)((0, exampleParts_1.tcp)(22, { cidrBlocks: ["52.0.0.0/16"] })), expect: "pass" },
    // --- Unknown and malformed values ----------------------------------------------------------------
    {
        name: "cannot_verify_unknown_cidr",
        type: SG,
        props: (0, exampleParts_1.groupWithIngress)((0, exampleParts_1.tcp)(22, { cidrBlocks: [examples_1.UNKNOWN] })),
        expect: "cannot verify",
        messageContains: ["ingress[0].cidrBlocks[0] is not known until the update"],
    },
    { name: "cannot_verify_unknown_protocol", type: SG, props: (0, exampleParts_1.groupWithIngress)({ protocol: examples_1.UNKNOWN, fromPort: 22, toPort: 22, ...ANYWHERE }), expect: "cannot verify" },
    { name: "cannot_verify_unknown_rule_list", type: SG, props: { ingress: examples_1.UNKNOWN }, expect: "cannot verify" },
    { name: "cannot_verify_unknown_rule", type: SG, props: { ingress: [examples_1.UNKNOWN] }, expect: "cannot verify" },
    { name: "pass_unknown_cidr_on_a_port_that_is_not_admin", type: SG, props: (0, exampleParts_1.groupWithIngress)((0, exampleParts_1.tcp)(443, { cidrBlocks: [examples_1.UNKNOWN] })), expect: "pass" },
    { name: "pass_unknown_security_group_id_is_never_the_internet", type: SG, props: (0, exampleParts_1.groupWithIngress)((0, exampleParts_1.tcp)(22, { securityGroups: [examples_1.UNKNOWN] })), expect: "pass" },
    {
        name: "cannot_verify_malformed_cidr_and_reversed_ports",
        type: SG,
        props: (0, exampleParts_1.groupWithIngress)((0, exampleParts_1.tcp)(22, { cidrBlocks: ["0.0.0.0"] }), { protocol: "tcp", fromPort: 30, toPort: 20, ...ANYWHERE }),
        expect: "cannot verify",
        messageContains: ['cidrBlocks[0] = "0.0.0.0" is malformed: no prefix', "reversed"],
    },
    // --- Config -------------------------------------------------------------------------------------
    { name: "pass_ssh_on_another_port", type: SG, props: (0, exampleParts_1.groupWithIngress)((0, exampleParts_1.tcp)(2222, ANYWHERE)), expect: "pass" },
    { name: "fail_port_listed_in_config", type: SG, props: (0, exampleParts_1.groupWithIngress)((0, exampleParts_1.tcp)(2222, ANYWHERE)), config: { ports: [2222] }, expect: "fail" },
    { name: "fail_port_in_a_configured_range", type: SG, props: (0, exampleParts_1.groupWithIngress)((0, exampleParts_1.tcp)(2222, ANYWHERE)), config: { ports: ["2200-2300"] }, expect: "fail" },
    { name: "pass_port_22_when_config_lists_others", type: SG, props: (0, exampleParts_1.groupWithIngress)((0, exampleParts_1.tcp)(22, ANYWHERE)), config: { ports: [2222] }, expect: "pass" },
    {
        name: "fail_halves_that_together_cover_ipv4",
        type: SG,
        props: (0, exampleParts_1.groupWithIngress)((0, exampleParts_1.tcp)(22, { cidrBlocks: ["0.0.0.0/1", "128.0.0.0/1"] })),
        config: ONLY_ALL_OF_IT,
        expect: "fail",
        messageContains: ["together with the rule's other CIDRs, all of IPv4"],
    },
    {
        name: "pass_half_of_ipv4_when_only_all_of_it_counts",
        type: SG,
        props: (0, exampleParts_1.groupWithIngress)((0, exampleParts_1.tcp)(22, { cidrBlocks: ["0.0.0.0/1"] })),
        config: ONLY_ALL_OF_IT,
        expect: "pass",
    },
    {
        name: "fail_halves_that_together_cover_ipv6",
        type: SG,
        props: (0, exampleParts_1.groupWithIngress)((0, exampleParts_1.tcp)(22, { ipv6CidrBlocks: ["::/1", "8000::/1"] })),
        config: ONLY_ALL_OF_IT,
        expect: "fail",
    },
    {
        name: "fail_public_slash_16_with_a_narrower_internet_prefix",
        type: SG,
        props: (0, exampleParts_1.groupWithIngress)((0, exampleParts_1.tcp)(22, { cidrBlocks: ["52.0.0.0/16"] })),
        config: { internetPrefixV4: 20 },
        expect: "fail",
    },
];
