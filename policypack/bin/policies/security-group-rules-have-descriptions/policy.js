"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.securityGroupRulesHaveDescriptions = void 0;
const rule_1 = require("../../model/rule");
const unresolved_1 = require("../../model/unresolved");
const adapters_1 = require("../../adapters");
const ruleFindings_1 = require("../ruleFindings");
const FIX = 'set description to why the rule exists and who needs it (e.g. "HTTPS from the load balancer").';
exports.securityGroupRulesHaveDescriptions = {
    name: "security-group-rules-have-descriptions",
    description: "Every security-group rule, inline or standalone, has a non-empty description.",
    enforcementLevel: "advisory",
    severity: "low",
    remediationSteps: "Give each rule a description that says what it allows and why, so reviewers and incident responders can tell a needed rule from a forgotten one.",
    tags: ["network", "security-group", "hygiene"],
    config: {},
    appliesTo: adapters_1.SECURITY_GROUP_TYPES,
    check(resource) {
        const findings = [
            ...(0, ruleFindings_1.unreadableFindings)(resource, "ingress", "that every ingress rule has a description"),
            ...(0, ruleFindings_1.unreadableFindings)(resource, "egress", "that every egress rule has a description"),
        ];
        for (const rule of (0, adapters_1.rulesOf)(resource)?.rules ?? []) {
            if (rule.implicit)
                continue; // not written in the program: nothing to describe
            const description = rule.description;
            if ((0, unresolved_1.isUnresolved)(description) && description.kind === "unknown") {
                findings.push((0, ruleFindings_1.unverifiable)(rule, "that it has a description", description, `Fix if it is empty: ${FIX}`));
            }
            else if (typeof description !== "string" || description.trim() === "") {
                const got = (0, unresolved_1.isUnresolved)(description) ? ` (description is not a string)` : description === undefined ? "" : " (description is blank)";
                findings.push({
                    kind: "violation",
                    message: `${(0, rule_1.describeRule)(rule)}: has no description${got}. Fix: ${FIX}`,
                    rule,
                    peer: (0, rule_1.peersLabel)(rule.peers),
                });
            }
        }
        return findings;
    },
};
