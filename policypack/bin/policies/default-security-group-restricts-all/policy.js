"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.defaultSecurityGroupRestrictsAll = void 0;
const adapters_1 = require("../../adapters");
const rule_1 = require("../../model/rule");
const ruleFindings_1 = require("../ruleFindings");
const FIX = "declare the aws.ec2.DefaultSecurityGroup with no ingress and no egress (the provider then removes every rule AWS put there) and give each workload its own security group.";
exports.defaultSecurityGroupRestrictsAll = {
    name: "default-security-group-restricts-all",
    description: "A VPC's default security group keeps no ingress or egress rule.",
    enforcementLevel: "mandatory",
    severity: "high",
    remediationSteps: "Manage the default security group with aws.ec2.DefaultSecurityGroup and no rules. Resources launched without an explicit group land in the default group; with rules in it they silently get network access nobody reviewed.",
    tags: ["network", "security-group", "default-security-group"],
    config: {},
    appliesTo: new Set([adapters_1.AWS_DEFAULT_SECURITY_GROUP]),
    check(resource) {
        const findings = [
            ...(0, ruleFindings_1.unreadableFindings)(resource, "ingress", "that the default security group has no ingress rule"),
            ...(0, ruleFindings_1.unreadableFindings)(resource, "egress", "that the default security group has no egress rule"),
        ];
        const rules = (0, adapters_1.rulesOf)(resource)?.rules ?? [];
        if (rules.length > 0) {
            const listed = rules.slice(0, 5).map((rule) => (0, rule_1.describeRule)(rule));
            const more = rules.length > 5 ? `; and ${rules.length - 5} more` : "";
            findings.push({
                kind: "violation",
                message: `${resource.name}: the default security group keeps ${rules.length} rule${rules.length === 1 ? "" : "s"}: ${listed.join("; ")}${more}. ` +
                    `Anything launched without an explicit security group lands in the default group and gets this access. Fix: ${FIX}`,
            });
        }
        return findings;
    },
};
