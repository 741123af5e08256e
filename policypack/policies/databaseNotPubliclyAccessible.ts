import { Finding, PolicyDefinition } from "../kit/define";
import { describeUnresolved, field, isUnresolved, readBoolean } from "../model/values";

interface PublicAccessSource {
    property: string;
    /** What leaving the property out means: AWS makes it public, private, or it depends (on the VPC). */
    whenAbsent: "public" | "private" | "depends";
}

/** Database types with a public-access switch, and what AWS does when it is left out. */
const SOURCES: ReadonlyMap<string, PublicAccessSource> = new Map<string, PublicAccessSource>([
    ["aws:rds/instance:Instance", { property: "publiclyAccessible", whenAbsent: "private" }],
    ["aws:rds/clusterInstance:ClusterInstance", { property: "publiclyAccessible", whenAbsent: "private" }],
    ["aws:redshift/cluster:Cluster", { property: "publiclyAccessible", whenAbsent: "private" }],
    // DMS makes replication instances public unless told otherwise.
    ["aws:dms/replicationInstance:ReplicationInstance", { property: "publiclyAccessible", whenAbsent: "public" }],
    // CloudFormation leaves the default to the VPC: public when its subnets route to an internet gateway.
    ["aws-native:rds:DBInstance", { property: "publiclyAccessible", whenAbsent: "depends" }],
    ["aws-native:redshift:Cluster", { property: "publiclyAccessible", whenAbsent: "private" }],
    ["aws-native:dms:ReplicationInstance", { property: "publiclyAccessible", whenAbsent: "public" }],
]);

const FIX = "set publiclyAccessible: false, place the database in private subnets, and reach it from the app tier's security group (or through a bastion/SSM for people).";

export const databaseNotPubliclyAccessible: PolicyDefinition<Record<string, never>> = {
    name: "database-not-publicly-accessible",
    description: "Databases (RDS instances and cluster instances, Redshift clusters, DMS replication instances) must not be publicly accessible.",
    enforcementLevel: "mandatory",
    severity: "critical",
    remediationSteps:
        "Set publiclyAccessible to false (DMS replication instances are public unless it is set). A publicly accessible database gets a public DNS name and address; with a permissive security group it is open to the internet.",
    tags: ["database", "internet-exposure", "three-tier"],
    config: {},
    appliesTo: new Set(SOURCES.keys()),
    check(resource): Finding[] {
        const source = SOURCES.get(resource.type);
        if (!source) return [];
        const value = readBoolean(field(resource.props, source.property), source.property);
        if (isUnresolved(value)) {
            return [{ kind: "unverifiable", message: `${resource.name}: cannot verify that the database is not publicly accessible, because ${describeUnresolved(value)}. Fix if it is public: ${FIX}` }];
        }
        if (value === true) {
            return [{ kind: "violation", message: `${resource.name}: ${source.property} is true, so the database gets a public address reachable from the internet. Fix: ${FIX}` }];
        }
        if (value === undefined && source.whenAbsent === "public") {
            return [{ kind: "violation", message: `${resource.name}: ${source.property} is not set, and AWS makes this database publicly accessible by default. Fix: ${FIX}` }];
        }
        if (value === undefined && source.whenAbsent === "depends") {
            return [
                {
                    kind: "unverifiable",
                    message: `${resource.name}: ${source.property} is not set, so AWS decides from the VPC: the database is public if its subnets route to an internet gateway. Fix: ${FIX}`,
                },
            ];
        }
        return [];
    },
};
