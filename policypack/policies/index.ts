/**
 * The registry: every policy of the pack, one line each, in the order the README lists them. A policy
 * lives in its own folder (policypack/policies/<name>/: policy.ts and examples.ts, see CONTRIBUTING.md);
 * adding one means adding its folder and its line (`"<name>": definition,`) here. Importing this starts nothing.
 */
import { ConfigKeys } from "../kit/config";
import { PolicyDefinition, ResourcePolicy, definePolicy, toResourcePolicy } from "../kit/define";
import { StackPolicy, StackPolicyDefinition, defineStackPolicy, toStackPolicy } from "../kit/defineStack";
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

/**
 * The resource policies: judged on each resource alone, as the engine sends it (Analyze). Keyed by
 * name, so the names are types too (the settings of `new Tierguard({...})`, policypack/compose.ts);
 * registered() checks each key is its policy's name.
 */
export const resourcePolicyCatalog = {
    "no-admin-ports-from-internet": noAdminPortsFromInternet,
    "no-database-ports-from-internet": noDatabasePortsFromInternet,
    "internet-ingress-only-on-allowed-ports": internetIngressOnlyOnAllowedPorts,
    "no-unrestricted-egress": noUnrestrictedEgress,
    "database-ingress-from-security-groups-only": databaseIngressFromSecurityGroupsOnly,
    "security-group-rules-have-descriptions": securityGroupRulesHaveDescriptions,
    "default-security-group-restricts-all": defaultSecurityGroupRestrictsAll,
    "database-not-publicly-accessible": databaseNotPubliclyAccessible,
    "nacl-no-admin-ports-from-internet": naclNoAdminPortsFromInternet,
    "no-wide-ingress-port-ranges": noWideIngressPortRanges,
};

/** The stack policies: judged on the whole stack as a network, at the end of a preview or update (AnalyzeStack). */
export const stackPolicyCatalog = {
    "tier-isolation": tierIsolation,
    "internet-exposure": internetExposurePolicy,
    "no-mixed-inline-and-standalone-rules": noMixedInlineAndStandaloneRules,
    "resources-use-explicit-security-groups": resourcesUseExplicitSecurityGroups,
    "security-groups-are-attached": securityGroupsAreAttached,
    "nacl-allows-return-traffic": naclAllowsReturnTraffic,
    "no-sensitive-ports-via-internet-prefix-lists": noSensitivePortsViaInternetPrefixLists,
};

/** A catalog's definitions in order, each key checked against its policy's name (a mismatch is a bug here, caught by any test). */
function registered<D extends { name: string }>(catalog: Record<string, D>): D[] {
    return Object.entries(catalog).map(([key, definition]) => {
        if (key !== definition.name) throw new Error(`policy registry: key "${key}" holds policy "${definition.name}"`);
        return definition;
    });
}

/** The resource policies, in the order the README lists them. */
export const policyDefinitions: readonly ResourcePolicy[] = registered<PolicyDefinition<ConfigKeys>>(resourcePolicyCatalog).map((d) => definePolicy(d));

/** The stack policies, in the order the README lists them. */
export const stackPolicyDefinitions: readonly StackPolicy[] = registered<StackPolicyDefinition<ConfigKeys>>(stackPolicyCatalog).map((d) =>
    defineStackPolicy(d),
);

/** Every policy of the pack, as the Pulumi SDK wants them. */
export function packPolicies() {
    return [...policyDefinitions.map(toResourcePolicy), ...stackPolicyDefinitions.map(toStackPolicy)];
}
