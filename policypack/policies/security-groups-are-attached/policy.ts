import { StackFinding, StackPolicyDefinition } from "../../kit/defineStack";
import { AWS_DEFAULT_SECURITY_GROUP } from "../../adapters/awsSecurityGroups";
import { GroupNode, StackGraph } from "../../network/graph";
import { isPlainObject } from "../../model/ownProperties";
import { CARRIERS } from "../../network/carriers";

const RULE_OR_GROUP = /SecurityGroup|securityGroup/;

/** Whether anything outside security groups and their rules mentions the group (resource types we do not model, too). */
function mentionedElsewhere(group: GroupNode, mentions: Map<string, number>): boolean {
    return (group.id !== undefined && (mentions.get(group.id) ?? 0) > 0) || (group.resource !== undefined && (mentions.get(group.resource.urn) ?? 0) > 0);
}

/** Every string value and every property dependency of resources that are not groups or rules, counted. */
function collectMentions(graph: StackGraph): Map<string, number> {
    const mentions = new Map<string, number>();
    const count = (key: string) => mentions.set(key, (mentions.get(key) ?? 0) + 1);
    const walk = (value: unknown, depth: number): void => {
        if (depth > 8) return;
        if (typeof value === "string") count(value);
        else if (Array.isArray(value)) value.forEach((v) => walk(v, depth + 1));
        else if (isPlainObject(value)) Object.values(value).forEach((v) => walk(v, depth + 1));
    };
    for (const resource of graph.resources) {
        // Groups, rules and modelled carriers are judged precisely; stack outputs are no attachment.
        if (RULE_OR_GROUP.test(resource.type) || CARRIERS.has(resource.type) || resource.type.startsWith("pulumi:")) continue;
        walk(resource.props, 0);
        for (const urns of Object.values(resource.propertyDependencies ?? {})) urns.forEach(count);
    }
    return mentions;
}

export const securityGroupsAreAttached: StackPolicyDefinition<Record<string, never>> = {
    name: "security-groups-are-attached",
    description: "Every security group in the stack is carried by some resource (dead rules, or a missing attachment, otherwise).",
    enforcementLevel: "advisory",
    severity: "low",
    remediationSteps:
        "Attach the group to the resources of its tier, or delete it. An unattached group is either dead weight that reviewers still have to read, or a sign that a resource was meant to carry it and does not.",
    tags: ["network", "stack", "hygiene"],
    config: {},
    check(graph): StackFinding[] {
        const mentions = collectMentions(graph);
        const findings: StackFinding[] = [];
        for (const group of graph.groups) {
            if (!group.resource || group.resource.type === AWS_DEFAULT_SECURITY_GROUP) continue;
            if (group.carriers.length > 0 || mentionedElsewhere(group, mentions)) continue;
            findings.push({
                kind: "violation",
                resource: group.resource,
                message: `"${group.label}" is not carried by any resource in the stack: its rules protect nothing. Fix: attach it to the resources of its tier (e.g. vpcSecurityGroupIds, securityGroups), or delete it.`,
            });
        }
        return findings;
    },
};
