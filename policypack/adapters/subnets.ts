/** Subnets, and the resources that tie a network ACL to them. */

export const AWS_SUBNET = "aws:ec2/subnet:Subnet";
/** Subnets of both providers (aws-native names the same properties: vpcId, mapPublicIpOnLaunch, assignIpv6AddressOnCreation). */
export const SUBNET_TYPES: ReadonlySet<string> = new Set([AWS_SUBNET, "aws-native:ec2:Subnet"]);

/** The property of a network ACL listing the subnets it guards. */
export const NETWORK_ACL_SUBNETS_PROPERTY = "subnetIds";

/** `aws.ec2.NetworkAclAssociation`: one subnet and the ACL that guards it. */
export const NETWORK_ACL_ASSOCIATION = {
    type: "aws:ec2/networkAclAssociation:NetworkAclAssociation",
    aclProperty: "networkAclId",
    subnetProperty: "subnetId",
} as const;
