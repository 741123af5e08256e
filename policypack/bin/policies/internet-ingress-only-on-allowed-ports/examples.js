"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.examples = void 0;
/** internet-ingress-only-on-allowed-ports: what may face the internet (by default TCP 80 and 443, UDP 443), and what may not. */
const examples_1 = require("../../kit/examples");
const exampleParts_1 = require("../../kit/exampleParts");
const SG = "aws:ec2/securityGroup:SecurityGroup";
const ANYWHERE = { cidrBlocks: ["0.0.0.0/0"] };
const ping = { protocol: "icmp", fromPort: 8, toPort: 0, ...ANYWHERE };
const everyIcmpType = { protocol: "icmp", fromPort: -1, toPort: -1, ...ANYWHERE };
const pingV6 = { protocol: "58", fromPort: 128, toPort: 0, ipv6CidrBlocks: ["::/0"] };
exports.examples = [
    {
        name: "pass_https_http_and_quic_from_anywhere",
        type: SG,
        props: (0, exampleParts_1.groupWithIngress)((0, exampleParts_1.tcp)(443, { cidrBlocks: ["0.0.0.0/0"], ipv6CidrBlocks: ["::/0"] }), (0, exampleParts_1.tcp)(80, ANYWHERE), {
            protocol: "udp",
            fromPort: 443,
            toPort: 443,
            ...ANYWHERE,
        }),
        expect: "pass",
    },
    {
        name: "fail_port_range_beyond_the_web_ports",
        type: SG,
        props: (0, exampleParts_1.groupWithIngress)((0, exampleParts_1.tcp)([80, 8080], ANYWHERE)),
        expect: "fail",
        messageContains: ["TCP ports 81-442, 444-8080 is open from the internet"],
    },
    {
        // The engine's two modes of one program: the group id and the CIDR come from other resources' outputs.
        name: "fail_app_port_from_a_computed_cidr",
        type: "aws-native:ec2:SecurityGroupIngress",
        props: { groupId: (0, examples_1.computed)("sg-0web"), ipProtocol: "tcp", fromPort: 8080, toPort: 8080, cidrIp: (0, examples_1.computed)("0.0.0.0/0"), description: "app" },
        expect: { update: "fail", preview: "cannot verify" },
    },
    {
        name: "fail_allow_all_ingress",
        type: SG,
        props: (0, exampleParts_1.groupWithIngress)({ protocol: "-1", fromPort: 0, toPort: 0, ...ANYWHERE }),
        expect: "fail",
        messageContains: ["allow-all ingress"],
    },
    { name: "fail_every_port_even_when_allowed", type: SG, props: (0, exampleParts_1.groupWithIngress)((0, exampleParts_1.tcp)([0, 65535], ANYWHERE)), config: { allowedTcpPorts: ["0-65535"] }, expect: "fail" },
    {
        name: "fail_other_protocol_from_ipv6_anywhere",
        type: SG,
        props: (0, exampleParts_1.groupWithIngress)({ protocol: "50", fromPort: 0, toPort: 0, ipv6CidrBlocks: ["::/0"] }),
        expect: "fail",
    },
    { name: "fail_alt_https_port", type: SG, props: (0, exampleParts_1.groupWithIngress)((0, exampleParts_1.tcp)(8443, ANYWHERE)), expect: "fail" },
    { name: "pass_alt_https_port_when_allowed", type: SG, props: (0, exampleParts_1.groupWithIngress)((0, exampleParts_1.tcp)(8443, ANYWHERE)), config: { allowedTcpPorts: [443, 8443] }, expect: "pass" },
    { name: "fail_http_when_only_https_is_allowed", type: SG, props: (0, exampleParts_1.groupWithIngress)((0, exampleParts_1.tcp)(80, ANYWHERE)), config: { allowedTcpPorts: [443] }, expect: "fail" },
    {
        name: "pass_app_port_from_a_private_range_and_a_group",
        type: SG,
        props: (0, exampleParts_1.groupWithIngress)((0, exampleParts_1.tcp)(8080, { cidrBlocks: ["10.0.0.0/8"], securityGroups: ["sg-1"] })),
        expect: "pass",
    },
    // --- ICMP is judged by type, ICMPv6 against its own list ---------------------------------------
    { name: "fail_ping_from_anywhere", type: SG, props: (0, exampleParts_1.groupWithIngress)(ping), expect: "fail" },
    { name: "pass_ping_when_its_type_is_allowed", type: SG, props: (0, exampleParts_1.groupWithIngress)(ping), config: { allowedIcmpTypes: [8] }, expect: "pass" },
    { name: "fail_every_icmp_type_when_one_is_allowed", type: SG, props: (0, exampleParts_1.groupWithIngress)(everyIcmpType), config: { allowedIcmpTypes: [8] }, expect: "fail" },
    { name: "fail_icmpv6_ping_allowed_only_as_icmp", type: SG, props: (0, exampleParts_1.groupWithIngress)(pingV6), config: { allowedIcmpTypes: [128] }, expect: "fail" },
    { name: "pass_icmpv6_ping_when_allowed", type: SG, props: (0, exampleParts_1.groupWithIngress)(pingV6), config: { allowedIcmpv6Types: [128] }, expect: "pass" },
    // --- Unknown values ------------------------------------------------------------------------------
    { name: "cannot_verify_unknown_cidr", type: SG, props: (0, exampleParts_1.groupWithIngress)((0, exampleParts_1.tcp)(8080, { cidrBlocks: [examples_1.UNKNOWN] })), expect: "cannot verify" },
    {
        name: "cannot_verify_unknown_ports",
        type: SG,
        props: (0, exampleParts_1.groupWithIngress)({ protocol: "tcp", fromPort: examples_1.UNKNOWN, toPort: examples_1.UNKNOWN, ...ANYWHERE }),
        expect: "cannot verify",
    },
];
