import { UNKNOWN, check, unverifiable, violations } from "../../helpers";

describe("database-not-publicly-accessible", () => {
    const run = (type: string, props: unknown) => check("database-not-publicly-accessible", type, props);
    it.each([
        ["aws:rds/instance:Instance", { publiclyAccessible: true }],
        ["aws:rds/clusterInstance:ClusterInstance", { publiclyAccessible: true }],
        ["aws:redshift/cluster:Cluster", { publiclyAccessible: "true" }],
        ["aws:dms/replicationInstance:ReplicationInstance", { publiclyAccessible: true }],
        ["aws:dms/replicationInstance:ReplicationInstance", {}],
        ["aws-native:rds:DBInstance", { publiclyAccessible: true }],
    ])("reports %s %j", (type, props) => expect(violations(run(type, props))).toHaveLength(1));
    it.each([
        ["aws:rds/instance:Instance", { publiclyAccessible: false }],
        ["aws:rds/instance:Instance", {}],
        ["aws:dms/replicationInstance:ReplicationInstance", { publiclyAccessible: false }],
        ["aws:s3/bucket:Bucket", { publiclyAccessible: true }],
    ])("passes %s %j", (type, props) => expect(run(type, props)).toEqual([]));
    it("cannot verify unknown or malformed values, or an aws-native instance that leaves it to the VPC", () => {
        expect(unverifiable(run("aws:rds/instance:Instance", { publiclyAccessible: UNKNOWN }))).toHaveLength(1);
        expect(unverifiable(run("aws:rds/instance:Instance", { publiclyAccessible: "yes" }))).toHaveLength(1);
        expect(unverifiable(run("aws-native:rds:DBInstance", {}))).toHaveLength(1);
    });
});
