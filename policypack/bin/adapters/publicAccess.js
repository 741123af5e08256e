"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.PUBLIC_ACCESS_TYPES = void 0;
exports.publicAccessOf = publicAccessOf;
/**
 * Data stores with a public-access switch: where each type keeps it and what AWS does when a program
 * leaves it out. Type tokens and property names were checked against the .d.ts files of @pulumi/aws
 * 7.48 and the aws-native SDK sources (pulumi/pulumi-aws-native at 43eed3b0); the README lists them.
 */
const propertyReaders_1 = require("../model/propertyReaders");
const unresolved_1 = require("../model/unresolved");
const flag = (kind, whenAbsent) => ({ by: "flag", kind, property: "publiclyAccessible", whenAbsent });
const domain = (kind) => ({ by: "vpc", kind, inVpcProperty: "vpcOptions" });
/**
 * A Multi-AZ DB cluster (aws-native `DbCluster` with `dbClusterInstanceClass`) is public when it names
 * no subnet group or the "default" one (CloudFormation's documented default); an Aurora cluster has no
 * public switch of its own (its instances do).
 */
function multiAzClusterDefault(props) {
    if ((0, propertyReaders_1.field)(props, "dbClusterInstanceClass") === undefined)
        return "private";
    const subnetGroup = (0, propertyReaders_1.readString)((0, propertyReaders_1.field)(props, "dbSubnetGroupName"), "dbSubnetGroupName");
    if ((0, unresolved_1.isUnresolved)(subnetGroup))
        return subnetGroup;
    return subnetGroup === undefined || subnetGroup.toLowerCase() === "default" ? "public" : "private";
}
const SWITCHES = new Map([
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
exports.PUBLIC_ACCESS_TYPES = new Set(SWITCHES.keys());
/** Is this data store reachable through a public endpoint, by its own settings? */
function publicAccessOf(type, props) {
    const spec = SWITCHES.get(type);
    if (!spec)
        return undefined;
    return spec.by === "vpc" ? domainAccess(spec.kind, spec.inVpcProperty, props) : switchAccess(spec, props);
}
function switchAccess(spec, props) {
    const value = (0, propertyReaders_1.readBoolean)((0, propertyReaders_1.field)(props, spec.property), spec.property);
    if ((0, unresolved_1.isUnresolved)(value))
        return { verdict: "unknown", kind: spec.kind, unresolved: value, fix: "switch" };
    if (value === true)
        return { verdict: "public", kind: spec.kind, property: spec.property, because: `${spec.property} is true`, fix: "switch" };
    if (value === false)
        return { verdict: "private" };
    const absent = typeof spec.whenAbsent === "function" ? spec.whenAbsent(props) : spec.whenAbsent;
    if ((0, unresolved_1.isUnresolved)(absent))
        return { verdict: "unknown", kind: spec.kind, unresolved: absent, fix: "switch" };
    if (absent === "private")
        return { verdict: "private" };
    const because = absent === "public"
        ? `${spec.property} is not set, and AWS makes ${spec.kind}s publicly accessible by default`
        : `${spec.property} is not set, so AWS decides from the VPC: the ${spec.kind} is public if its subnets route to an internet gateway`;
    return { verdict: absent, kind: spec.kind, property: spec.property, because, fix: "switch" };
}
function domainAccess(kind, inVpcProperty, props) {
    const placement = (0, propertyReaders_1.field)(props, inVpcProperty);
    if ((0, propertyReaders_1.isUnknown)(placement))
        return { verdict: "unknown", kind, unresolved: (0, unresolved_1.unknownAt)(inVpcProperty), fix: "vpc" };
    if (placement !== undefined)
        return { verdict: "private" };
    return {
        verdict: "public",
        kind,
        property: inVpcProperty,
        because: `it has no ${inVpcProperty} (a domain outside a VPC has its endpoint on the internet, guarded only by its access policy)`,
        fix: "vpc",
    };
}
