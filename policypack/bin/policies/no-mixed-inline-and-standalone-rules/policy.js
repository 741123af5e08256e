"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.noMixedInlineAndStandaloneRules = void 0;
exports.noMixedInlineAndStandaloneRules = {
    name: "no-mixed-inline-and-standalone-rules",
    description: "A security group has either inline ingress/egress rules or standalone rule resources, never both: the provider makes them overwrite each other on every update.",
    enforcementLevel: "mandatory",
    severity: "high",
    remediationSteps: "Move every rule of the group to standalone aws.vpc.SecurityGroupIngressRule / SecurityGroupEgressRule resources (one per rule) and remove the inline ingress/egress, or the reverse. Mixed, each update removes the rules the other side added, and traffic flaps.",
    tags: ["network", "stack", "security-group", "drift"],
    config: {},
    check(graph) {
        const findings = [];
        for (const group of graph.groups) {
            if (!group.resource || group.ownInline.length === 0 || group.standalone.length === 0)
                continue;
            const standalone = [...new Set(group.standalone.map((s) => `"${s.resource.name}"`))];
            const inline = [...new Set(group.ownInline.map((r) => r.origin.path))];
            findings.push({
                kind: "violation",
                resource: group.resource,
                message: `"${group.label}" has inline rules (${inline.join(", ")}) and standalone rule resources (${standalone.join(", ")}): ` +
                    `the provider rewrites the group's inline rules on every update, removing the standalone ones, and the next update adds them back. ` +
                    `Fix: keep one style per group — preferably standalone aws.vpc.SecurityGroupIngressRule/EgressRule resources.`,
            });
        }
        return findings;
    },
};
