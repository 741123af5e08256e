/**
 * The component models tierguard has, by type token, with the package versions whose defaults they
 * follow. A newer major version is modeled from the newest line, and says so (a release tierguard has
 * not read would otherwise pass unchecked); an older one, or another type, is not modeled.
 */
import { ModelContext } from "../modelKit";
import { AWSX_SOURCE, AWSX_WITHOUT_NETWORK, applicationLoadBalancer, defaultVpcComponent, ec2Service, fargateService, networkLoadBalancer, vpc } from "./awsx";
import { ClusterFacts, EKS_SOURCE, cluster, managedNodeGroup, nodeGroup } from "./eks";

/** What models share over one run: facts of modeled clusters, for the node groups that join them. */
export class ModelMemory {
    readonly clusters = new Map<string, ClusterFacts>();
}

export interface ComponentModel {
    /** The package's major versions whose defaults the model follows. */
    majors: readonly [number, number];
    source: string;
    /** Creates nothing the pack judges (e.g. an image repository). */
    withoutNetwork?: boolean;
    build(ctx: ModelContext, memory: ModelMemory): Record<string, unknown>;
}

const AWSX = [2, 3] as const;
const EKS = [2, 4] as const;

const MODELS: ReadonlyMap<string, ComponentModel> = new Map<string, ComponentModel>([
    ["awsx:lb:ApplicationLoadBalancer", { majors: AWSX, source: AWSX_SOURCE, build: applicationLoadBalancer }],
    ["awsx:lb:NetworkLoadBalancer", { majors: AWSX, source: AWSX_SOURCE, build: networkLoadBalancer }],
    ["awsx:ecs:FargateService", { majors: AWSX, source: AWSX_SOURCE, build: fargateService }],
    ["awsx:ecs:EC2Service", { majors: AWSX, source: AWSX_SOURCE, build: ec2Service }],
    ["awsx:ec2:Vpc", { majors: AWSX, source: AWSX_SOURCE, build: vpc }],
    ["awsx:ec2:DefaultVpc", { majors: AWSX, source: AWSX_SOURCE, build: defaultVpcComponent }],
    ...AWSX_WITHOUT_NETWORK.map((type): [string, ComponentModel] => [
        type,
        { majors: AWSX, source: `${AWSX_SOURCE}: creates no network resource`, withoutNetwork: true, build: () => ({}) },
    ]),
    ["eks:index:Cluster", { majors: EKS, source: EKS_SOURCE, build: (ctx, memory) => cluster(ctx, (facts) => memory.clusters.set(ctx.component.urn, facts)) }],
    ["eks:index:NodeGroupV2", { majors: EKS, source: EKS_SOURCE, build: (ctx, memory) => nodeGroup(ctx, (urn) => memory.clusters.get(urn)) }],
    ["eks:index:NodeGroup", { majors: EKS, source: EKS_SOURCE, build: (ctx, memory) => nodeGroup(ctx, (urn) => memory.clusters.get(urn)) }],
    ["eks:index:ManagedNodeGroup", { majors: EKS, source: EKS_SOURCE, build: (ctx, memory) => managedNodeGroup(ctx, (urn) => memory.clusters.get(urn)) }],
]);

/**
 * The model for a component type at a package version ("" = not said: the newest line is assumed), and
 * when the version is newer than the models' lines, why the newest line's defaults were used anyway.
 */
export function modelFor(type: string, version: string): (ComponentModel & { newerThanModeled?: string }) | undefined {
    const model = MODELS.get(type);
    if (!model) return undefined;
    const major = /^v?(\d+)\./.exec(version)?.[1];
    if (major === undefined || Number(major) <= model.majors[1]) return major !== undefined && Number(major) < model.majors[0] ? undefined : model;
    const pkg = type.split(":")[0];
    return {
        ...model,
        newerThanModeled: `${pkg} ${version} is newer than the defaults tierguard has read (${pkg} ${model.majors[0]}.x–${model.majors[1]}.x): the ${model.majors[1]}.x defaults are assumed`,
    };
}

/** Whether a component package is known to create network resources the pack judges. */
export function networkOf(type: string): "yes" | "no" | "unknown" {
    const model = MODELS.get(type);
    if (model) return model.withoutNetwork ? "no" : "yes";
    const pkg = type.split(":")[0];
    // tierguard's own component package makes security groups and their rules.
    return pkg === "awsx" || pkg === "eks" || pkg === "tierguard" ? "yes" : "unknown";
}
