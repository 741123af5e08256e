/** Every policy of the pack, in the order the README lists them. Importing this starts nothing. */
import { PolicyDefinition, toResourcePolicy } from "../kit/define";
import { ConfigKeys } from "../kit/config";
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

export function resourcePolicies() {
    return policyDefinitions.map(toResourcePolicy);
}
