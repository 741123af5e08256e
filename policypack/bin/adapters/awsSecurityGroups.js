"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.AWS_VPC_EGRESS_RULE = exports.AWS_VPC_INGRESS_RULE = exports.AWS_SECURITY_GROUP_RULE = exports.AWS_DEFAULT_SECURITY_GROUP = exports.AWS_SECURITY_GROUP = void 0;
exports.inlineSecurityGroup = inlineSecurityGroup;
exports.securityGroupRule = securityGroupRule;
exports.vpcSecurityGroupRule = vpcSecurityGroupRule;
const propertyReaders_1 = require("../model/propertyReaders");
const unresolved_1 = require("../model/unresolved");
const securityGroupRules_1 = require("./securityGroupRules");
exports.AWS_SECURITY_GROUP = "aws:ec2/securityGroup:SecurityGroup";
exports.AWS_DEFAULT_SECURITY_GROUP = "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup";
exports.AWS_SECURITY_GROUP_RULE = "aws:ec2/securityGroupRule:SecurityGroupRule";
exports.AWS_VPC_INGRESS_RULE = "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule";
exports.AWS_VPC_EGRESS_RULE = "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule";
const INLINE_SHAPE = {
    protocol: "protocol",
    cidrs: [
        { name: "cidrBlocks", list: true },
        { name: "ipv6CidrBlocks", list: true },
    ],
    securityGroups: [{ name: "securityGroups", list: true }],
    prefixLists: [{ name: "prefixListIds", list: true }],
    self: "self",
};
const STANDALONE_SHAPE = {
    ...INLINE_SHAPE,
    securityGroups: [{ name: "sourceSecurityGroupId", list: false }],
};
const VPC_RULE_SHAPE = {
    protocol: "ipProtocol",
    cidrs: [
        { name: "cidrIpv4", list: false },
        { name: "cidrIpv6", list: false },
    ],
    securityGroups: [{ name: "referencedSecurityGroupId", list: false }],
    prefixLists: [{ name: "prefixListId", list: false }],
};
/** `aws.ec2.SecurityGroup` and `aws.ec2.DefaultSecurityGroup`: inline `ingress` and `egress` lists. */
function inlineSecurityGroup(props, origin) {
    const result = { rules: [], unreadable: [] };
    for (const direction of ["ingress", "egress"]) {
        const { rules, unreadable } = (0, securityGroupRules_1.readInlineRules)(props, direction, direction, INLINE_SHAPE, origin);
        result.rules.push(...rules);
        if (unreadable)
            result.unreadable.push({ direction, unresolved: unreadable });
    }
    return result;
}
/** `aws.ec2.SecurityGroupRule`: its `type` says the direction. */
function securityGroupRule(props, origin) {
    const type = (0, propertyReaders_1.field)(props, "type");
    const direction = typeof type === "string" ? type.trim().toLowerCase() : undefined;
    if (direction === "ingress" || direction === "egress") {
        return { rules: [(0, securityGroupRules_1.readSecurityGroupRule)(props, direction, "", STANDALONE_SHAPE, origin)], unreadable: [] };
    }
    // Without a direction the rule could be either: both directions are unverifiable.
    const why = (0, propertyReaders_1.isUnknown)(type) ? (0, unresolved_1.unknownAt)("type") : (0, unresolved_1.malformedAt)("type", type, 'expected "ingress" or "egress"');
    return {
        rules: [],
        unreadable: [
            { direction: "ingress", unresolved: why },
            { direction: "egress", unresolved: why },
        ],
    };
}
/** `aws.vpc.SecurityGroupIngressRule` / `SecurityGroupEgressRule`: one rule each, direction from the type. */
function vpcSecurityGroupRule(direction) {
    return (props, origin) => ({
        rules: [(0, securityGroupRules_1.readSecurityGroupRule)(props, direction, "", VPC_RULE_SHAPE, origin)],
        unreadable: [],
    });
}
