import { Finding, PolicyDefinition } from "../../kit/define";
import { describeRule, peersLabel } from "../../model/rule";
import { isUnresolved } from "../../model/unresolved";
import { SECURITY_GROUP_TYPES, rulesOf } from "../../adapters";
import { unreadableFindings, unverifiable } from "../ruleFindings";

const FIX = 'set description to why the rule exists and who needs it (e.g. "HTTPS from the load balancer").';

export const securityGroupRulesHaveDescriptions: PolicyDefinition<Record<string, never>> = {
    name: "security-group-rules-have-descriptions",
    description: "Every security-group rule, inline or standalone, has a non-empty description.",
    enforcementLevel: "advisory",
    severity: "low",
    remediationSteps:
        "Give each rule a description that says what it allows and why, so reviewers and incident responders can tell a needed rule from a forgotten one.",
    tags: ["network", "security-group", "hygiene"],
    config: {},
    appliesTo: SECURITY_GROUP_TYPES,
    check(resource): Finding[] {
        const findings = [
            ...unreadableFindings(resource, "ingress", "that every ingress rule has a description"),
            ...unreadableFindings(resource, "egress", "that every egress rule has a description"),
        ];
        for (const rule of rulesOf(resource)?.rules ?? []) {
            if (rule.implicit) continue; // not written in the program: nothing to describe
            const description = rule.description;
            if (isUnresolved(description) && description.kind === "unknown") {
                findings.push(unverifiable(rule, "that it has a description", description, `Fix if it is empty: ${FIX}`));
            } else if (typeof description !== "string" || description.trim() === "") {
                const got = isUnresolved(description) ? ` (description is not a string)` : description === undefined ? "" : " (description is blank)";
                findings.push({
                    kind: "violation",
                    message: `${describeRule(rule)}: has no description${got}. Fix: ${FIX}`,
                    rule,
                    peer: peersLabel(rule.peers),
                });
            }
        }
        return findings;
    },
};
