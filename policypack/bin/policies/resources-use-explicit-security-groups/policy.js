"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.resourcesUseExplicitSecurityGroups = void 0;
const carriers_1 = require("../../network/carriers");
const WHY = "The VPC's default group is shared by everything that names no group, so its rules (or later edits to them) reach resources nobody meant.";
/** A resource that names no group where AWS then puts it in the default one. */
function namesNoGroup(carrier) {
    const { spec, resource } = carrier;
    if (!spec.defaultGroupWhenNone?.(resource.props))
        return undefined;
    // Any value at all, known or not, names a group.
    if (spec.groups.some((path) => (0, carriers_1.valuesAt)(resource.props, path).length > 0))
        return undefined;
    return {
        kind: "violation",
        resource,
        message: `"${resource.name}" (${resource.type}) names no security group, so AWS puts it in the VPC's default security group and it gets whatever that group allows. ${WHY} Fix: set ${spec.groups.map((p) => p.join(".")).join(" or ")} to the security group of its tier.`,
    };
}
/** A resource that names the default group itself: `vpc.defaultSecurityGroupId`, or the stack's aws.ec2.DefaultSecurityGroup. */
function carriesDefaultGroup(carrier, attachment) {
    const { resource } = carrier;
    const where = attachment.via ? `${attachment.property} of network interface "${attachment.via.name}"` : attachment.property;
    const group = attachment.group;
    // The stack's aws.ec2.DefaultSecurityGroup by its name; a group AWS made is labelled by its VPC.
    const what = group.resource ? `VPC's default security group "${group.label}"` : group.label;
    const fix = `Fix: put the security group of its tier in ${where} instead of the default group.`;
    if (attachment.certain) {
        return { kind: "violation", resource, message: `"${resource.name}" (${resource.type}) carries the ${what} through ${where}. ${WHY} ${fix}` };
    }
    return {
        kind: "unverifiable",
        resource,
        message: `"${resource.name}" (${resource.type}) may carry the ${what} through ${where}: a security group id there is not known yet, and the default group is one of the candidates that fed it. ${WHY} ${fix}`,
    };
}
exports.resourcesUseExplicitSecurityGroups = {
    name: "resources-use-explicit-security-groups",
    description: "Resources name security groups of their own rather than the VPC's default group: those AWS would put in the default group when they name none (EC2 instances and launch templates, network interfaces, application load balancers, RDS, ElastiCache, Redshift, Lambda in a VPC, ECS services in awsvpc mode, OpenSearch in a VPC), and any resource that names the default group itself (a VPC's defaultSecurityGroupId).",
    enforcementLevel: "advisory",
    severity: "medium",
    remediationSteps: "Give the resource the security group of its tier explicitly, never the VPC's default group (vpc.defaultSecurityGroupId). The default group is shared by everything that names none, so its rules (or later edits to them) reach resources nobody meant.",
    tags: ["network", "stack", "default-security-group"],
    config: {},
    check(graph) {
        const findings = [];
        for (const carrier of graph.carriers) {
            const none = namesNoGroup(carrier);
            if (none)
                findings.push(none);
            for (const attachment of carrier.attachments)
                if (attachment.group.isDefault)
                    findings.push(carriesDefaultGroup(carrier, attachment));
        }
        return findings;
    },
};
