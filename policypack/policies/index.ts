/** Every policy of the pack, in the order the README lists them. Importing this starts nothing. */
import { PolicyDefinition, toResourcePolicy } from "../kit/define";
import { ConfigKeys } from "../kit/config";
import { StackPolicyDefinition, toStackPolicy } from "../kit/defineStack";
import { naclAllowsReturnTraffic } from "./nacl-allows-return-traffic/policy";
import { noMixedInlineAndStandaloneRules } from "./no-mixed-inline-and-standalone-rules/policy";
import { noSensitivePortsViaInternetPrefixLists } from "./no-sensitive-ports-via-internet-prefix-lists/policy";
import { resourcesUseExplicitSecurityGroups } from "./resources-use-explicit-security-groups/policy";
import { securityGroupsAreAttached } from "./security-groups-are-attached/policy";
import { tierIsolation } from "./tier-isolation/policy";
import { databaseIngressFromSecurityGroupsOnly } from "./database-ingress-from-security-groups-only/policy";
import { databaseNotPubliclyAccessible } from "./database-not-publicly-accessible/policy";
import { defaultSecurityGroupRestrictsAll } from "./default-security-group-restricts-all/policy";
import { internetIngressOnlyOnAllowedPorts } from "./internet-ingress-only-on-allowed-ports/policy";
import { naclNoAdminPortsFromInternet } from "./nacl-no-admin-ports-from-internet/policy";
import { noAdminPortsFromInternet } from "./no-admin-ports-from-internet/policy";
import { noDatabasePortsFromInternet } from "./no-database-ports-from-internet/policy";
import { noUnrestrictedEgress } from "./no-unrestricted-egress/policy";
import { noWideIngressPortRanges } from "./no-wide-ingress-port-ranges/policy";
import { securityGroupRulesHaveDescriptions } from "./security-group-rules-have-descriptions/policy";

export const policyDefinitions: ReadonlyArray<PolicyDefinition<ConfigKeys>> = [
    noAdminPortsFromInternet,
    noDatabasePortsFromInternet,
    internetIngressOnlyOnAllowedPorts,
    noUnrestrictedEgress,
    databaseIngressFromSecurityGroupsOnly,
    securityGroupRulesHaveDescriptions,
    defaultSecurityGroupRestrictsAll,
    databaseNotPubliclyAccessible,
    naclNoAdminPortsFromInternet,
    noWideIngressPortRanges,
] as unknown as ReadonlyArray<PolicyDefinition<ConfigKeys>>;

/** The stack policies: judged on the whole stack as a network, at the end of a preview or update. */
export const stackPolicyDefinitions: ReadonlyArray<StackPolicyDefinition<ConfigKeys>> = [
    tierIsolation,
    noMixedInlineAndStandaloneRules,
    resourcesUseExplicitSecurityGroups,
    securityGroupsAreAttached,
    naclAllowsReturnTraffic,
    noSensitivePortsViaInternetPrefixLists,
] as unknown as ReadonlyArray<StackPolicyDefinition<ConfigKeys>>;

/** Every policy of the pack, as the Pulumi SDK wants them. */
export function packPolicies() {
    return [...policyDefinitions.map(toResourcePolicy), ...stackPolicyDefinitions.map(toStackPolicy)];
}
