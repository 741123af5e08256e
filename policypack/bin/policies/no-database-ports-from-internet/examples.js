"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.examples = void 0;
/** no-database-ports-from-internet: database ports open to the internet, and the ways a database is reached safely. */
const examples_1 = require("../../kit/examples");
const exampleParts_1 = require("../../kit/exampleParts");
const SG = "aws:ec2/securityGroup:SecurityGroup";
const ANYWHERE = { cidrBlocks: ["0.0.0.0/0"] };
exports.examples = [
    {
        name: "fail_postgres_and_mongodb_open_to_the_internet",
        type: SG,
        props: (0, exampleParts_1.groupWithIngress)((0, exampleParts_1.tcp)(5432, ANYWHERE), (0, exampleParts_1.tcp)([27000, 28000], { ipv6CidrBlocks: ["::/0"] })),
        expect: "fail",
        messageContains: ["ingress[0] allows TCP port 5432 from 0.0.0.0/0: PostgreSQL (5432) open to the internet", "ingress[1]", "MongoDB (27017)"],
    },
    {
        // The engine's two modes of one program: the group id and the CIDR come from other resources' outputs.
        name: "fail_postgres_from_a_computed_ipv6_cidr",
        type: "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule",
        props: { securityGroupId: (0, examples_1.computed)("sg-0db"), ipProtocol: "tcp", fromPort: 5432, toPort: 5432, cidrIpv6: (0, examples_1.computed)("::/0"), description: "pg" },
        expect: { update: "fail", preview: "cannot verify" },
    },
    { name: "fail_memcached_over_udp", type: SG, props: (0, exampleParts_1.groupWithIngress)({ protocol: "udp", fromPort: 11211, toPort: 11211, ...ANYWHERE }), expect: "fail" },
    { name: "fail_all_protocols", type: SG, props: (0, exampleParts_1.groupWithIngress)({ protocol: "-1", fromPort: 0, toPort: 0, ...ANYWHERE }), expect: "fail" },
    {
        name: "pass_database_port_from_the_app_group_and_a_private_range",
        type: SG,
        props: (0, exampleParts_1.groupWithIngress)((0, exampleParts_1.tcp)(5432, { securityGroups: ["sg-app"] }), (0, exampleParts_1.tcp)(3306, { cidrBlocks: ["10.0.0.0/16"] })),
        expect: "pass",
    },
    { name: "pass_https_from_anywhere", type: SG, props: (0, exampleParts_1.groupWithIngress)((0, exampleParts_1.tcp)(443, ANYWHERE)), expect: "pass" },
];
