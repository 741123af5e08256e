"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.databaseNotPubliclyAccessible = void 0;
const publicAccess_1 = require("../../adapters/publicAccess");
const unresolved_1 = require("../../model/unresolved");
const FIX = {
    switch: "set publiclyAccessible: false, place it in private subnets, and reach it from the app tier's security group (or through a bastion/SSM for people).",
    vpc: "give it vpcOptions (private subnets and the security group of its tier), so its endpoint lives inside the VPC; a domain cannot move into a VPC in place, so this replaces it.",
};
function findingFor(name, access) {
    switch (access.verdict) {
        case "private":
            return undefined;
        case "public":
            return {
                kind: "violation",
                message: `${name} (${access.kind}): ${access.because}, so it gets a public endpoint reachable from the internet. Fix: ${FIX[access.fix]}`,
            };
        case "depends":
            return {
                kind: "unverifiable",
                message: `${name} (${access.kind}): cannot verify that it is not publicly accessible: ${access.because}. Fix: ${FIX[access.fix]}`,
            };
        case "unknown":
            return {
                kind: "unverifiable",
                message: `${name} (${access.kind}): cannot verify that it is not publicly accessible, because ${(0, unresolved_1.describeUnresolved)(access.unresolved)}. Fix if it is public: ${FIX[access.fix]}`,
            };
    }
}
exports.databaseNotPubliclyAccessible = {
    name: "database-not-publicly-accessible",
    description: "Data stores must not be publicly accessible: RDS instances, cluster instances and shard groups, Redshift and Redshift Serverless, Neptune, DocumentDB, MQ brokers, DMS, Lightsail databases, Timestream for InfluxDB, and OpenSearch/Elasticsearch domains outside a VPC.",
    enforcementLevel: "mandatory",
    severity: "critical",
    remediationSteps: "Set publiclyAccessible to false (DMS is public unless it is set), and give OpenSearch/Elasticsearch domains vpcOptions. A publicly accessible data store gets a public DNS name and address; with a permissive security group or access policy it is open to the internet.",
    tags: ["database", "internet-exposure", "three-tier"],
    config: {},
    appliesTo: publicAccess_1.PUBLIC_ACCESS_TYPES,
    check(resource) {
        const access = (0, publicAccess_1.publicAccessOf)(resource.type, resource.props);
        const finding = access && findingFor(resource.name, access);
        return finding ? [finding] : [];
    },
};
