/**
 * Builds AnalyzeStack inputs for both engine modes from one description: `ref("web-sg")` stands for
 * another resource's id — known (`id-web-sg`) in update mode; in preview mode the unknown sentinel,
 * with the referencing top-level property linked to the resource through propertyDependencies.
 * `ref("vpc", "defaultSecurityGroupId")` stands for another output, declared in the target's
 * `outputs` (its value in update mode; unknown, like every computed output, in preview mode).
 */
import { PackResource, UNKNOWN, urnOf } from "../../cli/engine/packProcess";

export type Mode = "preview" | "update";
const REF = Symbol("ref");

export function ref(name: string, output?: string): unknown {
    return { [REF]: name, output };
}

export interface Declared {
    type: string;
    name: string;
    props: Record<string, unknown>;
    /** Outputs the provider computes (known in update mode, unknown in preview mode). */
    outputs?: Record<string, string>;
}

export const idOf = (name: string) => `id-${name}`;

export function buildStack(declared: Declared[], mode: Mode): PackResource[] {
    const urns = new Map(declared.map((d) => [d.name, urnOf(d.type, d.name)]));
    const byName = new Map(declared.map((d) => [d.name, d]));
    return declared.map((d) => {
        const propertyDependencies: Record<string, string[]> = {};
        const resolve = (value: unknown, top: string): unknown => {
            if (value && typeof value === "object" && REF in (value as object)) {
                const { [REF]: target, output } = value as { [REF]: string; output?: string };
                if (!urns.has(target)) throw new Error(`ref to unknown resource ${target}`);
                // Own properties only, whatever the property is called ("__proto__" too).
                if (!Object.prototype.hasOwnProperty.call(propertyDependencies, top)) Object.defineProperty(propertyDependencies, top, { value: [], enumerable: true, writable: true, configurable: true });
                propertyDependencies[top].includes(urns.get(target)!) || propertyDependencies[top].push(urns.get(target)!);
                if (mode === "preview") return UNKNOWN;
                if (output === undefined) return idOf(target);
                const known = byName.get(target)!.outputs?.[output];
                if (known === undefined) throw new Error(`ref to output ${output} that ${target} does not declare`);
                return known;
            }
            if (Array.isArray(value)) return value.map((v) => resolve(v, top));
            if (value && typeof value === "object") return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolve(v, top)]));
            return value;
        };
        const props = Object.fromEntries(Object.entries(d.props).map(([k, v]) => [k, resolve(v, k)]));
        for (const [output, value] of Object.entries(d.outputs ?? {})) props[output] = mode === "update" ? value : UNKNOWN;
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
    defaultSg: "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup",
    eni: "aws:ec2/networkInterface:NetworkInterface",
    prefixList: "aws:ec2/managedPrefixList:ManagedPrefixList",
    prefixListEntry: "aws:ec2/managedPrefixListEntry:ManagedPrefixListEntry",
    nativePrefixList: "aws-native:ec2:PrefixList",
};

export const tcpFrom = (port: number, peer: Record<string, unknown>, description = "rule") => ({ protocol: "tcp", fromPort: port, toPort: port, description, ...peer });
