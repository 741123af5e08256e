/**
 * Which adapter reads which resource type: the only place that knows the type tokens with rules.
 * Every set of such types the pack uses (what a policy applies to, what the stack graph joins) is
 * derived from this one table.
 */
import { AnalyzedResource } from "../model/resource";
import { ResourceRules, RuleOrigin } from "../model/rule";
import {
    AWS_DEFAULT_SECURITY_GROUP,
    AWS_SECURITY_GROUP,
    AWS_SECURITY_GROUP_RULE,
    AWS_VPC_EGRESS_RULE,
    AWS_VPC_INGRESS_RULE,
    inlineSecurityGroup,
    securityGroupRule,
    vpcSecurityGroupRule,
} from "./awsSecurityGroups";
import { NATIVE_EGRESS, NATIVE_INGRESS, NATIVE_SECURITY_GROUP, nativeSecurityGroup, nativeSecurityGroupRule } from "./nativeSecurityGroups";
import {
    AWS_DEFAULT_NETWORK_ACL,
    AWS_NETWORK_ACL,
    AWS_NETWORK_ACL_RULE,
    NATIVE_NETWORK_ACL_ENTRY,
    inlineNetworkAcl,
    nativeNetworkAclEntry,
    networkAclRule,
} from "./networkAcls";

export type RuleFamily = "securityGroup" | "networkAcl";

interface RuleResourceKind {
    /** Security-group rules, or network-ACL entries. */
    family: RuleFamily;
    read: (props: unknown, origin: RuleOrigin) => ResourceRules;
    /** For a standalone rule resource: the property naming the group or ACL it joins. */
    joins?: string;
}

const KINDS: ReadonlyMap<string, RuleResourceKind> = new Map<string, RuleResourceKind>([
    [AWS_SECURITY_GROUP, { family: "securityGroup", read: inlineSecurityGroup }],
    [AWS_DEFAULT_SECURITY_GROUP, { family: "securityGroup", read: inlineSecurityGroup }],
    [AWS_SECURITY_GROUP_RULE, { family: "securityGroup", read: securityGroupRule, joins: "securityGroupId" }],
    [AWS_VPC_INGRESS_RULE, { family: "securityGroup", read: vpcSecurityGroupRule("ingress"), joins: "securityGroupId" }],
    [AWS_VPC_EGRESS_RULE, { family: "securityGroup", read: vpcSecurityGroupRule("egress"), joins: "securityGroupId" }],
    [NATIVE_SECURITY_GROUP, { family: "securityGroup", read: nativeSecurityGroup }],
    [NATIVE_INGRESS, { family: "securityGroup", read: nativeSecurityGroupRule("ingress"), joins: "groupId" }],
    [NATIVE_EGRESS, { family: "securityGroup", read: nativeSecurityGroupRule("egress"), joins: "groupId" }],
    [AWS_NETWORK_ACL, { family: "networkAcl", read: inlineNetworkAcl }],
    [AWS_DEFAULT_NETWORK_ACL, { family: "networkAcl", read: inlineNetworkAcl }],
    [AWS_NETWORK_ACL_RULE, { family: "networkAcl", read: networkAclRule, joins: "networkAclId" }],
    [NATIVE_NETWORK_ACL_ENTRY, { family: "networkAcl", read: nativeNetworkAclEntry, joins: "networkAclId" }],
]);

function typesWhere(test: (kind: RuleResourceKind) => boolean): ReadonlySet<string> {
    return new Set([...KINDS].filter(([, kind]) => test(kind)).map(([type]) => type));
}

/** Every resource type that carries network rules. */
export const RULE_RESOURCE_TYPES: ReadonlySet<string> = new Set(KINDS.keys());
/** Every type carrying security-group rules: groups and standalone rule resources. */
export const SECURITY_GROUP_TYPES = typesWhere((kind) => kind.family === "securityGroup");
/** Every type carrying network-ACL entries: ACLs and standalone entry resources. */
export const NETWORK_ACL_TYPES = typesWhere((kind) => kind.family === "networkAcl");
/** The groups themselves (their rules written inline), without the standalone rule resources. */
export const SECURITY_GROUP_HOLDER_TYPES = typesWhere((kind) => kind.family === "securityGroup" && kind.joins === undefined);
/** The network ACLs themselves (their entries written inline), without the standalone entry resources. */
export const NETWORK_ACL_HOLDER_TYPES = typesWhere((kind) => kind.family === "networkAcl" && kind.joins === undefined);

/** For a standalone rule resource of the family: the property naming the group or ACL it joins. */
export function joinedHolderProperty(type: string, family: RuleFamily): string | undefined {
    const kind = KINDS.get(type);
    return kind?.family === family ? kind.joins : undefined;
}

/** Rule models by resource: policies of one request and the stack graph ask for the same resource's rules. */
const modelled = new WeakMap<AnalyzedResource, ResourceRules | undefined>();

/** Turns a resource's props into the rule model; undefined for resource types without rules. Never modify the answer: it is shared. */
export function rulesOf(resource: AnalyzedResource): ResourceRules | undefined {
    if (modelled.has(resource)) return modelled.get(resource);
    const kind = KINDS.get(resource.type);
    const rules = kind?.read(resource.props, { urn: resource.urn, resourceName: resource.name, resourceType: resource.type, path: "" });
    modelled.set(resource, rules);
    return rules;
}

export { AWS_DEFAULT_SECURITY_GROUP } from "./awsSecurityGroups";
export { AWS_DEFAULT_NETWORK_ACL } from "./networkAcls";
