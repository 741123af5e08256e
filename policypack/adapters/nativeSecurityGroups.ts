/** Security groups of the `aws-native` (Cloud Control) provider. */
import { cidrPeer, Direction, ResourceRules, Rule, RuleOrigin } from "../model/rule";
import { field, readList } from "../model/propertyReaders";
import { RuleShape, readInlineRules, readSecurityGroupRule } from "./securityGroupRules";

export const NATIVE_SECURITY_GROUP = "aws-native:ec2:SecurityGroup";
export const NATIVE_INGRESS = "aws-native:ec2:SecurityGroupIngress";
export const NATIVE_EGRESS = "aws-native:ec2:SecurityGroupEgress";

const INGRESS_SHAPE: RuleShape = {
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

const EGRESS_SHAPE: RuleShape = {
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
function defaultEgressRule(origin: RuleOrigin): Rule {
    return {
        direction: "egress",
        action: "allow",
        protocol: { kind: "all" },
        ports: { kind: "all" },
        peers: [cidrPeer("0.0.0.0/0", "securityGroupEgress")],
        description: "AWS default egress rule",
        origin: { ...origin, path: "securityGroupEgress (not declared)" },
        implicit: "declares no securityGroupEgress, so AWS keeps its default allow-all egress rule (all protocols to 0.0.0.0/0)",
    };
}

export function nativeSecurityGroup(props: unknown, origin: RuleOrigin): ResourceRules {
    const result: ResourceRules = { rules: [], unreadable: [] };
    const lists: Array<[string, Direction, RuleShape]> = [
        ["securityGroupIngress", "ingress", INGRESS_SHAPE],
        ["securityGroupEgress", "egress", EGRESS_SHAPE],
    ];
    for (const [name, direction, shape] of lists) {
        const { rules, unreadable } = readInlineRules(props, name, direction, shape, origin);
        result.rules.push(...rules);
        if (unreadable) result.unreadable.push({ direction, unresolved: unreadable });
    }
    const egress = readList(field(props, "securityGroupEgress"), "securityGroupEgress");
    if (egress === undefined || (Array.isArray(egress) && egress.length === 0)) result.rules.push(defaultEgressRule(origin));
    return result;
}

export function nativeSecurityGroupRule(direction: Direction) {
    const shape = direction === "ingress" ? INGRESS_SHAPE : EGRESS_SHAPE;
    return (props: unknown, origin: RuleOrigin): ResourceRules => ({
        rules: [readSecurityGroupRule(props, direction, "", shape, origin)],
        unreadable: [],
    });
}
