"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.NATIVE_EGRESS = exports.NATIVE_INGRESS = exports.NATIVE_SECURITY_GROUP = void 0;
exports.nativeSecurityGroup = nativeSecurityGroup;
exports.nativeSecurityGroupRule = nativeSecurityGroupRule;
/** Security groups of the `aws-native` (Cloud Control) provider. */
const rule_1 = require("../model/rule");
const propertyReaders_1 = require("../model/propertyReaders");
const securityGroupRules_1 = require("./securityGroupRules");
exports.NATIVE_SECURITY_GROUP = "aws-native:ec2:SecurityGroup";
exports.NATIVE_INGRESS = "aws-native:ec2:SecurityGroupIngress";
exports.NATIVE_EGRESS = "aws-native:ec2:SecurityGroupEgress";
const INGRESS_SHAPE = {
    protocol: "ipProtocol",
    cidrs: [
        { name: "cidrIp", list: false },
        { name: "cidrIpv6", list: false },
    ],
    securityGroups: [
        { name: "sourceSecurityGroupId", list: false },
        { name: "sourceSecurityGroupName", list: false },
    ],
    prefixLists: [{ name: "sourcePrefixListId", list: false }],
};
const EGRESS_SHAPE = {
    protocol: "ipProtocol",
    cidrs: [
        { name: "cidrIp", list: false },
        { name: "cidrIpv6", list: false },
    ],
    securityGroups: [{ name: "destinationSecurityGroupId", list: false }],
    prefixLists: [{ name: "destinationPrefixListId", list: false }],
};
/**
 * AWS gives every new security group an allow-all IPv4 egress rule. CloudFormation (and so
 * aws-native) removes it only when the template declares egress rules; the classic provider always
 * removes it. A native group that declares none keeps it, so the model shows it.
 */
function defaultEgressRule(origin) {
    return {
        direction: "egress",
        action: "allow",
        protocol: { kind: "all" },
        ports: { kind: "all" },
        peers: [(0, rule_1.cidrPeer)("0.0.0.0/0", "securityGroupEgress")],
        description: "AWS default egress rule",
        origin: { ...origin, path: "securityGroupEgress (not declared)" },
        implicit: "declares no securityGroupEgress, so AWS keeps its default allow-all egress rule (all protocols to 0.0.0.0/0)",
    };
}
function nativeSecurityGroup(props, origin) {
    const result = { rules: [], unreadable: [] };
    const lists = [
        ["securityGroupIngress", "ingress", INGRESS_SHAPE],
        ["securityGroupEgress", "egress", EGRESS_SHAPE],
    ];
    for (const [name, direction, shape] of lists) {
        const { rules, unreadable } = (0, securityGroupRules_1.readInlineRules)(props, name, direction, shape, origin);
        result.rules.push(...rules);
        if (unreadable)
            result.unreadable.push({ direction, unresolved: unreadable });
    }
    const egress = (0, propertyReaders_1.readList)((0, propertyReaders_1.field)(props, "securityGroupEgress"), "securityGroupEgress");
    if (egress === undefined || (Array.isArray(egress) && egress.length === 0))
        result.rules.push(defaultEgressRule(origin));
    return result;
}
function nativeSecurityGroupRule(direction) {
    const shape = direction === "ingress" ? INGRESS_SHAPE : EGRESS_SHAPE;
    return (props, origin) => ({
        rules: [(0, securityGroupRules_1.readSecurityGroupRule)(props, direction, "", shape, origin)],
        unreadable: [],
    });
}
