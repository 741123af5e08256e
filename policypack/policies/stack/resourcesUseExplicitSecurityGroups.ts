import { StackFinding, StackPolicyDefinition } from "../../kit/defineStack";
import { valuesAt } from "../../network/carriers";

export const resourcesUseExplicitSecurityGroups: StackPolicyDefinition<Record<string, never>> = {
    name: "resources-use-explicit-security-groups",
    description: "Resources that AWS would put in the VPC's default security group when they name none (EC2 instances and launch templates, application load balancers, RDS, ElastiCache, Redshift, Lambda in a VPC, ECS services in awsvpc mode, OpenSearch in a VPC) name their security groups.",
    enforcementLevel: "advisory",
    severity: "medium",
    remediationSteps: "Give the resource the security group of its tier explicitly. The VPC's default group is shared by everything that names none, so its rules (or later edits to them) reach resources nobody meant.",
    tags: ["network", "stack", "default-security-group"],
    config: {},
    check(graph): StackFinding[] {
        const findings: StackFinding[] = [];
        for (const carrier of graph.carriers) {
            const { spec, resource } = carrier;
            if (!spec.defaultGroupWhenNone?.(resource.props)) continue;
            // Any value at all, known or not, names a group.
            const named = spec.groups.some((path) => valuesAt(resource.props, path).length > 0);
            if (named) continue;
            findings.push({
                kind: "violation",
                resource,
                message: `"${resource.name}" (${resource.type}) names no security group, so AWS puts it in the VPC's default security group and it gets whatever that group allows. Fix: set ${spec.groups.map((p) => p.join(".")).join(" or ")} to the security group of its tier.`,
            });
        }
        return findings;
    },
};
