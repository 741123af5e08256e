"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.examples = void 0;
/**
 * database-not-publicly-accessible: every data store with a public-access switch (README, "Data stores
 * with a public-access switch") made public, kept private, and not known yet; then the edges of AWS's
 * defaults.
 */
const examples_1 = require("../../kit/examples");
/** A store with a publiclyAccessible switch; `publicByDefault` when AWS makes it public if the switch is left out (DMS). */
const withSwitch = (type, publicByDefault = false) => ({
    type,
    public: publicByDefault ? {} : { publiclyAccessible: true },
    private: { publiclyAccessible: false },
    unknown: { publiclyAccessible: examples_1.UNKNOWN },
});
/** A search domain: public unless it is placed in a VPC. */
const searchDomain = (type) => ({
    type,
    public: { domainName: "search" },
    private: { domainName: "search", vpcOptions: { subnetIds: ["subnet-1"], securityGroupIds: ["sg-1"] } },
    unknown: { domainName: "search", vpcOptions: examples_1.UNKNOWN },
});
const DATA_STORES = [
    withSwitch("aws:rds/instance:Instance"),
    withSwitch("aws:rds/clusterInstance:ClusterInstance"),
    withSwitch("aws:rds/shardGroup:ShardGroup"),
    withSwitch("aws:redshift/cluster:Cluster"),
    withSwitch("aws:redshiftserverless/workgroup:Workgroup"),
    withSwitch("aws:neptune/clusterInstance:ClusterInstance"),
    withSwitch("aws:docdb/clusterInstance:ClusterInstance"),
    withSwitch("aws:mq/broker:Broker"),
    withSwitch("aws:dms/replicationInstance:ReplicationInstance", true),
    withSwitch("aws:dms/instanceProfile:InstanceProfile", true),
    withSwitch("aws:lightsail/database:Database"),
    withSwitch("aws:timestreaminfluxdb/dbInstance:DbInstance"),
    withSwitch("aws:timestreaminfluxdb/dbCluster:DbCluster"),
    searchDomain("aws:opensearch/domain:Domain"),
    searchDomain("aws:elasticsearch/domain:Domain"),
    withSwitch("aws-native:rds:DbInstance"),
    {
        // A Multi-AZ DB cluster is public without a subnet group of its own.
        type: "aws-native:rds:DbCluster",
        public: { dbClusterInstanceClass: "db.r6gd.large" },
        private: { dbClusterInstanceClass: "db.r6gd.large", dbSubnetGroupName: "private" },
        unknown: { dbClusterInstanceClass: "db.r6gd.large", dbSubnetGroupName: examples_1.UNKNOWN },
    },
    withSwitch("aws-native:rds:DbShardGroup"),
    withSwitch("aws-native:redshift:Cluster"),
    withSwitch("aws-native:redshiftserverless:Workgroup"),
    withSwitch("aws-native:neptune:DbInstance"),
    withSwitch("aws-native:amazonmq:Broker"),
    withSwitch("aws-native:dms:InstanceProfile", true),
    withSwitch("aws-native:lightsail:Database"),
    withSwitch("aws-native:timestream:InfluxDbInstance"),
    withSwitch("aws-native:timestream:InfluxDbCluster"),
    searchDomain("aws-native:opensearchservice:Domain"),
];
/** "aws:rds/instance:Instance" → "aws_rds_instance_Instance". */
const slug = (type) => type.replace(/[^A-Za-z0-9]+/g, "_");
const everyDataStore = DATA_STORES.flatMap((store) => [
    {
        name: `fail_${slug(store.type)}_public`,
        type: store.type,
        props: store.public,
        expect: "fail",
        messageContains: ["public endpoint reachable from the internet. Fix: "],
    },
    { name: `pass_${slug(store.type)}_private`, type: store.type, props: store.private, expect: "pass" },
    {
        name: `cannot_verify_${slug(store.type)}_not_known_yet`,
        type: store.type,
        props: store.unknown,
        expect: "cannot verify",
        messageContains: ["cannot verify that it is not publicly accessible"],
    },
]);
exports.examples = [
    {
        // The engine's two modes of one program: the switch comes from configuration computed at update.
        name: "fail_rds_instance_with_a_computed_switch",
        type: "aws:rds/instance:Instance",
        props: { engine: "postgres", instanceClass: "db.t4g.micro", publiclyAccessible: (0, examples_1.computed)(true), vpcSecurityGroupIds: [(0, examples_1.computed)("sg-0db")] },
        expect: { update: "fail", preview: "cannot verify" },
    },
    ...everyDataStore,
    // --- Edges of the switches and of AWS's defaults -------------------------------------------------
    { name: "fail_redshift_switch_as_a_string", type: "aws:redshift/cluster:Cluster", props: { publiclyAccessible: "true" }, expect: "fail" },
    {
        name: "fail_neptune_switch_in_capitals",
        type: "aws:neptune/clusterInstance:ClusterInstance",
        props: { publiclyAccessible: "TRUE" },
        expect: "fail",
        messageContains: ["publiclyAccessible is true"],
    },
    {
        name: "fail_docdb_instance_names_its_kind",
        type: "aws:docdb/clusterInstance:ClusterInstance",
        props: { publiclyAccessible: true },
        expect: "fail",
        messageContains: ["(DocumentDB instance)"],
    },
    { name: "fail_dms_replication_instance_public_by_default", type: "aws:dms/replicationInstance:ReplicationInstance", props: {}, expect: "fail" },
    {
        name: "fail_dms_instance_profile_public_by_default",
        type: "aws:dms/instanceProfile:InstanceProfile",
        props: {},
        expect: "fail",
        messageContains: ["AWS makes DMS instance profiles publicly accessible by default"],
    },
    {
        name: "fail_opensearch_domain_outside_a_vpc",
        type: "aws:opensearch/domain:Domain",
        props: { domainName: "logs" },
        expect: "fail",
        messageContains: ["it has no vpcOptions"],
    },
    {
        name: "fail_native_db_cluster_in_the_default_subnet_group",
        type: "aws-native:rds:DbCluster",
        props: { dbClusterInstanceClass: "db.m6gd.large", dbSubnetGroupName: "Default" },
        expect: "fail",
        messageContains: ["RDS cluster"],
    },
    {
        name: "fail_native_db_instance_older_type_token",
        type: "aws-native:rds:DBInstance",
        props: { publiclyAccessible: true },
        expect: "fail",
        messageContains: ["RDS instance"],
    },
    { name: "pass_rds_instance_switch_left_out", type: "aws:rds/instance:Instance", props: {}, expect: "pass" },
    { name: "pass_mq_broker_private_by_default", type: "aws:mq/broker:Broker", props: {}, expect: "pass" },
    { name: "pass_redshift_serverless_private_by_default", type: "aws:redshiftserverless/workgroup:Workgroup", props: {}, expect: "pass" },
    { name: "pass_native_aurora_cluster_its_instances_decide", type: "aws-native:rds:DbCluster", props: { engine: "aurora-postgresql" }, expect: "pass" },
    { name: "pass_mainframe_environment_is_no_data_store", type: "aws:m2/environment:Environment", props: { publiclyAccessible: true }, expect: "pass" },
    { name: "pass_not_a_data_store", type: "aws:s3/bucket:Bucket", props: { publiclyAccessible: true }, expect: "pass" },
    {
        name: "cannot_verify_rds_shard_group_aws_decides_from_the_vpc",
        type: "aws:rds/shardGroup:ShardGroup",
        props: {},
        expect: "cannot verify",
        messageContains: ["AWS decides from the VPC"],
    },
    {
        name: "cannot_verify_native_db_instance_aws_decides_from_the_vpc",
        type: "aws-native:rds:DbInstance",
        props: {},
        expect: "cannot verify",
        messageContains: ["AWS decides from the VPC"],
    },
    { name: "cannot_verify_native_db_instance_older_type_token", type: "aws-native:rds:DBInstance", props: {}, expect: "cannot verify" },
    {
        name: "cannot_verify_malformed_switch",
        type: "aws:mq/broker:Broker",
        props: { publiclyAccessible: "yes" },
        expect: "cannot verify",
        messageContains: ['publiclyAccessible = "yes" is malformed'],
    },
    { name: "cannot_verify_rds_switch_malformed", type: "aws:rds/instance:Instance", props: { publiclyAccessible: "yes" }, expect: "cannot verify" },
];
