"use strict";
/** Subnets, and the resources that tie a network ACL to them. */
Object.defineProperty(exports, "__esModule", { value: true });
exports.NETWORK_ACL_ASSOCIATION = exports.NETWORK_ACL_SUBNETS_PROPERTY = exports.SUBNET_TYPES = exports.AWS_SUBNET = void 0;
exports.AWS_SUBNET = "aws:ec2/subnet:Subnet";
/** Subnets of both providers (aws-native names the same properties: vpcId, mapPublicIpOnLaunch, assignIpv6AddressOnCreation). */
exports.SUBNET_TYPES = new Set([exports.AWS_SUBNET, "aws-native:ec2:Subnet"]);
/** The property of a network ACL listing the subnets it guards. */
exports.NETWORK_ACL_SUBNETS_PROPERTY = "subnetIds";
/** `aws.ec2.NetworkAclAssociation`: one subnet and the ACL that guards it. */
exports.NETWORK_ACL_ASSOCIATION = {
    type: "aws:ec2/networkAclAssociation:NetworkAclAssociation",
    aclProperty: "networkAclId",
    subnetProperty: "subnetId",
};
