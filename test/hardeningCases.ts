/**
 * The hostile inputs of the "Hardening" issue that are about the pack rather than one policy, as data:
 * resources whose types, names, tags and ids are Object.prototype members, beside a database open to the
 * internet. The same case runs in-process (test/unit/hardening.test.ts) and through the engine protocol
 * against the pack started as the engine starts it (test/engine/hardening.test.ts), so both doors give the
 * same verdicts. (The issue's cases about one policy — prefix lists of the stack, the default group
 * through the VPC, instances on interfaces, NACL return traffic, every public data store — are those
 * policies' examples now, in policypack/policies/<name>/examples.ts.)
 */
import { ExampleResource, Mode, ref } from "../policypack/kit/examples";
import { TIER_TAG as TIER, database as db, instance, lb, lbSg, securityGroup as sg, subnet, tcpFrom, vpc, webSg } from "../policypack/kit/exampleParts";

export const PROTOTYPE_NAMES = ["constructor", "toString", "__proto__", "hasOwnProperty", "valueOf"] as const;

export interface Expected {
    /** The resource the report is about (the last part of its URN). */
    resource: string;
    level: "mandatory" | "advisory";
    /** Texts the message contains. */
    contains: string[];
}

export interface StackCase {
    title: string;
    policy: string;
    stack: ExampleResource[];
    config?: Record<string, unknown>;
    /** Every report of the policy, in any order; a function when the modes differ. */
    expect: Expected[] | ((mode: Mode) => Expected[]);
}

export const expectedIn = (c: StackCase, mode: Mode) => (typeof c.expect === "function" ? c.expect(mode) : c.expect);

// --- A. Names that are Object.prototype members ----------------------------------------------------

/**
 * Resources whose types, names, tags, tier tags, property names and ids are Object.prototype members,
 * beside a database open to the internet: tier-isolation must still report it, at its level.
 */
export function hostileStack(): ExampleResource[] {
    const hostile = PROTOTYPE_NAMES.flatMap((name): ExampleResource[] => [
        // A resource and a component whose types are the member's name, named like it too.
        { type: name, name, props: { [name]: name, tags: { [TIER]: name, [name]: name } } },
        { type: `acme:index:${name}`, name: `component-${name}`, props: { [name]: ref("web-sg") } },
        // A security group and an instance with hostile names and tier tags.
        sg(`sg-${name}`, [tcpFrom(8080, { securityGroups: [ref("lb-sg")] })], { name, tags: { [TIER]: name, [name]: "x" } }),
        instance(name, { subnetId: ref("subnet-a"), vpcSecurityGroupIds: [ref(`sg-${name}`)], tags: { [TIER]: name, [name]: name } }),
        // Ids that are the member's name: a group, a subnet, a NACL and a prefix list outside the stack.
        instance(`ids-${name}`, { subnetId: name, vpcSecurityGroupIds: [name], tags: { [TIER]: "web" } }),
        {
            type: "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule",
            name: `rule-${name}`,
            props: { securityGroupId: name, ipProtocol: "tcp", fromPort: 22, toPort: 22, prefixListId: name, description: name },
        },
        {
            type: "aws:ec2/networkAclRule:NetworkAclRule",
            name: `acl-rule-${name}`,
            props: { networkAclId: name, ruleNumber: 100, egress: false, protocol: "-1", ruleAction: "allow", cidrBlock: "10.0.0.0/8" },
        },
    ]);
    const openDb = sg("db-sg", [tcpFrom(5432, { cidrBlocks: ["0.0.0.0/0"] })]);
    return [vpc, subnet, lbSg, webSg, openDb, lb, ...hostile, db([ref("db-sg")])];
}

export const HOSTILE_STACK_CASE: StackCase = {
    title: "Object.prototype names as types, names, tags, tier tags, property names and ids",
    policy: "tier-isolation",
    stack: hostileStack(),
    expect: [
        {
            resource: "orders-db",
            level: "mandatory",
            contains: ['"orders-db" (tier data', "is open to the internet (0.0.0.0/0) by its security groups", "ingress[0] allows TCP port 5432"],
        },
    ],
};
