"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.examples = void 0;
/**
 * no-sensitive-ports-via-internet-prefix-lists: an admin or database port open to a managed prefix list
 * of the stack whose entries include the internet (alone, or together covering IPv4 or IPv6). The
 * resource policies see only the list's id; this policy reads its entries.
 */
const examples_1 = require("../../kit/examples");
const exampleParts_1 = require("../../kit/exampleParts");
/** A group whose only ingress rule is `rule`. */
const groupWith = (name, rule) => (0, exampleParts_1.securityGroup)(name, [{ ...rule, description: "via list" }]);
/** A worker nobody tagged with a tier, carrying `group`. */
const untieredWorker = (group) => (0, exampleParts_1.instance)("worker", { subnetId: (0, examples_1.ref)("subnet-a"), vpcSecurityGroupIds: [(0, examples_1.ref)(group)] });
const standaloneEntry = {
    type: "aws:ec2/managedPrefixListEntry:ManagedPrefixListEntry",
    name: "oops",
    props: { prefixListId: (0, examples_1.ref)("partners"), cidr: "0.0.0.0/0" },
};
exports.examples = [
    {
        name: "fail_ssh_from_a_list_holding_0_0_0_0_0_on_an_untiered_instance",
        resources: [
            ...exampleParts_1.threeTierBase,
            (0, exampleParts_1.prefixList)("anywhere", ["0.0.0.0/0"]),
            groupWith("ssh-sg", (0, exampleParts_1.tcpFrom)(22, { prefixListIds: [(0, examples_1.ref)("anywhere")] })),
            untieredWorker("ssh-sg"),
        ],
        expect: { "ssh-sg": "fail" },
        messageContains: {
            "ssh-sg": [
                "ssh-sg ingress[0] allows TCP port 22 from",
                'SSH (22) open to the internet through prefix list "anywhere"',
                "0.0.0.0/0 (entries[0].cidr: the whole IPv4 internet)",
                'Carried by "worker"',
                "Fix:",
            ],
        },
    },
    {
        name: "fail_postgres_from_ipv6_anywhere_on_a_group_nobody_carries",
        resources: [...exampleParts_1.threeTierBase, (0, exampleParts_1.prefixList)("v6", ["::/0"]), groupWith("pg-sg", (0, exampleParts_1.tcpFrom)(5432, { prefixListIds: [(0, examples_1.ref)("v6")] }))],
        expect: { "pg-sg": "fail" },
        messageContains: {
            "pg-sg": ["PostgreSQL (5432)", "::/0 (entries[0].cidr: the whole IPv6 internet)", "No resource in the stack carries its group yet"],
        },
    },
    {
        // Each entry alone is narrower than internetPrefixV4; together they cover IPv4.
        name: "fail_all_protocols_from_entries_that_together_cover_ipv4",
        config: { internetPrefixV4: 1 },
        resources: [
            ...exampleParts_1.threeTierBase,
            (0, exampleParts_1.prefixList)("halves", ["0.0.0.0/1", "128.0.0.0/1"]),
            groupWith("all-sg", { protocol: "-1", fromPort: 0, toPort: 0, prefixListIds: [(0, examples_1.ref)("halves")] }),
            untieredWorker("all-sg"),
        ],
        expect: { "all-sg": "fail" },
        messageContains: { "all-sg": ["all protocols, all ports", "together with the list's other entries, all of IPv4"] },
    },
    {
        name: "fail_rdp_through_a_standalone_list_entry_on_a_group_outside_the_stack",
        resources: [
            ...exampleParts_1.threeTierBase,
            (0, exampleParts_1.prefixList)("partners", ["198.51.100.0/24"]),
            standaloneEntry,
            {
                type: "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule",
                name: "rdp-rule",
                props: { securityGroupId: "sg-0outside", ipProtocol: "6", fromPort: 3380, toPort: 3390, prefixListId: (0, examples_1.ref)("partners"), description: "rdp" },
            },
        ],
        expect: { "rdp-rule": "fail" },
        messageContains: {
            "rdp-rule": [
                "rdp-rule (standalone ingress rule) allows TCP ports 3380-3390",
                "RDP (3389)",
                '0.0.0.0/0 (entry "oops" cidr: the whole IPv4 internet)',
            ],
        },
    },
    {
        name: "fail_redis_from_an_aws_native_list_with_a_wide_public_range",
        resources: [
            ...exampleParts_1.threeTierBase,
            (0, exampleParts_1.prefixList)("wide", ["8.0.0.0/8"], "aws-native:ec2:PrefixList"),
            groupWith("redis-sg", (0, exampleParts_1.tcpFrom)(6379, { prefixListIds: [(0, examples_1.ref)("wide")] })),
            untieredWorker("redis-sg"),
        ],
        expect: { "redis-sg": "fail" },
        messageContains: { "redis-sg": ["Redis (6379)", "a /8 of public IPv4 space"] },
    },
    {
        name: "pass_named_addresses_https_through_an_internet_list_and_a_list_outside_the_stack",
        resources: [
            ...exampleParts_1.threeTierBase,
            (0, exampleParts_1.prefixList)("admins", ["203.0.113.10/32", "2001:db8::10/128", "10.0.0.0/8"]),
            (0, exampleParts_1.prefixList)("anywhere", ["0.0.0.0/0"]),
            groupWith("admin-sg", (0, exampleParts_1.tcpFrom)(22, { prefixListIds: [(0, examples_1.ref)("admins")] })),
            groupWith("https-sg", (0, exampleParts_1.tcpFrom)(443, { prefixListIds: [(0, examples_1.ref)("anywhere")] })),
            groupWith("aws-sg", (0, exampleParts_1.tcpFrom)(22, { prefixListIds: ["pl-0123456789abcdef0"] })),
            untieredWorker("admin-sg"),
        ],
        expect: {},
    },
    {
        name: "cannot_verify_a_list_entry_not_known_yet",
        resources: [
            ...exampleParts_1.threeTierBase,
            (0, exampleParts_1.prefixList)("late", ["203.0.113.10/32", examples_1.UNKNOWN]),
            groupWith("ssh-sg", (0, exampleParts_1.tcpFrom)(22, { prefixListIds: [(0, examples_1.ref)("late")] })),
            untieredWorker("ssh-sg"),
        ],
        expect: { "ssh-sg": "cannot verify" },
        messageContains: { "ssh-sg": ["cannot verify that it opens no admin or database port", "entries[1].cidr is not known until the update"] },
    },
];
