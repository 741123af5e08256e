/**
 * The registry: every policy of the pack, one line each, in the order the README lists them. A policy
 * lives in its own folder (policypack/policies/<name>/: policy.ts and examples.ts, see CONTRIBUTING.md);
 * adding one means adding its folder and its line here. Importing this starts nothing.
 */
import { ResourcePolicy, definePolicy, toResourcePolicy } from "../kit/define";
import { StackPolicy, defineStackPolicy, toStackPolicy } from "../kit/defineStack";
import { noAdminPortsFromInternet } from "./no-admin-ports-from-internet/policy";
import { noDatabasePortsFromInternet } from "./no-database-ports-from-internet/policy";
import { internetIngressOnlyOnAllowedPorts } from "./internet-ingress-only-on-allowed-ports/policy";
import { noUnrestrictedEgress } from "./no-unrestricted-egress/policy";
import { databaseIngressFromSecurityGroupsOnly } from "./database-ingress-from-security-groups-only/policy";
import { securityGroupRulesHaveDescriptions } from "./security-group-rules-have-descriptions/policy";
import { defaultSecurityGroupRestrictsAll } from "./default-security-group-restricts-all/policy";
import { databaseNotPubliclyAccessible } from "./database-not-publicly-accessible/policy";
import { naclNoAdminPortsFromInternet } from "./nacl-no-admin-ports-from-internet/policy";
import { noWideIngressPortRanges } from "./no-wide-ingress-port-ranges/policy";
import { tierIsolation } from "./tier-isolation/policy";
import { internetExposurePolicy } from "./internet-exposure/policy";
import { noMixedInlineAndStandaloneRules } from "./no-mixed-inline-and-standalone-rules/policy";
import { resourcesUseExplicitSecurityGroups } from "./resources-use-explicit-security-groups/policy";
import { securityGroupsAreAttached } from "./security-groups-are-attached/policy";
import { naclAllowsReturnTraffic } from "./nacl-allows-return-traffic/policy";
import { noSensitivePortsViaInternetPrefixLists } from "./no-sensitive-ports-via-internet-prefix-lists/policy";

/** The resource policies: judged on each resource alone, as the engine sends it (Analyze). */
export const policyDefinitions: readonly ResourcePolicy[] = [
    definePolicy(noAdminPortsFromInternet),
    definePolicy(noDatabasePortsFromInternet),
    definePolicy(internetIngressOnlyOnAllowedPorts),
    definePolicy(noUnrestrictedEgress),
    definePolicy(databaseIngressFromSecurityGroupsOnly),
    definePolicy(securityGroupRulesHaveDescriptions),
    definePolicy(defaultSecurityGroupRestrictsAll),
    definePolicy(databaseNotPubliclyAccessible),
    definePolicy(naclNoAdminPortsFromInternet),
    definePolicy(noWideIngressPortRanges),
];

/** The stack policies: judged on the whole stack as a network, at the end of a preview or update (AnalyzeStack). */
export const stackPolicyDefinitions: readonly StackPolicy[] = [
    defineStackPolicy(tierIsolation),
    defineStackPolicy(internetExposurePolicy),
    defineStackPolicy(noMixedInlineAndStandaloneRules),
    defineStackPolicy(resourcesUseExplicitSecurityGroups),
    defineStackPolicy(securityGroupsAreAttached),
    defineStackPolicy(naclAllowsReturnTraffic),
    defineStackPolicy(noSensitivePortsViaInternetPrefixLists),
];

/** Every policy of the pack, as the Pulumi SDK wants them. */
export function packPolicies() {
    return [...policyDefinitions.map(toResourcePolicy), ...stackPolicyDefinitions.map(toStackPolicy)];
}
