"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.examples = void 0;
/**
 * nacl-allows-return-traffic: NACLs are stateless, so every service a NACL lets in (or out) needs its
 * replies let out (or in) on the ephemeral ports, to and from the same addresses, first match in
 * rule-number order. An allow within 1024-65535 that answers a service is return traffic itself.
 */
const examples_1 = require("../../kit/examples");
const exampleParts_1 = require("../../kit/exampleParts");
const entry = ([ruleNo, action, protocol, fromPort, toPort, cidr]) => ({
    ruleNo,
    action,
    protocol,
    fromPort,
    toPort,
    ...(cidr.includes(":") ? { ipv6CidrBlock: cidr } : { cidrBlock: cidr }),
});
/** A NACL on subnet-a with these inbound and outbound entries. */
const nacl = (name, ingress, egress) => ({
    type: "aws:ec2/networkAcl:NetworkAcl",
    name,
    props: { vpcId: (0, examples_1.ref)("vpc"), subnetIds: [(0, examples_1.ref)("subnet-a")], ingress: ingress.map(entry), egress: egress.map(entry) },
});
const ANYWHERE = "0.0.0.0/0";
const httpsIn = [100, "allow", "tcp", 443, 443, ANYWHERE];
const repliesOut = [100, "allow", "tcp", 32768, 65535, ANYWHERE];
const PUBLIC = "10.0.0.0/24";
const PRIVATE = "10.0.1.0/24";
const HOME = "192.0.2.0/24";
/** AWS's recommended rules for a VPC with public and private subnets (VPC User Guide, "Example network ACLs"). */
const AWS_RECOMMENDED = [
    nacl("public-acl", [
        [100, "allow", "tcp", 80, 80, ANYWHERE],
        [110, "allow", "tcp", 443, 443, ANYWHERE],
        [120, "allow", "tcp", 22, 22, HOME],
        [130, "allow", "tcp", 3389, 3389, HOME],
        [140, "allow", "tcp", 1024, 65535, ANYWHERE],
        [105, "allow", "tcp", 80, 80, "::/0"],
        [115, "allow", "tcp", 443, 443, "::/0"],
        [145, "allow", "tcp", 1024, 65535, "::/0"],
    ], [
        [100, "allow", "tcp", 80, 80, ANYWHERE],
        [110, "allow", "tcp", 443, 443, ANYWHERE],
        [120, "allow", "tcp", 1433, 1433, PRIVATE],
        [140, "allow", "tcp", 1024, 65535, ANYWHERE],
        [150, "allow", "tcp", 22, 22, PRIVATE],
        [105, "allow", "tcp", 80, 80, "::/0"],
        [115, "allow", "tcp", 443, 443, "::/0"],
        [145, "allow", "tcp", 1024, 65535, "::/0"],
    ]),
    nacl("private-acl", [
        [100, "allow", "tcp", 1433, 1433, PUBLIC],
        [120, "allow", "tcp", 22, 22, PUBLIC],
        [130, "allow", "tcp", 3389, 3389, PUBLIC],
        [140, "allow", "tcp", 1024, 65535, ANYWHERE],
    ], [
        [100, "allow", "tcp", 80, 80, ANYWHERE],
        [110, "allow", "tcp", 443, 443, ANYWHERE],
        [120, "allow", "tcp", 1024, 65535, PUBLIC],
    ]),
    // The private subnet's rules without the NAT device's (a database subnet with no internet access):
    // the outbound 1024-65535 to the public subnet is the replies to the database clients there.
    nacl("database-acl", [
        [100, "allow", "tcp", 1433, 1433, PUBLIC],
        [120, "allow", "tcp", 22, 22, PUBLIC],
    ], [[120, "allow", "tcp", 1024, 65535, PUBLIC]]),
];
exports.examples = [
    {
        name: "fail_https_in_and_postgres_out_without_their_replies",
        resources: [...exampleParts_1.threeTierBase, nacl("edge-acl", [httpsIn], [[100, "allow", "tcp", 5432, 5432, "10.0.0.0/16"]])],
        expect: { "edge-acl": "fail" },
        messageContains: {
            "edge-acl": [
                "allows TCP port 443 in from 0.0.0.0/0, but egress TCP ports 32768-65535 to 0.0.0.0/0 is not allowed",
                "allows TCP port 5432 out to 10.0.0.0/16, but ingress TCP ports 32768-65535 from 10.0.0.0/16 is not allowed",
                "NAT gateways and load balancers need 1024-65535",
            ],
        },
    },
    {
        name: "pass_replies_allowed",
        resources: [...exampleParts_1.threeTierBase, nacl("edge-acl", [httpsIn, [110, "allow", "tcp", 32768, 65535, ANYWHERE]], [repliesOut])],
        expect: {},
    },
    {
        name: "pass_replies_allowed_by_a_standalone_rule",
        resources: [
            ...exampleParts_1.threeTierBase,
            nacl("edge-acl", [httpsIn], []),
            {
                type: "aws:ec2/networkAclRule:NetworkAclRule",
                name: "replies",
                props: {
                    networkAclId: (0, examples_1.ref)("edge-acl"),
                    ruleNumber: 100,
                    egress: true,
                    protocol: "tcp",
                    ruleAction: "allow",
                    cidrBlock: ANYWHERE,
                    fromPort: 32768,
                    toPort: 65535,
                },
            },
        ],
        expect: {},
    },
    {
        name: "fail_deny_numbered_before_the_replies_allow",
        resources: [...exampleParts_1.threeTierBase, nacl("edge-acl", [httpsIn], [[50, "deny", "tcp", 40000, 40100, ANYWHERE], repliesOut])],
        expect: { "edge-acl": "fail" },
        messageContains: { "edge-acl": ["egress TCP ports 40000-40100"] },
    },
    {
        // NAT gateways and load balancers answer on 1024-65535.
        name: "fail_replies_narrower_than_configured_ephemeral_ports",
        resources: [...exampleParts_1.threeTierBase, nacl("edge-acl", [httpsIn], [repliesOut])],
        config: { ephemeralPorts: ["1024-65535"] },
        expect: { "edge-acl": "fail" },
        messageContains: { "edge-acl": ["egress TCP ports 1024-32767"] },
    },
    { name: "pass_aws_recommended_nacls_for_public_and_private_subnets", resources: [exampleParts_1.vpc, exampleParts_1.subnet, ...AWS_RECOMMENDED], expect: {} },
    {
        // Outbound 1024-65535 carries the replies of inbound HTTPS (IPv4 and IPv6) and of DNS over UDP; protocols as numbers too.
        name: "pass_client_ports_carry_the_replies",
        resources: [
            exampleParts_1.vpc,
            exampleParts_1.subnet,
            nacl("web-acl", [
                [100, "allow", 6, 443, 443, ANYWHERE],
                [101, "allow", "tcp", 443, 443, "::/0"],
                [110, "allow", "17", 53, 53, "10.0.0.0/8"],
            ], [
                [100, "allow", "6", 1024, 65535, ANYWHERE],
                [101, "allow", "tcp", 1024, 65535, "::/0"],
                [110, "allow", "udp", 1024, 65535, "10.0.0.0/8"],
            ]),
        ],
        expect: {},
    },
    {
        // Still services: a single high port, client ports with no service to answer, replies for IPv4 only.
        name: "fail_services_whose_replies_are_not_allowed",
        resources: [
            exampleParts_1.vpc,
            exampleParts_1.subnet,
            nacl("mixed-acl", [
                [100, "allow", "tcp", 443, 443, ANYWHERE],
                [101, "allow", "tcp", 443, 443, "::/0"],
            ], [
                [100, "allow", "tcp", 5432, 5432, "10.0.0.0/16"],
                [110, "allow", "tcp", 1024, 65535, ANYWHERE],
                [120, "allow", "udp", 1024, 65535, "192.0.2.0/24"],
            ]),
        ],
        expect: { "mixed-acl": "fail" },
        messageContains: {
            "mixed-acl": [
                "allows TCP port 443 in from ::/0, but egress TCP ports 32768-65535 to ::/0 is not allowed",
                "allows TCP port 5432 out to 10.0.0.0/16, but ingress TCP ports 32768-65535 from 10.0.0.0/16 is not allowed",
                "allows UDP ports 1024-32767 out to 192.0.2.0/24, but ingress UDP ports 32768-65535 from 192.0.2.0/24 is not allowed",
            ],
        },
    },
];
