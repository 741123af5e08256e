"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.securityGroupsAreAttached = void 0;
const awsSecurityGroups_1 = require("../../adapters/awsSecurityGroups");
const ownProperties_1 = require("../../model/ownProperties");
const carriers_1 = require("../../network/carriers");
const RULE_OR_GROUP = /SecurityGroup|securityGroup/;
/**
 * The ids and URNs among `wanted` that resources other than groups and rules mention: in any string
 * value (resource types we do not model, too) or property dependency.
 */
function mentionedAmong(graph, wanted) {
    const mentioned = new Set();
    const walk = (value, depth) => {
        if (depth > 8)
            return;
        if (typeof value === "string") {
            if (wanted.has(value))
                mentioned.add(value);
        }
        else if (Array.isArray(value))
            value.forEach((v) => walk(v, depth + 1));
        else if ((0, ownProperties_1.isPlainObject)(value))
            Object.values(value).forEach((v) => walk(v, depth + 1));
    };
    for (let at = 0; at < graph.resources.length; at++) {
        const resource = graph.resources[at];
        // Groups, rules and modelled carriers are judged precisely; stack outputs are no attachment.
        if (RULE_OR_GROUP.test(resource.type) || carriers_1.CARRIERS.has(resource.type) || resource.type.startsWith("pulumi:"))
            continue;
        walk(resource.props, 0);
        for (const urns of Object.values(resource.propertyDependencies ?? {}))
            for (const urn of urns)
                if (wanted.has(urn))
                    mentioned.add(urn);
    }
    return mentioned;
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
        // Groups no modelled resource carries; only for them are the other resources' values searched.
        const uncarried = graph.groups.filter((g) => g.resource !== undefined && g.resource.type !== awsSecurityGroups_1.AWS_DEFAULT_SECURITY_GROUP && g.carriers.length === 0);
        if (uncarried.length === 0)
            return [];
        const wanted = new Set(uncarried.flatMap((g) => (g.id !== undefined ? [g.id, g.resource.urn] : [g.resource.urn])));
        const mentioned = mentionedAmong(graph, wanted);
        const findings = [];
        for (const group of uncarried) {
            if ((group.id !== undefined && mentioned.has(group.id)) || mentioned.has(group.resource.urn))
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
