/**
 * VPCs, for what they say about security groups: each VPC exposes the id of its default security
 * group as an output, and a program can hand that id to any resource (`vpc.defaultSecurityGroupId`).
 */
import { AWS_DEFAULT_SECURITY_GROUP } from "./awsSecurityGroups";

/** VPC types and the output holding the id of the VPC's default security group. */
export const VPC_DEFAULT_GROUP_OUTPUT: ReadonlyMap<string, string> = new Map([
    ["aws:ec2/vpc:Vpc", "defaultSecurityGroupId"],
    ["aws:ec2/defaultVpc:DefaultVpc", "defaultSecurityGroupId"],
    ["aws-native:ec2:Vpc", "defaultSecurityGroup"],
]);

/** The resource that manages a VPC's default group, and the property naming its VPC. */
export const DEFAULT_GROUP_MANAGER = { type: AWS_DEFAULT_SECURITY_GROUP, vpcProperty: "vpcId" } as const;
