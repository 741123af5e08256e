/** Shared test helpers: run one policy on raw props, exactly as the pack's wrapper does. */
import { policyDefinitions } from "../policypack/policies";
import { Report, evaluate } from "../policypack/kit/define";
import { rulesOf } from "../policypack/adapters";

export const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

export const TYPES = {
    sg: "aws:ec2/securityGroup:SecurityGroup",
    defaultSg: "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup",
    sgRule: "aws:ec2/securityGroupRule:SecurityGroupRule",
    ingressRule: "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule",
    egressRule: "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule",
    nativeSg: "aws-native:ec2:SecurityGroup",
    nativeIngress: "aws-native:ec2:SecurityGroupIngress",
    nativeEgress: "aws-native:ec2:SecurityGroupEgress",
    nacl: "aws:ec2/networkAcl:NetworkAcl",
    defaultNacl: "aws:ec2/defaultNetworkAcl:DefaultNetworkAcl",
    naclRule: "aws:ec2/networkAclRule:NetworkAclRule",
    nativeNaclEntry: "aws-native:ec2:NetworkAclEntry",
} as const;

export function policy(name: string) {
    const found = policyDefinitions.find((p) => p.name === name);
    if (!found) throw new Error(`no policy ${name}`);
    return found;
}

export function check(policyName: string, type: string, props: unknown, config: unknown = {}, name = "res"): Report[] {
    const urn = `urn:pulumi:dev::app::${type}::${name}`;
    const resource = { type, name, urn, props, rules: rulesOf({ type, name, urn }, props) };
    return evaluate(policy(policyName), resource, config);
}

export const violations = (reports: Report[]) => reports.filter((r) => r.enforcementLevel === undefined);
export const unverifiable = (reports: Report[]) => reports.filter((r) => r.enforcementLevel !== undefined);

/** An inline security group with these ingress rules (each gets a description unless it has one). */
export function sgWithIngress(...ingress: Array<Record<string, unknown>>) {
    return { description: "test", ingress: ingress.map((r) => ({ description: "rule", ...r })), egress: [] };
}

export function tcp(port: number | [number, number], peer: Record<string, unknown>) {
    const [fromPort, toPort] = Array.isArray(port) ? port : [port, port];
    return { protocol: "tcp", fromPort, toPort, ...peer };
}
