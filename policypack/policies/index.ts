/** Every policy of the pack, in the order the README lists them. Importing this starts nothing. */
import { PolicyDefinition, toResourcePolicy } from "../kit/define";
import { ConfigKeys } from "../kit/config";
import { StackPolicyDefinition, toStackPolicy } from "../kit/defineStack";
import { naclAllowsReturnTraffic } from "./stack/naclAllowsReturnTraffic";
import { noMixedInlineAndStandaloneRules } from "./stack/noMixedInlineAndStandaloneRules";
import { noSensitivePortsViaInternetPrefixLists } from "./stack/noSensitivePortsViaInternetPrefixLists";
import { resourcesUseExplicitSecurityGroups } from "./stack/resourcesUseExplicitSecurityGroups";
import { securityGroupsAreAttached } from "./stack/securityGroupsAreAttached";
import { tierIsolation } from "./stack/tierIsolation";
import { databaseIngressFromSecurityGroupsOnly } from "./databaseIngressFromSecurityGroupsOnly";
import { databaseNotPubliclyAccessible } from "./databaseNotPubliclyAccessible";
import { defaultSecurityGroupRestrictsAll } from "./defaultSecurityGroupRestrictsAll";
import { internetIngressOnlyOnAllowedPorts } from "./internetIngressOnlyOnAllowedPorts";
import { naclNoAdminPortsFromInternet } from "./naclNoAdminPortsFromInternet";
import { noAdminPortsFromInternet } from "./noAdminPortsFromInternet";
import { noDatabasePortsFromInternet } from "./noDatabasePortsFromInternet";
import { noUnrestrictedEgress } from "./noUnrestrictedEgress";
import { noWideIngressPortRanges } from "./noWideIngressPortRanges";
import { securityGroupRulesHaveDescriptions } from "./securityGroupRulesHaveDescriptions";

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
