/**
 * ThreeTierSecurityGroups: the README's model on top of TieredSecurityGroups — internet → load
 * balancer (TCP 443; UDP 443 with `quic`; TCP 80 with `http`) → web (its port, only from the load
 * balancer) → optional app tier → database (its port, only from the tier before it); admin access
 * only from named addresses; internet egress only where declared.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { Cidr } from "../policypack/model/addresses";
import { hasOwn } from "../policypack/model/ownProperties";
import { didYouMean } from "../policypack/kit/didYouMean";
import { EgressArgs, FlowArgs, TierArgs, TieredSecurityGroups } from "./tieredSecurityGroups";
import {
    CidrInput,
    FlowProtocol,
    Ports,
    Problems,
    argumentProblems,
    internetCidrs,
    internetRefusal,
    portItem,
    readCidr,
    readDescription,
    readPorts,
    refuseUnknownKeys,
    show,
} from "./validation";

export type ThreeTierName = "loadBalancer" | "web" | "app" | "database";

export interface TierEgress {
    /** The addresses the tier reaches. */
    cidrs: CidrInput[];
    protocol: FlowProtocol;
    ports?: Ports;
    description: string;
}

export interface ThreeTierSecurityGroupsArgs {
    vpcId: pulumi.Input<string>;
    loadBalancer?: {
        /** TCP ports open to clients (default [443]): ports and { from, to } ranges, each its own rule. */
        ports?: Ports;
        /** Also TCP 80, for redirects to HTTPS. */
        http?: boolean;
        /** Also UDP 443, for HTTP/3. */
        quic?: boolean;
        /** Who the load balancer serves (default 0.0.0.0/0 and ::/0). */
        cidrs?: CidrInput[];
    };
    web: { port: number };
    app?: { port: number };
    database: { port: number };
    admin?: { cidrs: CidrInput[]; port?: number; tiers: Array<"web" | "app" | "database"> };
    egress?: Partial<Record<ThreeTierName, TierEgress[]>>;
    tags?: Record<string, string>;
}

const WORLD: CidrInput[] = ["0.0.0.0/0", "::/0"];

function readTierPort(value: unknown, where: string, problems: Problems): number | undefined {
    if (typeof value === "number" && Number.isInteger(value) && value >= 1 && value <= 65535) return value;
    problems.add(`${where} = ${show(value)} is not a port (a whole number from 1 to 65535)`);
    return undefined;
}

/** An admin CIDR given as an Output is refused when it resolves if it is malformed or the internet. */
function guardAdminOutput(cidr: pulumi.Output<string>, where: string): pulumi.Output<string> {
    return cidr.apply((value) => {
        const problems = new Problems();
        const parsed = readCidr(value, where, problems);
        if (parsed && !pulumi.Output.isInstance(parsed) && internetCidrs([parsed as Cidr]).length > 0) {
            problems.add(`${where} = ${show(value)} is the internet: admin access comes only from named addresses (e.g. 203.0.113.10/32)`);
        }
        problems.throwIfAny("ThreeTierSecurityGroups");
        return value;
    });
}

type PlannedTiers = Record<string, TierArgs>;

function tiersOf(args: ThreeTierSecurityGroupsArgs): PlannedTiers {
    return {
        loadBalancer: { role: "public", description: "Load balancer: the only tier the internet reaches" },
        web: { role: "web", description: "Web tier: reached only from the load balancer" },
        ...(args.app !== undefined ? { app: { role: "app" as const, description: "App tier: reached only from the web tier" } } : {}),
        database: { role: "data", description: "Database tier: reached only from the tier before it" },
    };
}

/** Internet → load balancer: its TCP ports (never an admin or database port), plus HTTP and QUIC when asked. */
function loadBalancerFlows(lb: NonNullable<ThreeTierSecurityGroupsArgs["loadBalancer"]>, problems: Problems): FlowArgs[] {
    const flows: FlowArgs[] = [];
    refuseUnknownKeys(lb, "loadBalancer", ["ports", "http", "quic", "cidrs"], problems);
    const sources = lb.cidrs ?? WORLD;
    if (!Array.isArray(sources) || sources.length === 0) problems.add(`loadBalancer.cidrs = ${show(sources)} must be a non-empty list of CIDRs`);
    const sourceCidrs = (Array.isArray(sources) ? sources : []).map((c, i) => readCidr(c, `loadBalancer.cidrs[${i}]`, problems));
    const knownSources = sourceCidrs.filter((c): c is Cidr => !!c && !pulumi.Output.isInstance(c));
    const read = readPorts("tcp", lb.ports ?? [443], "loadBalancer", problems) ?? [];
    const listed = new Set<string>();
    let has80 = false;
    for (const { flow, where, raw } of read) {
        const item = portItem(flow);
        const text = show(item);
        if (listed.has(text)) {
            problems.add(`${where} = ${show(raw)} is listed twice`);
            continue;
        }
        listed.add(text);
        const refusal = internetRefusal(flow, knownSources, `${where} = ${show(raw)}`);
        if (refusal) {
            problems.add(refusal);
            continue;
        }
        if (flow.ports.kind === "range" && flow.ports.from <= 80 && 80 <= flow.ports.to) has80 = true;
        flows.push({
            from: { cidrs: sources },
            to: "loadBalancer",
            protocol: "tcp",
            ports: [item!],
            description:
                item === 443
                    ? "HTTPS from clients"
                    : `TCP ${typeof item === "number" ? item : `${flow.ports.kind === "range" ? `${flow.ports.from}-${flow.ports.to}` : text}`} from clients`,
        });
    }
    if (lb.http) {
        if (has80) problems.add("loadBalancer.http = true while loadBalancer.ports already has 80: list it once");
        else flows.push({ from: { cidrs: sources }, to: "loadBalancer", protocol: "tcp", ports: 80, description: "HTTP from clients, redirected to HTTPS" });
    }
    if (lb.quic) flows.push({ from: { cidrs: sources }, to: "loadBalancer", protocol: "udp", ports: 443, description: "HTTP/3 (QUIC) from clients" });
    return flows;
}

/** Tier to tier, by security-group reference: load balancer → web → (app →) database. */
function tierFlows(args: ThreeTierSecurityGroupsArgs, problems: Problems): FlowArgs[] {
    for (const tier of ["web", "app", "database"] as const) refuseUnknownKeys(args[tier], tier, ["port"], problems);
    const webPort = readTierPort(args.web?.port, "web.port", problems);
    const appPort = args.app === undefined ? undefined : readTierPort(args.app?.port, "app.port", problems);
    const databasePort = readTierPort(args.database?.port, "database.port", problems);
    const flows: FlowArgs[] = [];
    if (webPort !== undefined)
        flows.push({ from: "loadBalancer", to: "web", protocol: "tcp", ports: webPort, description: "App traffic from the load balancer" });
    if (appPort !== undefined) flows.push({ from: "web", to: "app", protocol: "tcp", ports: appPort, description: "Requests from the web tier" });
    const beforeDatabase = args.app !== undefined ? "app" : "web";
    if (databasePort !== undefined)
        flows.push({
            from: beforeDatabase,
            to: "database",
            protocol: "tcp",
            ports: databasePort,
            description: `Database connections from the ${beforeDatabase} tier`,
        });
    return flows;
}

/** The admin CIDRs: plain ones checked now (never the internet), Outputs guarded until they resolve. */
function readAdminCidrs(admin: NonNullable<ThreeTierSecurityGroupsArgs["admin"]>, problems: Problems): CidrInput[] {
    if (!Array.isArray(admin?.cidrs) || admin.cidrs.length === 0)
        problems.add(`admin.cidrs = ${show(admin?.cidrs)} must list the addresses admins connect from`);
    const cidrs: CidrInput[] = [];
    const known: Cidr[] = [];
    (Array.isArray(admin?.cidrs) ? admin.cidrs : []).forEach((raw, i) => {
        const parsed = readCidr(raw, `admin.cidrs[${i}]`, problems);
        if (!parsed) return;
        if (pulumi.Output.isInstance(parsed)) cidrs.push(guardAdminOutput(parsed as pulumi.Output<string>, `admin.cidrs[${i}]`));
        else {
            known.push(parsed as Cidr);
            cidrs.push(raw);
        }
    });
    const internet = internetCidrs(known);
    if (internet.length > 0) {
        problems.add(
            `admin.cidrs includes ${internet.map((c) => `"${c.text}"`).join(", ")}, which ${internet.length > 1 ? "are" : "is"} the internet: admin access comes only from named addresses (e.g. 203.0.113.10/32)`,
        );
    }
    return cidrs;
}

/** Admin access from named addresses only, to the tiers named. */
function adminFlows(args: ThreeTierSecurityGroupsArgs, problems: Problems): FlowArgs[] {
    if (args.admin === undefined) return [];
    const admin = args.admin;
    refuseUnknownKeys(admin, "admin", ["cidrs", "port", "tiers"], problems);
    const port = admin?.port === undefined ? 22 : readTierPort(admin.port, "admin.port", problems);
    const cidrs = readAdminCidrs(admin, problems);
    if (!Array.isArray(admin?.tiers) || admin.tiers.length === 0)
        problems.add(`admin.tiers = ${show(admin?.tiers)} must name the tiers admins reach ("web", "app", "database")`);
    const flows: FlowArgs[] = [];
    for (const [i, tier] of (Array.isArray(admin?.tiers) ? admin.tiers : []).entries()) {
        if (!["web", "app", "database"].includes(tier)) problems.add(`admin.tiers[${i}] = ${show(tier)} is not "web", "app" or "database"`);
        else if (tier === "app" && args.app === undefined) problems.add(`admin.tiers[${i}] = "app" but there is no app tier (set app: { port })`);
        else if (port !== undefined && cidrs.length > 0 && admin.tiers.indexOf(tier) === i) {
            flows.push({ from: { cidrs }, to: tier, protocol: "tcp", ports: port, description: `Admin access (port ${port}) from named addresses` });
        }
    }
    return flows;
}

/** Explicit internet egress per tier. */
function egressOf(args: ThreeTierSecurityGroupsArgs, tiers: PlannedTiers, problems: Problems): EgressArgs[] {
    if (args.egress !== undefined && (typeof args.egress !== "object" || args.egress === null))
        problems.add(`egress = ${show(args.egress)} must be { loadBalancer?, web?, app?, database?: [...] }`);
    const egress: EgressArgs[] = [];
    for (const [tier, list] of Object.entries(args.egress ?? {})) {
        // Own keys only: "constructor" or "toString" is no tier, though every object answers to it.
        if (!hasOwn(tiers, tier)) {
            problems.add(`egress.${tier}: there is no ${tier} tier${didYouMean(tier, Object.keys(tiers))} (tiers: ${Object.keys(tiers).join(", ")})`);
            continue;
        }
        if (!Array.isArray(list)) {
            problems.add(`egress.${tier} = ${show(list)} must be a list of { cidrs, protocol, ports, description }`);
            continue;
        }
        list.forEach((entry, i) => {
            const where = `egress.${tier}[${i}]`;
            if (!entry || typeof entry !== "object") return problems.add(`${where} = ${show(entry)} must be { cidrs, protocol, ports, description }`);
            refuseUnknownKeys(entry, where, ["cidrs", "protocol", "ports", "description"], problems);
            if (!Array.isArray(entry.cidrs) || entry.cidrs.length === 0)
                return problems.add(`${where}.cidrs = ${show(entry.cidrs)} must be a non-empty list of CIDRs`);
            const cidrs = entry.cidrs.map((c, k) => readCidr(c, `${where}.cidrs[${k}]`, problems));
            readPorts(entry.protocol, entry.ports, where, problems);
            readDescription(entry.description, where, problems);
            if (cidrs.includes(undefined)) return;
            egress.push({ from: tier, to: { cidrs: entry.cidrs }, protocol: entry.protocol, ports: entry.ports, description: entry.description });
        });
    }
    return egress;
}

/** Checks the arguments and turns them into TieredSecurityGroups arguments; throws all problems at once. */
export function planThreeTier(component: string, args: ThreeTierSecurityGroupsArgs): { tiers: PlannedTiers; flows: FlowArgs[]; egress: EgressArgs[] } {
    const problems = argumentProblems(component, args);
    refuseUnknownKeys(args, "", ["vpcId", "loadBalancer", "web", "app", "database", "admin", "egress", "tags"], problems);
    const tiers = tiersOf(args);
    const tierToTier = tierFlows(args, problems);
    const flows = [...loadBalancerFlows(args.loadBalancer ?? {}, problems), ...tierToTier, ...adminFlows(args, problems)];
    const egress = egressOf(args, tiers, problems);
    problems.throwIfAny(component);
    return { tiers, flows, egress };
}

export class ThreeTierSecurityGroups extends pulumi.ComponentResource {
    readonly loadBalancer: aws.ec2.SecurityGroup;
    readonly web: aws.ec2.SecurityGroup;
    readonly app?: aws.ec2.SecurityGroup;
    readonly database: aws.ec2.SecurityGroup;
    readonly securityGroupIds: Partial<Record<ThreeTierName, pulumi.Output<string>>> & Record<"loadBalancer" | "web" | "database", pulumi.Output<string>>;

    constructor(name: string, args: ThreeTierSecurityGroupsArgs, opts?: pulumi.ComponentResourceOptions) {
        const plan = planThreeTier(`ThreeTierSecurityGroups "${name}"`, args);
        super("tierguard:index:ThreeTierSecurityGroups", name, {}, opts);
        const tiered = new TieredSecurityGroups(
            name,
            { vpcId: args.vpcId, tiers: plan.tiers, flows: plan.flows, egress: plan.egress, tags: args.tags },
            { parent: this },
        );
        this.loadBalancer = tiered.securityGroups.loadBalancer;
        this.web = tiered.securityGroups.web;
        this.app = tiered.securityGroups.app;
        this.database = tiered.securityGroups.database;
        this.securityGroupIds = tiered.securityGroupIds as ThreeTierSecurityGroups["securityGroupIds"];
        this.registerOutputs({ securityGroupIds: this.securityGroupIds });
    }
}
