/** Shared test helpers: run one policy on raw props (or one stack policy on a stack), exactly as the pack's wrappers do. */
import { policyDefinitions, stackPolicyDefinitions } from "../policypack/policies";
import { Report } from "../policypack/kit/define";
import { StackReport } from "../policypack/kit/defineStack";
import { StackGraph } from "../policypack/network/graph";
import { PackResource, urnOf } from "../cli/engine/packProcess";

export { UNKNOWN } from "../policypack/model/sentinels";

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
    return policy(policyName).evaluate({ type, name, urn, props }, config);
}

export const violations = (reports: Report[]) => reports.filter((r) => r.enforcementLevel === undefined);
export const unverifiable = (reports: Report[]) => reports.filter((r) => r.enforcementLevel !== undefined);

/** An inline security group with these ingress rules, and one TCP rule: the parts policies' examples use. */
export { groupWithIngress as sgWithIngress, tcp } from "../policypack/kit/exampleParts";

export function stackPolicy(name: string) {
    const found = stackPolicyDefinitions.find((p) => p.name === name);
    if (!found) throw new Error(`no stack policy ${name}`);
    return found;
}

/** The graph the pack builds from an AnalyzeStack request's resources (see policypack/kit/examples.ts). */
export function graphOf(resources: readonly PackResource[]): StackGraph {
    return new StackGraph(
        resources.map((r) => ({
            type: r.type,
            name: r.name,
            urn: r.urn ?? urnOf(r.type, r.name),
            props: r.props,
            propertyDependencies: r.propertyDependencies ?? {},
        })),
    );
}

/** Runs one stack policy in-process on a stack, with the pack's wrapper (config, exemptions, levels). */
export function checkStack(policyName: string, resources: readonly PackResource[], config: unknown = {}): StackReport[] {
    return stackPolicy(policyName).evaluate(graphOf(resources), config);
}

/** Every stack policy on one stack: policy name → its reports. */
export function checkStackAll(resources: readonly PackResource[]): Map<string, StackReport[]> {
    const graph = graphOf(resources);
    return new Map(stackPolicyDefinitions.map((p) => [p.name, p.evaluate(graph, {})]));
}

/** The resource a stack report is about (the last part of its URN). */
export const resourceOf = (report: { urn?: string }) => report.urn?.split("::").pop();
