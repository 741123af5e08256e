"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.AWS_DEFAULT_NETWORK_ACL = exports.AWS_DEFAULT_SECURITY_GROUP = exports.NETWORK_ACL_HOLDER_TYPES = exports.SECURITY_GROUP_HOLDER_TYPES = exports.NETWORK_ACL_TYPES = exports.SECURITY_GROUP_TYPES = exports.RULE_RESOURCE_TYPES = void 0;
exports.joinedHolderProperty = joinedHolderProperty;
exports.rulesOf = rulesOf;
const awsSecurityGroups_1 = require("./awsSecurityGroups");
const nativeSecurityGroups_1 = require("./nativeSecurityGroups");
const networkAcls_1 = require("./networkAcls");
const KINDS = new Map([
    [awsSecurityGroups_1.AWS_SECURITY_GROUP, { family: "securityGroup", read: awsSecurityGroups_1.inlineSecurityGroup }],
    [awsSecurityGroups_1.AWS_DEFAULT_SECURITY_GROUP, { family: "securityGroup", read: awsSecurityGroups_1.inlineSecurityGroup }],
    [awsSecurityGroups_1.AWS_SECURITY_GROUP_RULE, { family: "securityGroup", read: awsSecurityGroups_1.securityGroupRule, joins: "securityGroupId" }],
    [awsSecurityGroups_1.AWS_VPC_INGRESS_RULE, { family: "securityGroup", read: (0, awsSecurityGroups_1.vpcSecurityGroupRule)("ingress"), joins: "securityGroupId" }],
    [awsSecurityGroups_1.AWS_VPC_EGRESS_RULE, { family: "securityGroup", read: (0, awsSecurityGroups_1.vpcSecurityGroupRule)("egress"), joins: "securityGroupId" }],
    [nativeSecurityGroups_1.NATIVE_SECURITY_GROUP, { family: "securityGroup", read: nativeSecurityGroups_1.nativeSecurityGroup }],
    [nativeSecurityGroups_1.NATIVE_INGRESS, { family: "securityGroup", read: (0, nativeSecurityGroups_1.nativeSecurityGroupRule)("ingress"), joins: "groupId" }],
    [nativeSecurityGroups_1.NATIVE_EGRESS, { family: "securityGroup", read: (0, nativeSecurityGroups_1.nativeSecurityGroupRule)("egress"), joins: "groupId" }],
    [networkAcls_1.AWS_NETWORK_ACL, { family: "networkAcl", read: networkAcls_1.inlineNetworkAcl }],
    [networkAcls_1.AWS_DEFAULT_NETWORK_ACL, { family: "networkAcl", read: networkAcls_1.inlineNetworkAcl }],
    [networkAcls_1.AWS_NETWORK_ACL_RULE, { family: "networkAcl", read: networkAcls_1.networkAclRule, joins: "networkAclId" }],
    [networkAcls_1.NATIVE_NETWORK_ACL_ENTRY, { family: "networkAcl", read: networkAcls_1.nativeNetworkAclEntry, joins: "networkAclId" }],
]);
function typesWhere(test) {
    return new Set([...KINDS].filter(([, kind]) => test(kind)).map(([type]) => type));
}
/** Every resource type that carries network rules. */
exports.RULE_RESOURCE_TYPES = new Set(KINDS.keys());
/** Every type carrying security-group rules: groups and standalone rule resources. */
exports.SECURITY_GROUP_TYPES = typesWhere((kind) => kind.family === "securityGroup");
/** Every type carrying network-ACL entries: ACLs and standalone entry resources. */
exports.NETWORK_ACL_TYPES = typesWhere((kind) => kind.family === "networkAcl");
/** The groups themselves (their rules written inline), without the standalone rule resources. */
exports.SECURITY_GROUP_HOLDER_TYPES = typesWhere((kind) => kind.family === "securityGroup" && kind.joins === undefined);
/** The network ACLs themselves (their entries written inline), without the standalone entry resources. */
exports.NETWORK_ACL_HOLDER_TYPES = typesWhere((kind) => kind.family === "networkAcl" && kind.joins === undefined);
/** For a standalone rule resource of the family: the property naming the group or ACL it joins. */
function joinedHolderProperty(type, family) {
    const kind = KINDS.get(type);
    return kind?.family === family ? kind.joins : undefined;
}
/** Rule models by resource: policies of one request and the stack graph ask for the same resource's rules. */
const modelled = new WeakMap();
/** Turns a resource's props into the rule model; undefined for resource types without rules. Never modify the answer: it is shared. */
function rulesOf(resource) {
    if (modelled.has(resource))
        return modelled.get(resource);
    const kind = KINDS.get(resource.type);
    const rules = kind?.read(resource.props, { urn: resource.urn, resourceName: resource.name, resourceType: resource.type, path: "" });
    modelled.set(resource, rules);
    return rules;
}
var awsSecurityGroups_2 = require("./awsSecurityGroups");
Object.defineProperty(exports, "AWS_DEFAULT_SECURITY_GROUP", { enumerable: true, get: function () { return awsSecurityGroups_2.AWS_DEFAULT_SECURITY_GROUP; } });
var networkAcls_2 = require("./networkAcls");
Object.defineProperty(exports, "AWS_DEFAULT_NETWORK_ACL", { enumerable: true, get: function () { return networkAcls_2.AWS_DEFAULT_NETWORK_ACL; } });
