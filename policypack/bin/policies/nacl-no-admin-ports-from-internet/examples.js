"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.examples = void 0;
/**
 * nacl-no-admin-ports-from-internet: network ACL entries are evaluated in rule-number order and the first
 * match wins; an admin port is exposed when the first entry matching internet traffic to it allows it.
 */
const examples_1 = require("../../kit/examples");
const NACL = "aws:ec2/networkAcl:NetworkAcl";
const NACL_RULE = "aws:ec2/networkAclRule:NetworkAclRule";
const NATIVE_ENTRY = "aws-native:ec2:NetworkAclEntry";
/** An inline entry: rule number, action, protocol, port range and an IPv4 or IPv6 CIDR. */
const entry = (ruleNo, action, protocol, from, to, cidr) => ({
    ruleNo,
    action,
    protocol,
    fromPort: from,
    toPort: to,
    ...(cidr.includes(":") ? { ipv6CidrBlock: cidr } : { cidrBlock: cidr }),
});
const SSH_ONLY = { ports: [22] };
const allowEphemeral = entry(120, "allow", "tcp", 1024, 65535, "0.0.0.0/0");
/** A standalone inbound allow of SSH whose rule number is not known yet. */
const sshAllowNumberUnknown = (cidr, extra = {}) => ({
    ruleNumber: examples_1.UNKNOWN,
    egress: false,
    protocol: "tcp",
    ruleAction: "allow",
    fromPort: 22,
    toPort: 22,
    ...cidr,
    ...extra,
});
exports.examples = [
    {
        name: "fail_allow_all_from_anywhere",
        type: NACL,
        props: { ingress: [entry(100, "allow", "-1", 0, 0, "0.0.0.0/0")] },
        expect: "fail",
        messageContains: [
            "fail_allow_all_from_anywhere ingress[0] (rule #100) allows all protocols, all ports from 0.0.0.0/0: lets the internet reach admin ports (TCP ports 22-23, 3389, 5900, 5985-5986, UDP ports 22-23, 3389, 5900, 5985-5986)",
        ],
    },
    {
        // The engine's two modes of one program: the CIDR comes from another resource's output.
        name: "fail_every_tcp_port_from_a_computed_cidr",
        type: NACL,
        props: {
            vpcId: (0, examples_1.computed)("vpc-0abc"),
            ingress: [{ ruleNo: 100, action: "allow", protocol: "tcp", fromPort: 0, toPort: 65535, cidrBlock: (0, examples_1.computed)("0.0.0.0/0") }],
        },
        expect: { update: "fail", preview: "cannot verify" },
    },
    // --- First match, in rule-number order (not list order) ----------------------------------------
    {
        name: "pass_earlier_denies_come_first_by_number",
        type: NACL,
        props: {
            ingress: [
                entry(200, "allow", "-1", 0, 0, "0.0.0.0/0"),
                entry(100, "deny", "tcp", 22, 22, "0.0.0.0/0"),
                entry(110, "deny", "udp", 0, 65535, "0.0.0.0/0"),
            ],
        },
        config: SSH_ONLY,
        expect: "pass",
    },
    {
        name: "fail_allow_numbered_before_the_deny",
        type: NACL,
        props: { ingress: [entry(90, "allow", "tcp", 22, 22, "0.0.0.0/0"), entry(100, "deny", "tcp", 22, 22, "0.0.0.0/0")] },
        config: SSH_ONLY,
        expect: "fail",
    },
    {
        name: "fail_partial_deny_leaves_half_of_ipv4_open",
        type: NACL,
        props: { ingress: [entry(10, "deny", "tcp", 22, 22, "0.0.0.0/1"), entry(100, "allow", "tcp", 0, 65535, "0.0.0.0/0")] },
        config: SSH_ONLY,
        expect: "fail",
        messageContains: ["128.0.0.0/1"],
    },
    {
        name: "pass_two_denies_cover_all_of_ipv4",
        type: NACL,
        props: {
            ingress: [
                entry(10, "deny", "tcp", 22, 22, "0.0.0.0/1"),
                entry(11, "deny", "tcp", 22, 22, "128.0.0.0/1"),
                entry(100, "allow", "tcp", 0, 65535, "0.0.0.0/0"),
            ],
        },
        config: SSH_ONLY,
        expect: "pass",
    },
    {
        name: "pass_ssh_from_a_named_address_and_https_from_anywhere",
        type: NACL,
        props: { ingress: [entry(100, "allow", "tcp", 22, 22, "203.0.113.10/32"), entry(110, "allow", "tcp", 443, 443, "0.0.0.0/0")] },
        expect: "pass",
    },
    {
        name: "fail_return_traffic_range_holds_admin_ports",
        type: NACL,
        props: { ingress: [allowEphemeral] },
        expect: "fail",
        messageContains: ["TCP ports 3389, 5900, 5985-5986"],
    },
    {
        // Return traffic on the ephemeral ports is allowed safely by first denying the admin ports inside that range.
        name: "pass_return_traffic_range_with_admin_ports_denied_first",
        type: NACL,
        props: {
            ingress: [
                entry(10, "deny", "tcp", 3389, 3389, "0.0.0.0/0"),
                entry(11, "deny", "tcp", 5900, 5900, "0.0.0.0/0"),
                entry(12, "deny", "tcp", 5985, 5986, "0.0.0.0/0"),
                allowEphemeral,
            ],
        },
        expect: "pass",
    },
    { name: "pass_no_inbound_entries_deny_by_default", type: NACL, props: { ingress: [] }, expect: "pass" },
    { name: "fail_rdp_from_ipv6_anywhere_as_protocol_6", type: NACL, props: { ingress: [entry(100, "allow", "6", 3389, 3389, "::/0")] }, expect: "fail" },
    { name: "pass_egress_is_not_judged", type: NACL, props: { egress: [entry(100, "allow", "-1", 0, 0, "0.0.0.0/0")] }, expect: "pass" },
    {
        name: "fail_other_protocol_opens_every_port",
        type: NACL,
        props: { ingress: [entry(100, "allow", "47", 0, 0, "0.0.0.0/0")] },
        expect: "fail",
        messageContains: ["IP protocol 47"],
    },
    // --- Default NACLs, standalone rules and aws-native entries --------------------------------------
    {
        name: "fail_default_nacl_allows_all",
        type: "aws:ec2/defaultNetworkAcl:DefaultNetworkAcl",
        props: { ingress: [entry(100, "allow", "-1", 0, 0, "0.0.0.0/0")] },
        expect: "fail",
    },
    {
        name: "fail_standalone_inbound_ssh",
        type: NACL_RULE,
        props: { ruleNumber: 100, egress: false, protocol: "tcp", ruleAction: "allow", cidrBlock: "0.0.0.0/0", fromPort: 22, toPort: 22 },
        expect: "fail",
    },
    {
        name: "pass_standalone_outbound_ssh",
        type: NACL_RULE,
        props: { ruleNumber: 100, egress: true, protocol: "tcp", ruleAction: "allow", cidrBlock: "0.0.0.0/0", fromPort: 22, toPort: 22 },
        expect: "pass",
    },
    {
        name: "pass_standalone_deny",
        type: NACL_RULE,
        props: { ruleNumber: 100, egress: false, protocol: "-1", ruleAction: "deny", cidrBlock: "0.0.0.0/0" },
        expect: "pass",
    },
    {
        name: "fail_native_entry_rdp",
        type: NATIVE_ENTRY,
        props: { ruleNumber: 100, protocol: 6, ruleAction: "allow", cidrBlock: "0.0.0.0/0", portRange: { from: 3389, to: 3389 } },
        expect: "fail",
    },
    {
        name: "pass_native_entry_ssh_from_a_private_range",
        type: NATIVE_ENTRY,
        props: { ruleNumber: 100, protocol: 6, ruleAction: "allow", cidrBlock: "10.0.0.0/8", portRange: { from: 22, to: 22 } },
        expect: "pass",
    },
    // --- Unknown values ------------------------------------------------------------------------------
    { name: "cannot_verify_unknown_cidr", type: NACL, props: { ingress: [entry(100, "allow", "tcp", 22, 22, examples_1.UNKNOWN)] }, expect: "cannot verify" },
    { name: "cannot_verify_unknown_entry_list", type: NACL, props: { ingress: examples_1.UNKNOWN }, expect: "cannot verify" },
    {
        name: "cannot_verify_allow_behind_an_unknown_deny",
        type: NACL,
        props: { ingress: [entry(50, "deny", "-1", 0, 0, examples_1.UNKNOWN), entry(100, "allow", "-1", 0, 0, "0.0.0.0/0")] },
        config: SSH_ONLY,
        expect: "cannot verify",
    },
    {
        // A deny of TCP alone leaves UDP 22 open for certain, whatever its unknown CIDR.
        name: "fail_udp_open_behind_an_unknown_tcp_deny",
        type: NACL,
        props: { ingress: [entry(50, "deny", "tcp", 22, 22, examples_1.UNKNOWN), entry(100, "allow", "-1", 0, 0, "0.0.0.0/0")] },
        config: SSH_ONLY,
        expect: "fail",
        messageContains: ["it is the first entry matching"],
    },
    {
        name: "cannot_verify_unknown_rule_number",
        type: NACL,
        props: { ingress: [{ ...entry(100, "allow", "tcp", 22, 22, "0.0.0.0/0"), ruleNo: examples_1.UNKNOWN }] },
        expect: "cannot verify",
    },
    // --- An allow from private or reserved space never lets the internet in, whatever its place -------
    { name: "pass_unnumbered_allow_from_rfc1918", type: NACL_RULE, props: sshAllowNumberUnknown({ cidrBlock: "10.0.0.0/8" }), expect: "pass" },
    { name: "pass_unnumbered_allow_from_cgnat", type: NACL_RULE, props: sshAllowNumberUnknown({ cidrBlock: "100.64.0.0/10" }), expect: "pass" },
    { name: "pass_unnumbered_allow_from_ipv6_unique_local", type: NACL_RULE, props: sshAllowNumberUnknown({ ipv6CidrBlock: "fd00::/8" }), expect: "pass" },
    {
        name: "pass_unnumbered_allow_from_a_single_public_host",
        type: NACL_RULE,
        props: sshAllowNumberUnknown({ cidrBlock: "203.0.113.10/32" }),
        expect: "pass",
    },
    {
        name: "pass_private_allow_with_an_unknown_protocol",
        type: NACL_RULE,
        props: sshAllowNumberUnknown({ cidrBlock: "192.168.0.0/16" }, { ruleNumber: 100, protocol: examples_1.UNKNOWN }),
        expect: "pass",
    },
    {
        name: "pass_unnumbered_private_allow_of_all_protocols",
        type: NACL_RULE,
        props: sshAllowNumberUnknown({ cidrBlock: "192.168.0.0/16" }, { protocol: "-1" }),
        expect: "pass",
    },
    {
        name: "pass_unnumbered_inline_private_allow",
        type: NACL,
        props: { ingress: [{ ruleNo: examples_1.UNKNOWN, action: "allow", protocol: "all", fromPort: 0, toPort: 0, cidrBlock: "172.16.0.0/12" }] },
        expect: "pass",
    },
    {
        name: "cannot_verify_unnumbered_allow_from_anywhere",
        type: NACL_RULE,
        props: sshAllowNumberUnknown({ cidrBlock: "0.0.0.0/0" }),
        expect: "cannot verify",
        messageContains: ["because ruleNumber is not known until the update"],
    },
    {
        name: "cannot_verify_unnumbered_allow_from_ipv6_anywhere",
        type: NACL_RULE,
        props: sshAllowNumberUnknown({ ipv6CidrBlock: "::/0" }),
        expect: "cannot verify",
    },
    {
        name: "cannot_verify_unnumbered_allow_from_a_wide_public_range",
        type: NACL_RULE,
        props: sshAllowNumberUnknown({ cidrBlock: "8.0.0.0/8" }),
        expect: "cannot verify",
    },
    {
        name: "cannot_verify_numbered_allow_from_an_unknown_cidr",
        type: NACL_RULE,
        props: sshAllowNumberUnknown({ cidrBlock: examples_1.UNKNOWN }, { ruleNumber: 100 }),
        expect: "cannot verify",
    },
];
