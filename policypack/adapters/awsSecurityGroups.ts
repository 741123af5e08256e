/** Security groups of the classic `aws` provider: inline rules, standalone rules, the default group. */
import { Direction, ResourceRules, RuleOrigin } from "../model/rule";
import { field, isUnknown } from "../model/propertyReaders";
import { malformedAt, unknownAt } from "../model/unresolved";
import { RuleShape, readInlineRules, readSecurityGroupRule } from "./securityGroupRules";

export const AWS_SECURITY_GROUP = "aws:ec2/securityGroup:SecurityGroup";
export const AWS_DEFAULT_SECURITY_GROUP = "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup";
export const AWS_SECURITY_GROUP_RULE = "aws:ec2/securityGroupRule:SecurityGroupRule";
export const AWS_VPC_INGRESS_RULE = "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule";
export const AWS_VPC_EGRESS_RULE = "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule";

const INLINE_SHAPE: RuleShape = {
    protocol: "protocol",
    cidrs: [
        { name: "cidrBlocks", list: true },
        { name: "ipv6CidrBlocks", list: true },
    ],
    securityGroups: [{ name: "securityGroups", list: true }],
    prefixLists: [{ name: "prefixListIds", list: true }],
    self: "self",
};

const STANDALONE_SHAPE: RuleShape = {
    ...INLINE_SHAPE,
    securityGroups: [{ name: "sourceSecurityGroupId", list: false }],
};

const VPC_RULE_SHAPE: RuleShape = {
    protocol: "ipProtocol",
    cidrs: [
        { name: "cidrIpv4", list: false },
        { name: "cidrIpv6", list: false },
    ],
    securityGroups: [{ name: "referencedSecurityGroupId", list: false }],
    prefixLists: [{ name: "prefixListId", list: false }],
};

/** `aws.ec2.SecurityGroup` and `aws.ec2.DefaultSecurityGroup`: inline `ingress` and `egress` lists. */
export function inlineSecurityGroup(props: unknown, origin: RuleOrigin): ResourceRules {
    const result: ResourceRules = { rules: [], unreadable: [] };
    for (const direction of ["ingress", "egress"] as Direction[]) {
        const { rules, unreadable } = readInlineRules(props, direction, direction, INLINE_SHAPE, origin);
        result.rules.push(...rules);
        if (unreadable) result.unreadable.push({ direction, unresolved: unreadable });
    }
    return result;
}

/** `aws.ec2.SecurityGroupRule`: its `type` says the direction. */
export function securityGroupRule(props: unknown, origin: RuleOrigin): ResourceRules {
    const type = field(props, "type");
    const direction = typeof type === "string" ? type.trim().toLowerCase() : undefined;
    if (direction === "ingress" || direction === "egress") {
        return { rules: [readSecurityGroupRule(props, direction, "", STANDALONE_SHAPE, origin)], unreadable: [] };
    }
    // Without a direction the rule could be either: both directions are unverifiable.
    const why = isUnknown(type) ? unknownAt("type") : malformedAt("type", type, 'expected "ingress" or "egress"');
    return {
        rules: [],
        unreadable: [
            { direction: "ingress", unresolved: why },
            { direction: "egress", unresolved: why },
        ],
    };
}

/** `aws.vpc.SecurityGroupIngressRule` / `SecurityGroupEgressRule`: one rule each, direction from the type. */
export function vpcSecurityGroupRule(direction: Direction) {
    return (props: unknown, origin: RuleOrigin): ResourceRules => ({
        rules: [readSecurityGroupRule(props, direction, "", VPC_RULE_SHAPE, origin)],
        unreadable: [],
    });
}
