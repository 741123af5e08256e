"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.DEFAULT_GROUP_MANAGER = exports.VPC_DEFAULT_GROUP_OUTPUT = void 0;
/**
 * VPCs, for what they say about security groups: each VPC exposes the id of its default security
 * group as an output, and a program can hand that id to any resource (`vpc.defaultSecurityGroupId`).
 */
const awsSecurityGroups_1 = require("./awsSecurityGroups");
/** VPC types and the output holding the id of the VPC's default security group. */
exports.VPC_DEFAULT_GROUP_OUTPUT = new Map([
    ["aws:ec2/vpc:Vpc", "defaultSecurityGroupId"],
    ["aws:ec2/defaultVpc:DefaultVpc", "defaultSecurityGroupId"],
    ["aws-native:ec2:Vpc", "defaultSecurityGroup"],
]);
/** The resource that manages a VPC's default group, and the property naming its VPC. */
exports.DEFAULT_GROUP_MANAGER = { type: awsSecurityGroups_1.AWS_DEFAULT_SECURITY_GROUP, vpcProperty: "vpcId" };
