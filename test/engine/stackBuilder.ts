/**
 * Builds AnalyzeStack inputs for both engine modes from one description: `ref("web-sg")` stands for
 * another resource's id — known (`id-web-sg`) in update mode; in preview mode the unknown sentinel,
 * with the referencing top-level property linked to the resource through propertyDependencies.
 */
import { TestResource, UNKNOWN, urnOf } from "../../cli/engine/packProcess";

export type Mode = "preview" | "update";
const REF = Symbol("ref");

export function ref(name: string): unknown {
    return { [REF]: name };
}

export interface Declared {
    type: string;
    name: string;
    props: Record<string, unknown>;
}

export const idOf = (name: string) => `id-${name}`;

export function buildStack(declared: Declared[], mode: Mode): TestResource[] {
    const urns = new Map(declared.map((d) => [d.name, urnOf(d.type, d.name)]));
    return declared.map((d) => {
        const propertyDependencies: Record<string, string[]> = {};
        const resolve = (value: unknown, top: string): unknown => {
            if (value && typeof value === "object" && REF in (value as object)) {
                const target = (value as Record<symbol, string>)[REF];
                if (!urns.has(target)) throw new Error(`ref to unknown resource ${target}`);
                (propertyDependencies[top] ??= []).includes(urns.get(target)!) || propertyDependencies[top].push(urns.get(target)!);
                return mode === "update" ? idOf(target) : UNKNOWN;
            }
            if (Array.isArray(value)) return value.map((v) => resolve(v, top));
            if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolve(v, top)]));
            return value;
        };
        const props = Object.fromEntries(Object.entries(d.props).map(([k, v]) => [k, resolve(v, k)]));
        props.id = mode === "update" ? idOf(d.name) : UNKNOWN;
        return { type: d.type, name: d.name, urn: urns.get(d.name), props, propertyDependencies, dependencies: [...new Set(Object.values(propertyDependencies).flat())] };
    });
}

export const T = {
    vpc: "aws:ec2/vpc:Vpc",
    subnet: "aws:ec2/subnet:Subnet",
    sg: "aws:ec2/securityGroup:SecurityGroup",
    ingressRule: "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule",
    instance: "aws:ec2/instance:Instance",
    lb: "aws:lb/loadBalancer:LoadBalancer",
    rds: "aws:rds/instance:Instance",
    rdsCluster: "aws:rds/cluster:Cluster",
    rdsClusterInstance: "aws:rds/clusterInstance:ClusterInstance",
    nacl: "aws:ec2/networkAcl:NetworkAcl",
    naclRule: "aws:ec2/networkAclRule:NetworkAclRule",
    vpcEndpoint: "aws:ec2/vpcEndpoint:VpcEndpoint",
};

export const tcpFrom = (port: number, peer: Record<string, unknown>, description = "rule") => ({ protocol: "tcp", fromPort: port, toPort: port, description, ...peer });
