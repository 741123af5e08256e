"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.examples = void 0;
/** no-wide-ingress-port-ranges: one ingress rule opening more than maxPorts (default 100) ports to a peer other than self. */
const examples_1 = require("../../kit/examples");
const exampleParts_1 = require("../../kit/exampleParts");
const SG = "aws:ec2/securityGroup:SecurityGroup";
const PRIVATE = { cidrBlocks: ["10.0.0.0/8"] };
exports.examples = [
    {
        name: "fail_a_thousand_ports_from_a_private_range",
        type: SG,
        props: (0, exampleParts_1.groupWithIngress)((0, exampleParts_1.tcp)([1000, 2000], PRIVATE)),
        expect: "fail",
        messageContains: ["opens 1001 ports"],
    },
    {
        // The engine's two modes of one program: the first port and the group come from other resources' outputs.
        name: "fail_range_with_a_computed_start_from_a_group",
        type: SG,
        props: {
            vpcId: (0, examples_1.computed)("vpc-0abc"),
            ingress: [{ protocol: "tcp", fromPort: (0, examples_1.computed)(1000), toPort: 2000, securityGroups: [(0, examples_1.computed)("sg-0lb")], description: "range" }],
        },
        expect: { update: "fail", preview: "cannot verify" },
    },
    { name: "fail_all_protocols_from_a_group", type: SG, props: (0, exampleParts_1.groupWithIngress)({ protocol: "-1", fromPort: 0, toPort: 0, securityGroups: ["sg-1"] }), expect: "fail" },
    {
        name: "pass_narrow_range_self_and_icmp",
        type: SG,
        props: (0, exampleParts_1.groupWithIngress)((0, exampleParts_1.tcp)([8000, 8099], PRIVATE), { protocol: "-1", fromPort: 0, toPort: 0, self: true }, { protocol: "icmp", fromPort: -1, toPort: -1, ...PRIVATE }),
        expect: "pass",
    },
    { name: "pass_range_within_a_larger_max_ports", type: SG, props: (0, exampleParts_1.groupWithIngress)((0, exampleParts_1.tcp)([1000, 2000], PRIVATE)), config: { maxPorts: 2000 }, expect: "pass" },
    { name: "fail_range_beyond_a_smaller_max_ports", type: SG, props: (0, exampleParts_1.groupWithIngress)((0, exampleParts_1.tcp)([8000, 8010], PRIVATE)), config: { maxPorts: 10 }, expect: "fail" },
    { name: "cannot_verify_unknown_ports", type: SG, props: (0, exampleParts_1.groupWithIngress)({ ...(0, exampleParts_1.tcp)([0, 1], PRIVATE), fromPort: examples_1.UNKNOWN }), expect: "cannot verify" },
];
