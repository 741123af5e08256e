"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.stackPolicyDefinitions = exports.policyDefinitions = exports.stackPolicyCatalog = exports.resourcePolicyCatalog = void 0;
exports.packPolicies = packPolicies;
const define_1 = require("../kit/define");
const defineStack_1 = require("../kit/defineStack");
const policy_1 = require("./no-admin-ports-from-internet/policy");
const policy_2 = require("./no-database-ports-from-internet/policy");
const policy_3 = require("./internet-ingress-only-on-allowed-ports/policy");
const policy_4 = require("./no-unrestricted-egress/policy");
const policy_5 = require("./database-ingress-from-security-groups-only/policy");
const policy_6 = require("./security-group-rules-have-descriptions/policy");
const policy_7 = require("./default-security-group-restricts-all/policy");
const policy_8 = require("./database-not-publicly-accessible/policy");
const policy_9 = require("./nacl-no-admin-ports-from-internet/policy");
const policy_10 = require("./no-wide-ingress-port-ranges/policy");
const policy_11 = require("./tier-isolation/policy");
const policy_12 = require("./internet-exposure/policy");
const policy_13 = require("./no-mixed-inline-and-standalone-rules/policy");
const policy_14 = require("./resources-use-explicit-security-groups/policy");
const policy_15 = require("./security-groups-are-attached/policy");
const policy_16 = require("./nacl-allows-return-traffic/policy");
const policy_17 = require("./no-sensitive-ports-via-internet-prefix-lists/policy");
/**
 * The resource policies: judged on each resource alone, as the engine sends it (Analyze). Keyed by
 * name, so the names are types too (the settings of `new Tierguard({...})`, policypack/compose.ts);
 * registered() checks each key is its policy's name.
 */
exports.resourcePolicyCatalog = {
    "no-admin-ports-from-internet": policy_1.noAdminPortsFromInternet,
    "no-database-ports-from-internet": policy_2.noDatabasePortsFromInternet,
    "internet-ingress-only-on-allowed-ports": policy_3.internetIngressOnlyOnAllowedPorts,
    "no-unrestricted-egress": policy_4.noUnrestrictedEgress,
    "database-ingress-from-security-groups-only": policy_5.databaseIngressFromSecurityGroupsOnly,
    "security-group-rules-have-descriptions": policy_6.securityGroupRulesHaveDescriptions,
    "default-security-group-restricts-all": policy_7.defaultSecurityGroupRestrictsAll,
    "database-not-publicly-accessible": policy_8.databaseNotPubliclyAccessible,
    "nacl-no-admin-ports-from-internet": policy_9.naclNoAdminPortsFromInternet,
    "no-wide-ingress-port-ranges": policy_10.noWideIngressPortRanges,
};
/** The stack policies: judged on the whole stack as a network, at the end of a preview or update (AnalyzeStack). */
exports.stackPolicyCatalog = {
    "tier-isolation": policy_11.tierIsolation,
    "internet-exposure": policy_12.internetExposurePolicy,
    "no-mixed-inline-and-standalone-rules": policy_13.noMixedInlineAndStandaloneRules,
    "resources-use-explicit-security-groups": policy_14.resourcesUseExplicitSecurityGroups,
    "security-groups-are-attached": policy_15.securityGroupsAreAttached,
    "nacl-allows-return-traffic": policy_16.naclAllowsReturnTraffic,
    "no-sensitive-ports-via-internet-prefix-lists": policy_17.noSensitivePortsViaInternetPrefixLists,
};
/** A catalog's definitions in order, each key checked against its policy's name (a mismatch is a bug here, caught by any test). */
function registered(catalog) {
    return Object.entries(catalog).map(([key, definition]) => {
        if (key !== definition.name)
            throw new Error(`policy registry: key "${key}" holds policy "${definition.name}"`);
        return definition;
    });
}
/** The resource policies, in the order the README lists them. */
exports.policyDefinitions = registered(exports.resourcePolicyCatalog).map((d) => (0, define_1.definePolicy)(d));
/** The stack policies, in the order the README lists them. */
exports.stackPolicyDefinitions = registered(exports.stackPolicyCatalog).map((d) => (0, defineStack_1.defineStackPolicy)(d));
/** Every policy of the pack, as the Pulumi SDK wants them. */
function packPolicies() {
    return [...exports.policyDefinitions.map(define_1.toResourcePolicy), ...exports.stackPolicyDefinitions.map(defineStack_1.toStackPolicy)];
}
