/**
 * A stack as the engine saw it: every resource the program registered (or read), with what the
 * engine hands to analyzers. `check` captures it from a running program, `scan` reads it from a file.
 */
import * as crypto from "crypto";
import { UNKNOWN } from "../../policypack/model/sentinels";

/** preview: a first `pulumi preview` (ids and computed outputs unknown); update: ids known. */
export type Mode = "preview" | "update";

export interface CapturedResource {
    urn: string;
    type: string;
    name: string;
    custom: boolean;
    /** Multi-language components whose children only a provider plugin creates. */
    remote: boolean;
    /** Read with `.get()` or a StackReference, not registered: in AnalyzeStack only, as the engine does. */
    read?: boolean;
    parent?: string;
    /** Reference to the provider as the SDK sends it: "<provider urn>::<provider id>". */
    provider?: string;
    /** Inputs as the engine hands them to analyzers (unknown sentinels, secret envelopes). */
    inputs: Record<string, unknown>;
    /** Recorded outputs, when known (a stack export, a component's registered outputs); else the inputs stand for them. */
    outputs?: Record<string, unknown>;
    id?: string;
    dependencies: string[];
    propertyDependencies: Record<string, string[]>;
    /** Where the program registered it, when the SDK says. */
    source?: { uri: string; line: number; column: number };
    /** Created by a model of a multi-language component (not by its provider): which, after which defaults. */
    modeled?: { component: string; source: string };
    /** A multi-language component: how its children were made. */
    expansion?: ComponentExpansion;
}

/**
 * How a multi-language component's children came to be judged: its provider plugin constructed them,
 * a model of the component did, or nothing did (they were not checked).
 */
export interface ComponentExpansion {
    by: "plugin" | "model" | "none";
    /** The plugin's path, the model's source ("pulumi-awsx 2.x and 3.x defaults"), or why nothing could. */
    detail: string;
    /** The component package's version the program asked for, when it said. */
    version?: string;
    /** Whether a component of this package can create network resources the pack judges. */
    network: "yes" | "no" | "unknown";
}

export interface CaptureResult {
    project: string;
    stack: string;
    stackUrn: string;
    resources: CapturedResource[];
}

export const STACK_TYPE = "pulumi:pulumi:Stack";

/** Resources the engine analyses one by one: custom resources it registers, other than providers (not reads). */
export function isAnalysed(resource: CapturedResource): boolean {
    return resource.custom && !resource.read && !resource.type.startsWith("pulumi:providers:");
}

/** A resource's outputs as AnalyzeStack sees them: recorded outputs (a stack export), else inputs plus its id (unknown during a preview). */
export function outputsOf(resource: CapturedResource): Record<string, unknown> {
    if (resource.outputs) return resource.outputs;
    return resource.custom ? { ...resource.inputs, id: resource.id ?? UNKNOWN } : resource.inputs;
}

/** A resource with the properties the pack is sent for it, for the pack's evaluation in-process. */
function sentWith(resource: CapturedResource, props: Record<string, unknown>) {
    return { type: resource.type, name: resource.name, urn: resource.urn, props, propertyDependencies: resource.propertyDependencies };
}

/** What Analyze is sent: each resource analysed one by one, with its inputs. */
export function analysedAsSent(capture: CaptureResult) {
    return capture.resources.filter(isAnalysed).map((r) => sentWith(r, r.inputs));
}

/** What AnalyzeStack is sent: every resource, with its outputs. */
export function stackAsSent(capture: CaptureResult) {
    return capture.resources.map((r) => sentWith(r, outputsOf(r)));
}

export function stackUrnOf(project: string, stack: string): string {
    return `urn:pulumi:${stack}::${project}::${STACK_TYPE}::${project}-${stack}`;
}

/**
 * A resource's URN as the engine makes it: the parent's qualified type chain joined with `$`, except
 * under the root stack, whose children have their own type alone.
 */
export function urnOf(stack: string, project: string, parentUrn: string | undefined, type: string, name: string): string {
    const parentType = parentUrn ? parentUrn.split("::")[2] : undefined;
    const qualified = parentType && parentType !== STACK_TYPE ? `${parentType}$${type}` : type;
    return `urn:pulumi:${stack}::${project}::${qualified}::${name}`;
}

/** Id prefixes AWS uses, so placeholder ids look like the real thing to programs that parse them. */
const ID_PREFIXES: Record<string, string> = {
    "aws:ec2/securityGroup:SecurityGroup": "sg",
    "aws:ec2/defaultSecurityGroup:DefaultSecurityGroup": "sg",
    "aws:ec2/vpc:Vpc": "vpc",
    "aws:ec2/defaultVpc:DefaultVpc": "vpc",
    "aws:ec2/subnet:Subnet": "subnet",
    "aws:ec2/defaultSubnet:DefaultSubnet": "subnet",
    "aws:ec2/instance:Instance": "i",
    "aws:ec2/networkAcl:NetworkAcl": "acl",
    "aws:ec2/defaultNetworkAcl:DefaultNetworkAcl": "acl",
    "aws:ec2/internetGateway:InternetGateway": "igw",
    "aws:ec2/egressOnlyInternetGateway:EgressOnlyInternetGateway": "eigw",
    "aws:ec2/natGateway:NatGateway": "nat",
    "aws:ec2/routeTable:RouteTable": "rtb",
    "aws:ec2/defaultRouteTable:DefaultRouteTable": "rtb",
    "aws:ec2/launchTemplate:LaunchTemplate": "lt",
    "aws:ec2/networkInterface:NetworkInterface": "eni",
    "aws:ec2/eip:Eip": "eipalloc",
    "aws:ec2/managedPrefixList:ManagedPrefixList": "pl",
    "aws:ec2/vpcEndpoint:VpcEndpoint": "vpce",
    "aws:vpc/securityGroupIngressRule:SecurityGroupIngressRule": "sgr",
    "aws:vpc/securityGroupEgressRule:SecurityGroupEgressRule": "sgr",
    "aws-native:ec2:SecurityGroup": "sg",
    "aws-native:ec2:Vpc": "vpc",
    "aws-native:ec2:Subnet": "subnet",
};

/** A stable, AWS-looking id for a resource created by an update (`--mode update`). */
export function placeholderId(type: string, urn: string): string {
    const hex = crypto.createHash("sha256").update(urn).digest("hex").slice(0, 17);
    const prefix = Object.prototype.hasOwnProperty.call(ID_PREFIXES, type) ? ID_PREFIXES[type] : undefined;
    return prefix ? `${prefix}-${hex}` : `${urn.split("::").pop()}-${hex.slice(0, 8)}`;
}
