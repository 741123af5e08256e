/**
 * Data stores with a public-access switch: where each type keeps it and what AWS does when a program
 * leaves it out. Type tokens and property names were checked against the .d.ts files of @pulumi/aws
 * 7.48 and the aws-native SDK sources (pulumi/pulumi-aws-native at 43eed3b0); the README lists them.
 */
import { field, isUnknown, readBoolean, readString } from "../model/propertyReaders";
import { Unresolved, isUnresolved, unknownAt } from "../model/unresolved";

/** What leaving the switch out means: AWS makes the store public, private, or decides from the VPC. */
type Absent = "public" | "private" | "depends";
type WhenAbsent = Absent | ((props: unknown) => Absent | Unresolved);

type Switch =
    /** A boolean property (`publiclyAccessible`); `whenAbsent` may depend on other properties. */
    | { by: "flag"; kind: string; property: string; whenAbsent: WhenAbsent }
    /** A domain whose endpoint is public unless this property places it in a VPC. */
    | { by: "vpc"; kind: string; inVpcProperty: string };

export type PublicAccess =
    | { verdict: "public" | "depends"; kind: string; property: string; because: string; fix: "switch" | "vpc" }
    | { verdict: "private" }
    | { verdict: "unknown"; kind: string; unresolved: Unresolved; fix: "switch" | "vpc" };

const flag = (kind: string, whenAbsent: WhenAbsent): Switch => ({ by: "flag", kind, property: "publiclyAccessible", whenAbsent });
const domain = (kind: string): Switch => ({ by: "vpc", kind, inVpcProperty: "vpcOptions" });

/**
 * A Multi-AZ DB cluster (aws-native `DbCluster` with `dbClusterInstanceClass`) is public when it names
 * no subnet group or the "default" one (CloudFormation's documented default); an Aurora cluster has no
 * public switch of its own (its instances do).
 */
function multiAzClusterDefault(props: unknown): Absent | Unresolved {
    if (field(props, "dbClusterInstanceClass") === undefined) return "private";
    const subnetGroup = readString(field(props, "dbSubnetGroupName"), "dbSubnetGroupName");
    if (isUnresolved(subnetGroup)) return subnetGroup;
    return subnetGroup === undefined || subnetGroup.toLowerCase() === "default" ? "public" : "private";
}

const SWITCHES: ReadonlyMap<string, Switch> = new Map<string, Switch>([
    // @pulumi/aws: the provider sends false for these when the program leaves them out.
    ["aws:rds/instance:Instance", flag("RDS instance", "private")],
    ["aws:rds/clusterInstance:ClusterInstance", flag("RDS cluster instance", "private")],
    ["aws:redshift/cluster:Cluster", flag("Redshift cluster", "private")],
    ["aws:redshiftserverless/workgroup:Workgroup", flag("Redshift Serverless workgroup", "private")],
    ["aws:neptune/clusterInstance:ClusterInstance", flag("Neptune instance", "private")],
    ["aws:docdb/clusterInstance:ClusterInstance", flag("DocumentDB instance", "private")],
    ["aws:mq/broker:Broker", flag("MQ broker", "private")],
    ["aws:lightsail/database:Database", flag("Lightsail database", "private")],
    ["aws:timestreaminfluxdb/dbInstance:DbInstance", flag("Timestream for InfluxDB instance", "private")],
    ["aws:timestreaminfluxdb/dbCluster:DbCluster", flag("Timestream for InfluxDB cluster", "private")],
    // AWS decides an Aurora Limitless shard group's access from the VPC when it is not set.
    ["aws:rds/shardGroup:ShardGroup", flag("RDS shard group", "depends")],
    // DMS makes replication instances and instance profiles public unless told otherwise.
    ["aws:dms/replicationInstance:ReplicationInstance", flag("DMS replication instance", "public")],
    ["aws:dms/instanceProfile:InstanceProfile", flag("DMS instance profile", "public")],
    ["aws:opensearch/domain:Domain", domain("OpenSearch domain")],
    ["aws:elasticsearch/domain:Domain", domain("Elasticsearch domain")],
    // aws-native (CloudFormation defaults).
    ["aws-native:rds:DbInstance", flag("RDS instance", "depends")],
    ["aws-native:rds:DbCluster", flag("RDS cluster", multiAzClusterDefault)],
    ["aws-native:rds:DbShardGroup", flag("RDS shard group", "depends")],
    ["aws-native:redshift:Cluster", flag("Redshift cluster", "private")],
    ["aws-native:redshiftserverless:Workgroup", flag("Redshift Serverless workgroup", "private")],
    ["aws-native:neptune:DbInstance", flag("Neptune instance", "private")],
    ["aws-native:amazonmq:Broker", flag("MQ broker", "private")],
    ["aws-native:lightsail:Database", flag("Lightsail database", "private")],
    ["aws-native:timestream:InfluxDbInstance", flag("Timestream for InfluxDB instance", "private")],
    ["aws-native:timestream:InfluxDbCluster", flag("Timestream for InfluxDB cluster", "private")],
    ["aws-native:dms:InstanceProfile", flag("DMS instance profile", "public")],
    ["aws-native:opensearchservice:Domain", domain("OpenSearch domain")],
    // Tokens of aws-native releases before 2024, still found in older programs and stack files.
    ["aws-native:rds:DBInstance", flag("RDS instance", "depends")],
    ["aws-native:dms:ReplicationInstance", flag("DMS replication instance", "public")],
]);

/** Every type with a public-access switch. */
export const PUBLIC_ACCESS_TYPES: ReadonlySet<string> = new Set(SWITCHES.keys());

/** Is this data store reachable through a public endpoint, by its own settings? */
export function publicAccessOf(type: string, props: unknown): PublicAccess | undefined {
    const spec = SWITCHES.get(type);
    if (!spec) return undefined;
    return spec.by === "vpc" ? domainAccess(spec.kind, spec.inVpcProperty, props) : switchAccess(spec, props);
}

function switchAccess(spec: Extract<Switch, { by: "flag" }>, props: unknown): PublicAccess {
    const value = readBoolean(field(props, spec.property), spec.property);
    if (isUnresolved(value)) return { verdict: "unknown", kind: spec.kind, unresolved: value, fix: "switch" };
    if (value === true) return { verdict: "public", kind: spec.kind, property: spec.property, because: `${spec.property} is true`, fix: "switch" };
    if (value === false) return { verdict: "private" };
    const absent = typeof spec.whenAbsent === "function" ? spec.whenAbsent(props) : spec.whenAbsent;
    if (isUnresolved(absent)) return { verdict: "unknown", kind: spec.kind, unresolved: absent, fix: "switch" };
    if (absent === "private") return { verdict: "private" };
    const because =
        absent === "public"
            ? `${spec.property} is not set, and AWS makes ${spec.kind}s publicly accessible by default`
            : `${spec.property} is not set, so AWS decides from the VPC: the ${spec.kind} is public if its subnets route to an internet gateway`;
    return { verdict: absent, kind: spec.kind, property: spec.property, because, fix: "switch" };
}

function domainAccess(kind: string, inVpcProperty: string, props: unknown): PublicAccess {
    const placement = field(props, inVpcProperty);
    if (isUnknown(placement)) return { verdict: "unknown", kind, unresolved: unknownAt(inVpcProperty), fix: "vpc" };
    if (placement !== undefined) return { verdict: "private" };
    return {
        verdict: "public",
        kind,
        property: inVpcProperty,
        because: `it has no ${inVpcProperty} (a domain outside a VPC has its endpoint on the internet, guarded only by its access policy)`,
        fix: "vpc",
    };
}
