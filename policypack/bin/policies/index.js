"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.stackPolicyDefinitions = exports.policyDefinitions = void 0;
exports.packPolicies = packPolicies;
/**
 * The registry: every policy of the pack, one line each, in the order the README lists them. A policy
 * lives in its own folder (policypack/policies/<name>/: policy.ts and examples.ts, see CONTRIBUTING.md);
 * adding one means adding its folder and its line here. Importing this starts nothing.
 */
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
/** The resource policies: judged on each resource alone, as the engine sends it (Analyze). */
exports.policyDefinitions = [
    (0, define_1.definePolicy)(policy_1.noAdminPortsFromInternet),
    (0, define_1.definePolicy)(policy_2.noDatabasePortsFromInternet),
    (0, define_1.definePolicy)(policy_3.internetIngressOnlyOnAllowedPorts),
    (0, define_1.definePolicy)(policy_4.noUnrestrictedEgress),
    (0, define_1.definePolicy)(policy_5.databaseIngressFromSecurityGroupsOnly),
    (0, define_1.definePolicy)(policy_6.securityGroupRulesHaveDescriptions),
    (0, define_1.definePolicy)(policy_7.defaultSecurityGroupRestrictsAll),
    (0, define_1.definePolicy)(policy_8.databaseNotPubliclyAccessible),
    (0, define_1.definePolicy)(policy_9.naclNoAdminPortsFromInternet),
    (0, define_1.definePolicy)(policy_10.noWideIngressPortRanges),
];
/** The stack policies: judged on the whole stack as a network, at the end of a preview or update (AnalyzeStack). */
exports.stackPolicyDefinitions = [
    (0, defineStack_1.defineStackPolicy)(policy_11.tierIsolation),
    (0, defineStack_1.defineStackPolicy)(policy_12.internetExposurePolicy),
    (0, defineStack_1.defineStackPolicy)(policy_13.noMixedInlineAndStandaloneRules),
    (0, defineStack_1.defineStackPolicy)(policy_14.resourcesUseExplicitSecurityGroups),
    (0, defineStack_1.defineStackPolicy)(policy_15.securityGroupsAreAttached),
    (0, defineStack_1.defineStackPolicy)(policy_16.naclAllowsReturnTraffic),
    (0, defineStack_1.defineStackPolicy)(policy_17.noSensitivePortsViaInternetPrefixLists),
];
/** Every policy of the pack, as the Pulumi SDK wants them. */
function packPolicies() {
    return [...exports.policyDefinitions.map(define_1.toResourcePolicy), ...exports.stackPolicyDefinitions.map(defineStack_1.toStackPolicy)];
}
