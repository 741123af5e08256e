"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.securityGroupsAreAttached = void 0;
const awsSecurityGroups_1 = require("../../adapters/awsSecurityGroups");
const ownProperties_1 = require("../../model/ownProperties");
const carriers_1 = require("../../network/carriers");
const RULE_OR_GROUP = /SecurityGroup|securityGroup/;
/** Whether anything outside security groups and their rules mentions the group (resource types we do not model, too). */
function mentionedElsewhere(group, mentions) {
    return (group.id !== undefined && (mentions.get(group.id) ?? 0) > 0) || (group.resource !== undefined && (mentions.get(group.resource.urn) ?? 0) > 0);
}
/** Every string value and every property dependency of resources that are not groups or rules, counted. */
function collectMentions(graph) {
    const mentions = new Map();
    const count = (key) => mentions.set(key, (mentions.get(key) ?? 0) + 1);
    const walk = (value, depth) => {
        if (depth > 8)
            return;
        if (typeof value === "string")
            count(value);
        else if (Array.isArray(value))
            value.forEach((v) => walk(v, depth + 1));
        else if ((0, ownProperties_1.isPlainObject)(value))
            Object.values(value).forEach((v) => walk(v, depth + 1));
    };
    for (const resource of graph.resources) {
        // Groups, rules and modelled carriers are judged precisely; stack outputs are no attachment.
        if (RULE_OR_GROUP.test(resource.type) || carriers_1.CARRIERS.has(resource.type) || resource.type.startsWith("pulumi:"))
            continue;
        walk(resource.props, 0);
        for (const urns of Object.values(resource.propertyDependencies ?? {}))
            urns.forEach(count);
    }
    return mentions;
}
exports.securityGroupsAreAttached = {
    name: "security-groups-are-attached",
    description: "Every security group in the stack is carried by some resource (dead rules, or a missing attachment, otherwise).",
    enforcementLevel: "advisory",
    severity: "low",
    remediationSteps: "Attach the group to the resources of its tier, or delete it. An unattached group is either dead weight that reviewers still have to read, or a sign that a resource was meant to carry it and does not.",
    tags: ["network", "stack", "hygiene"],
    config: {},
    check(graph) {
        const mentions = collectMentions(graph);
        const findings = [];
        for (const group of graph.groups) {
            if (!group.resource || group.resource.type === awsSecurityGroups_1.AWS_DEFAULT_SECURITY_GROUP)
                continue;
            if (group.carriers.length > 0 || mentionedElsewhere(group, mentions))
                continue;
            findings.push({
                kind: "violation",
                resource: group.resource,
                message: `"${group.label}" is not carried by any resource in the stack: its rules protect nothing. Fix: attach it to the resources of its tier (e.g. vpcSecurityGroupIds, securityGroups), or delete it.`,
            });
        }
        return findings;
    },
};
