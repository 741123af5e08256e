import { Finding, PolicyDefinition } from "../../kit/define";
import { AWS_DEFAULT_SECURITY_GROUP, rulesOf } from "../../adapters";
import { describeRule } from "../../model/rule";
import { unreadableFindings } from "../ruleFindings";

const FIX =
    "declare the aws.ec2.DefaultSecurityGroup with no ingress and no egress (the provider then removes every rule AWS put there) and give each workload its own security group.";

export const defaultSecurityGroupRestrictsAll: PolicyDefinition<Record<string, never>> = {
    name: "default-security-group-restricts-all",
    description: "A VPC's default security group keeps no ingress or egress rule.",
    enforcementLevel: "mandatory",
    severity: "high",
    remediationSteps:
        "Manage the default security group with aws.ec2.DefaultSecurityGroup and no rules. Resources launched without an explicit group land in the default group; with rules in it they silently get network access nobody reviewed.",
    tags: ["network", "security-group", "default-security-group"],
    config: {},
    appliesTo: new Set([AWS_DEFAULT_SECURITY_GROUP]),
    check(resource): Finding[] {
        const findings = [
            ...unreadableFindings(resource, "ingress", "that the default security group has no ingress rule"),
            ...unreadableFindings(resource, "egress", "that the default security group has no egress rule"),
        ];
        const rules = rulesOf(resource)?.rules ?? [];
        if (rules.length > 0) {
            const listed = rules.slice(0, 5).map((rule) => describeRule(rule));
            const more = rules.length > 5 ? `; and ${rules.length - 5} more` : "";
            findings.push({
                kind: "violation",
                message:
                    `${resource.name}: the default security group keeps ${rules.length} rule${rules.length === 1 ? "" : "s"}: ${listed.join("; ")}${more}. ` +
                    `Anything launched without an explicit security group lands in the default group and gets this access. Fix: ${FIX}`,
            });
        }
        return findings;
    },
};
