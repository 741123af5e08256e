/**
 * The fuzzed corpus of the engine-protocol suite: random and malformed resources (any JSON value in any
 * field, wrong types, missing fields, odd protocols, garbage CIDRs, unknown sentinels, secrets, huge
 * arrays) and random policy configs, valid or not. Used by fuzz.test.ts (no error may escape the pack)
 * and analyzerServerDifferential.test.ts (tierguard's server answers as the SDK's).
 */
import fc from "fast-check";
import { secret } from "../../cli/engine/packProcess";
import { RULE_RESOURCE_TYPES } from "../../policypack/adapters";
import { PUBLIC_ACCESS_TYPES } from "../../policypack/adapters/publicAccess";
import { policyDefinitions } from "../../policypack/policies";
import { PROTOTYPE_NAMES } from "../hardeningCases";

const SENTINELS = [
    "04da6b54-80e4-46f7-96ec-b56ff0331ba9",
    "3eeb2bf0-c639-47a8-9e75-3b44932eb421",
    "1c4a061d-8072-4f0a-a4cb-0ff528b18fe7",
    "6a19a0b0-7e62-4c92-b797-7f8e31da9cc2",
    "dd056dcd-154b-4c76-9bd3-c8f88648b5ff",
];

const TYPES = [
    ...RULE_RESOURCE_TYPES,
    ...PUBLIC_ACCESS_TYPES,
    // What the stack graph reads besides rules: carriers, VPCs, interfaces, prefix lists.
    "aws:ec2/instance:Instance",
    "aws:ec2/networkInterface:NetworkInterface",
    "aws:ec2/vpc:Vpc",
    "aws:ec2/managedPrefixList:ManagedPrefixList",
    "aws:ec2/managedPrefixListEntry:ManagedPrefixListEntry",
    "aws:s3/bucket:Bucket",
    "",
    "not a type",
    // Types a program may register that are Object.prototype members.
    ...PROTOTYPE_NAMES,
];

const FIELDS = [
    "ingress",
    "egress",
    "securityGroupIngress",
    "securityGroupEgress",
    "type",
    "protocol",
    "ipProtocol",
    "fromPort",
    "toPort",
    "cidrBlocks",
    "ipv6CidrBlocks",
    "prefixListIds",
    "securityGroups",
    "self",
    "description",
    "sourceSecurityGroupId",
    "cidrIpv4",
    "cidrIpv6",
    "cidrIp",
    "referencedSecurityGroupId",
    "prefixListId",
    "sourcePrefixListId",
    "destinationSecurityGroupId",
    "ruleNo",
    "ruleNumber",
    "action",
    "ruleAction",
    "egress",
    "cidrBlock",
    "ipv6CidrBlock",
    "icmpType",
    "icmpCode",
    "portRange",
    "icmp",
    "from",
    "to",
    "code",
    "publiclyAccessible",
    "vpcId",
    "vpcOptions",
    "dbClusterInstanceClass",
    "dbSubnetGroupName",
    "vpcSecurityGroupIds",
    "primaryNetworkInterface",
    "networkInterfaceId",
    "defaultSecurityGroupId",
    "entries",
    "cidr",
    "tags",
    "tierguard:tier",
    ...PROTOTYPE_NAMES,
];

const interesting = fc.oneof(
    fc.constantFrom(...SENTINELS),
    fc.constantFrom("-1", -1, "all", "ALL", "tcp", "Udp", "icmp", "icmpv6", "6", "17", "58", "47", 47, 255, 256, -2, "gre", "", " tcp "),
    fc.constantFrom(0, 22, 65535, 65536, -1, 3389, 1.5, "22", "0x16", 1e300, -0),
    fc.constantFrom(
        "0.0.0.0/0",
        "::/0",
        "0.0.0.0/1",
        "10.0.0.0/8",
        "1.2.3.4/0",
        "010.0.0.0/8",
        "0.0.0.0",
        "::ffff:0:0/96",
        "2002::/16",
        "fe80::1%eth0/64",
        "1.2.3.4/33",
        "garbage",
    ),
    fc.constantFrom("allow", "deny", "ALLOW", "ingress", "egress", true, false, "true", null),
    fc.constantFrom(...PROTOTYPE_NAMES, "web", "data"),
    fc.ipV4().map((ip) => `${ip}/${ip.length % 33}`),
    fc.ipV6().map((ip) => `${ip}/${ip.length % 129}`),
);

export const leaf: fc.Arbitrary<unknown> = fc.oneof({ weight: 3, arbitrary: interesting }, { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 2 }) });
const secretOf = (a: fc.Arbitrary<unknown>) => a.map((value) => secret(value));

const value: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
    value: fc.oneof(
        { weight: 5, arbitrary: leaf },
        { weight: 2, arbitrary: fc.array(tie("value"), { maxLength: 4 }) },
        { weight: 2, arbitrary: tie("object") },
        { weight: 1, arbitrary: secretOf(leaf) },
    ),
    object: fc.dictionary(fc.constantFrom(...FIELDS), tie("value"), { maxKeys: 8 }),
})).value;

const ruleObject = fc.dictionary(fc.constantFrom(...FIELDS), value, { maxKeys: 10 });
const ruleList = fc.oneof(
    { weight: 200, arbitrary: fc.array(fc.oneof({ weight: 4, arbitrary: ruleObject }, { weight: 1, arbitrary: leaf }), { maxLength: 6 }) },
    // Now and then a huge list (AWS allows up to 1,000 rules a group), as a generated program might produce.
    {
        weight: 1,
        arbitrary: fc.integer({ min: 500, max: 1500 }).map((n) =>
            Array.from({ length: n }, (_, i) => ({
                protocol: i % 7 ? "tcp" : "-1",
                fromPort: i,
                toPort: i + (i % 50),
                cidrBlocks: [i % 5 ? `10.${i % 256}.0.0/16` : "0.0.0.0/0"],
                description: i % 3 ? "r" : "",
            })),
        ),
    },
);

const props = fc.oneof(
    ruleObject,
    fc.record({ ingress: fc.oneof(ruleList, leaf), egress: fc.oneof(ruleList, leaf) }, { requiredKeys: [] }),
    fc.record({ securityGroupIngress: fc.oneof(ruleList, leaf), securityGroupEgress: fc.oneof(ruleList, leaf) }, { requiredKeys: [] }),
    fc.dictionary(fc.string(), fc.jsonValue({ maxDepth: 3 }), { maxKeys: 5 }),
);

export const resource = fc.record({
    type: fc.constantFrom(...TYPES),
    name: fc.oneof(fc.string(), fc.constantFrom("web", "db-*", "a::b", ...PROTOTYPE_NAMES)),
    props,
});

/** Random policy config, valid or not, as a host other than the CLI might send it (no schema check). */
export const config = fc.dictionary(
    fc.constantFrom(...policyDefinitions.map((p) => p.name)),
    fc.record(
        {
            ports: fc.oneof(fc.array(fc.oneof(fc.integer({ min: -5, max: 70000 }), fc.string(), fc.constant("20-30"))), leaf),
            allowedTcpPorts: fc.oneof(fc.array(fc.integer({ min: 0, max: 65535 })), leaf),
            allowedCidrs: fc.oneof(fc.array(fc.oneof(fc.constant("10.0.0.0/8"), fc.string())), leaf),
            internetPrefixV4: fc.oneof(fc.integer({ min: -1, max: 40 }), leaf),
            maxPorts: fc.oneof(fc.integer(), leaf),
            unknownValues: fc.oneof(fc.constantFrom("advisory", "mandatory"), leaf),
            exemptions: fc.oneof(
                fc.array(
                    fc.record(
                        {
                            resource: fc.oneof(fc.string(), leaf),
                            reason: fc.oneof(fc.string(), leaf),
                            expires: fc.oneof(fc.constantFrom("2020-01-01", "2999-01-01", "2026-13-01"), leaf),
                        },
                        { requiredKeys: [] },
                    ),
                ),
                leaf,
            ),
        },
        { requiredKeys: [] },
    ),
);

/** Struct cannot carry undefined; JSON round-trips make the value exactly what the engine could send. */
export const asEngineSends = <T>(v: T): T => JSON.parse(JSON.stringify(v));
