/** Which adapter reads which resource type: the only place that knows the type tokens with rules. */
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

type Adapter = (props: unknown, origin: RuleOrigin) => ResourceRules;

const ADAPTERS: ReadonlyMap<string, Adapter> = new Map<string, Adapter>([
    [AWS_SECURITY_GROUP, inlineSecurityGroup],
    [AWS_DEFAULT_SECURITY_GROUP, inlineSecurityGroup],
    [AWS_SECURITY_GROUP_RULE, securityGroupRule],
    [AWS_VPC_INGRESS_RULE, vpcSecurityGroupRule("ingress")],
    [AWS_VPC_EGRESS_RULE, vpcSecurityGroupRule("egress")],
    [NATIVE_SECURITY_GROUP, nativeSecurityGroup],
    [NATIVE_INGRESS, nativeSecurityGroupRule("ingress")],
    [NATIVE_EGRESS, nativeSecurityGroupRule("egress")],
    [AWS_NETWORK_ACL, inlineNetworkAcl],
    [AWS_DEFAULT_NETWORK_ACL, inlineNetworkAcl],
    [AWS_NETWORK_ACL_RULE, networkAclRule],
    [NATIVE_NETWORK_ACL_ENTRY, nativeNetworkAclEntry],
]);

/** Every resource type that carries network rules. */
export const RULE_RESOURCE_TYPES: ReadonlySet<string> = new Set(ADAPTERS.keys());

export interface ResourceIdentity {
    type: string;
    name: string;
    urn: string;
}

/** Turns a resource's props into the rule model; undefined for resource types without rules. */
export function rulesOf(resource: ResourceIdentity, props: unknown): ResourceRules | undefined {
    const adapter = ADAPTERS.get(resource.type);
    if (!adapter) return undefined;
    return adapter(props, { urn: resource.urn, resourceName: resource.name, resourceType: resource.type, path: "" });
}

export { AWS_DEFAULT_SECURITY_GROUP } from "./awsSecurityGroups";
