/**
 * TieredSecurityGroups: one security group per tier, and for each flow the ingress rule on the
 * receiving tier plus the matching egress rule on the sending tier, with security-group references
 * (never CIDRs) between tiers. One `aws.vpc` rule resource per rule, each described, so rules change
 * without replacing groups. Nothing is created until every argument has been checked.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { Cidr, parseCidr } from "../policypack/model/addresses";
import { opensEveryPort } from "../policypack/model/protocol";
import { TIER_TAG, TIERS, Tier } from "../policypack/network/carriers";
import {
    CidrInput,
    FlowPorts,
    FlowProtocol,
    Ports,
    Problems,
    argumentProblems,
    internetRefusal,
    portFields,
    readCidr,
    readDescription,
    readPorts,
    refuseUnknownKeys,
    show,
} from "./validation";

/** A tier's role: the same words, and the same tag, the stack policies read. */
export type TierRole = Tier;
const TIER_ROLES = TIERS;
export { TIER_TAG };

export interface TierArgs {
    role: TierRole;
    description?: string;
}

export interface FlowArgs {
    /** A tier name, "internet" (0.0.0.0/0 and ::/0), or explicit CIDRs. */
    from: string | { cidrs: CidrInput[] };
    to: string;
    protocol: FlowProtocol;
    /** A list of ports, ranges ({ from, to } or "from-to") or ICMP types; each item is its own rule. A single item stands for a list of one. */
    ports?: Ports;
    description: string;
}

export interface EgressArgs {
    from: string;
    to: { cidrs: CidrInput[] };
    protocol: FlowProtocol;
    ports?: Ports;
    description: string;
}

export interface TieredSecurityGroupsArgs {
    vpcId: pulumi.Input<string>;
    tiers: Record<string, TierArgs>;
    flows: FlowArgs[];
    egress?: EgressArgs[];
    tags?: Record<string, string>;
}

/** `from: "internet"`: the whole of IPv4 and IPv6. */
const INTERNET: Cidr[] = ["0.0.0.0/0", "::/0"].map((text) => parseCidr(text) as Cidr);
/** A plain identifier: a letter, then letters, digits, "-" or "_". Names end up in resource names, tags and output keys. */
const NAME = /^[A-Za-z][A-Za-z0-9_-]{0,62}$/;
/** Members every object has ("constructor", "toString", "__proto__", ...): as keys of outputs and tables they would collide. */
const OBJECT_MEMBERS: ReadonlySet<string> = new Set(Object.getOwnPropertyNames(Object.prototype));

/** Why a name cannot name a tier, if it cannot. */
export function tierNameProblem(name: string): string | undefined {
    if (OBJECT_MEMBERS.has(name)) {
        return `tiers["${name}"]: "${name}" is a member every JavaScript object has (Object.prototype.${name}), so as a tier name it would collide with it in tables and outputs: choose another name`;
    }
    if (!NAME.test(name) || name === "internet") {
        return `tiers["${name}"]: a tier name is a plain identifier: a letter, then letters, digits, "-" or "_" (at most 63 characters), and not "internet"`;
    }
    return undefined;
}

/** One rule to create, fully checked. */
export type PlannedRule = FlowPorts & {
    direction: "ingress" | "egress";
    /** The tier whose group holds the rule. */
    tier: string;
    peer: { tier: string } | { cidr: Cidr | pulumi.Output<string> };
    description: string;
    /** Stable resource-name suffix: the rule's content, not its position, so reordering replaces nothing. */
    key: string;
};

type PlannedCidr = Cidr | pulumi.Output<string>;

function slug(text: string): string {
    return (
        text
            .replace(/::/g, "-")
            .replace(/[^A-Za-z0-9.]+/g, "-")
            .replace(/^-+|-+$/g, "") || "any"
    );
}

/** The ports in a rule's resource name: "tcp443", "tcp8000-8010", "icmp3-4", "all". */
function portsKey(flow: FlowPorts): string {
    if (flow.ipProtocol === "-1") return "all";
    if (opensEveryPort(flow.protocol)) return `proto${flow.ipProtocol}`;
    const { fromPort, toPort } = portFields(flow);
    return fromPort === toPort ? `${flow.ipProtocol}${fromPort}` : `${flow.ipProtocol}${fromPort}-${toPort}`;
}

/** A CIDR peer in a rule's resource name: the CIDR itself, or its place in the arguments while it is an Output. */
function peerKey(cidr: PlannedCidr, placeholder: string): string {
    return pulumi.Output.isInstance(cidr) ? placeholder : slug((cidr as Cidr).text);
}

function readCidrList(value: unknown, where: string, problems: Problems): PlannedCidr[] | undefined {
    if (!Array.isArray(value) || value.length === 0) {
        problems.add(`${where} = ${show(value)} must be a non-empty list of CIDRs`);
        return undefined;
    }
    const cidrs = value.map((c, i) => readCidr(c, `${where}[${i}]`, problems));
    return cidrs.every((c) => c !== undefined) ? (cidrs as PlannedCidr[]) : undefined;
}

/** The tiers, each name and role checked; a Map, since tier names come from programs and a plain object would answer for "toString" too. */
function readTiers(value: unknown, problems: Problems): Map<string, TierArgs> {
    const tiers = new Map<string, TierArgs>();
    if (!value || typeof value !== "object" || Array.isArray(value) || Object.keys(value).length === 0) {
        problems.add(`tiers = ${show(value)} must name at least one tier: { [name]: { role } }`);
        return tiers;
    }
    const seen = new Map<string, string>();
    for (const [name, tier] of Object.entries(value as Record<string, TierArgs | undefined>)) {
        const nameProblem = tierNameProblem(name);
        if (nameProblem) {
            problems.add(nameProblem);
            continue;
        }
        const folded = name.toLowerCase();
        if (seen.has(folded)) {
            problems.add(`tiers["${name}"] duplicates tiers["${seen.get(folded)}"] (tier names must differ in more than letter case)`);
            continue;
        }
        seen.set(folded, name);
        if (!tier || !(TIER_ROLES as readonly string[]).includes(tier.role)) {
            problems.add(`tiers["${name}"].role = ${show(tier?.role)} is not one of ${TIER_ROLES.map((r) => `"${r}"`).join(", ")}`);
            continue;
        }
        refuseUnknownKeys(tier, `tiers["${name}"]`, ["role", "description"], problems);
        if (tier.description !== undefined && typeof tier.description !== "string")
            problems.add(`tiers["${name}"].description = ${show(tier.description)} must be a string`);
        tiers.set(name, tier);
    }
    return tiers;
}

/** The rules planned so far, and the problems found reading the arguments they come from. */
class RulePlan {
    readonly rules: PlannedRule[] = [];
    private readonly keys = new Set<string>();

    constructor(
        readonly tiers: ReadonlyMap<string, TierArgs>,
        readonly problems: Problems,
    ) {}

    isTier(name: unknown): name is string {
        return typeof name === "string" && this.tiers.has(name);
    }

    tierList(): string {
        return [...this.tiers.keys()].join(", ") || "none";
    }

    /** A problem unless `value`, the argument at `where`, names a tier. */
    requireTier(value: unknown, where: string): void {
        if (!this.isTier(value)) this.problems.add(`${where} = ${show(value)} is not a tier (tiers: ${this.tierList()})`);
    }

    add(rule: PlannedRule, where: string): void {
        const id = `${rule.tier}-${rule.direction}-${rule.key}`;
        if (this.keys.has(id))
            this.problems.add(`${where} repeats a rule another flow already creates (${rule.direction} on tier "${rule.tier}", ${rule.key})`);
        this.keys.add(id);
        this.rules.push(rule);
    }
}

/** Where a flow comes from: a tier, or CIDRs ("internet" being all of IPv4 and IPv6). */
function readSource(from: FlowArgs["from"], where: string, plan: RulePlan): { tier: string } | { cidrs: PlannedCidr[] } | undefined {
    if (from === "internet") return { cidrs: INTERNET };
    if (typeof from === "string") {
        if (plan.isTier(from)) return { tier: from };
        plan.problems.add(`${where}.from = ${show(from)} is not a tier, "internet" or { cidrs } (tiers: ${plan.tierList()})`);
        return undefined;
    }
    if (from && typeof from === "object" && !Array.isArray(from)) {
        refuseUnknownKeys(from, `${where}.from`, ["cidrs"], plan.problems);
        const cidrs = readCidrList(from.cidrs, `${where}.from.cidrs`, plan.problems);
        return cidrs ? { cidrs } : undefined;
    }
    plan.problems.add(`${where}.from = ${show(from)} is not a tier, "internet" or { cidrs }`);
    return undefined;
}

/** A flow: the ingress rule on the receiving tier, and from a tier also the egress rule on the sending one. */
function planFlow(flow: FlowArgs, i: number, plan: RulePlan): void {
    const where = `flows[${i}]`;
    if (!flow || typeof flow !== "object") return plan.problems.add(`${where} = ${show(flow)} must be an object`);
    refuseUnknownKeys(flow, where, ["from", "to", "protocol", "ports", "description"], plan.problems);
    plan.requireTier(flow.to, `${where}.to`);
    const ports = readPorts(flow.protocol, flow.ports, where, plan.problems);
    const description = readDescription(flow.description, where, plan.problems);
    const source = readSource(flow.from, where, plan);
    if (!ports || !description || !source || !plan.isTier(flow.to)) return;
    for (const { flow: item, where: itemWhere } of ports) {
        // A list names the item; a single item (shorthand) names the flow.
        const at = Array.isArray(flow.ports) ? itemWhere : where;
        const rule = { ...item, description };
        if ("tier" in source) {
            plan.add({ ...rule, direction: "ingress", tier: flow.to, peer: { tier: source.tier }, key: `from-${source.tier}-${portsKey(item)}` }, at);
            plan.add({ ...rule, direction: "egress", tier: source.tier, peer: { tier: flow.to }, key: `to-${flow.to}-${portsKey(item)}` }, at);
            continue;
        }
        const known = source.cidrs.filter((c): c is Cidr => !pulumi.Output.isInstance(c));
        const refusal = internetRefusal(item, known, at);
        if (refusal) {
            plan.problems.add(refusal);
            continue;
        }
        source.cidrs.forEach((cidr, j) => {
            const peer = { cidr: guardResolved(cidr, item, `${where}.from.cidrs[${j}]`) };
            plan.add({ ...rule, direction: "ingress", tier: flow.to, peer, key: `from-${peerKey(cidr, `cidr${i}-${j}`)}-${portsKey(item)}` }, at);
        });
    }
}

/** Egress from a tier to CIDRs outside the stack (traffic between tiers comes from flows). */
function planEgress(egress: EgressArgs, i: number, plan: RulePlan): void {
    const where = `egress[${i}]`;
    if (!egress || typeof egress !== "object") return plan.problems.add(`${where} = ${show(egress)} must be an object`);
    refuseUnknownKeys(egress, where, ["from", "to", "protocol", "ports", "description"], plan.problems);
    if (egress.to && typeof egress.to === "object") refuseUnknownKeys(egress.to, `${where}.to`, ["cidrs"], plan.problems);
    plan.requireTier(egress.from, `${where}.from`);
    const ports = readPorts(egress.protocol, egress.ports, where, plan.problems);
    const description = readDescription(egress.description, where, plan.problems);
    const cidrs = egress.to && typeof egress.to === "object" ? readCidrList(egress.to.cidrs, `${where}.to.cidrs`, plan.problems) : undefined;
    if (!(egress.to && typeof egress.to === "object"))
        plan.problems.add(`${where}.to = ${show(egress.to)} must be { cidrs: [...] } (traffic between tiers comes from flows)`);
    if (!ports || !description || !cidrs || !plan.isTier(egress.from)) return;
    for (const { flow: item, where: itemWhere } of ports) {
        const at = Array.isArray(egress.ports) ? itemWhere : where;
        for (const [j, cidr] of cidrs.entries()) {
            plan.add(
                { ...item, description, direction: "egress", tier: egress.from, peer: { cidr }, key: `to-${peerKey(cidr, `cidr${i}-${j}`)}-${portsKey(item)}` },
                at,
            );
        }
    }
}

/** Checks the arguments and plans every rule; throws a ComponentArgumentError listing all problems. */
export function planTieredSecurityGroups(component: string, args: TieredSecurityGroupsArgs): { tiers: Record<string, TierArgs>; rules: PlannedRule[] } {
    const problems = argumentProblems(component, args);
    refuseUnknownKeys(args, "", ["vpcId", "tiers", "flows", "egress", "tags"], problems);
    if (args.vpcId === undefined || args.vpcId === null || args.vpcId === "") problems.add(`vpcId = ${show(args.vpcId)} is required`);
    const plan = new RulePlan(readTiers(args.tiers, problems), problems);
    if (!Array.isArray(args.flows)) problems.add(`flows = ${show(args.flows)} must be a list (it may be empty)`);
    (Array.isArray(args.flows) ? args.flows : []).forEach((flow, i) => planFlow(flow, i, plan));
    if (args.egress !== undefined && !Array.isArray(args.egress)) problems.add(`egress = ${show(args.egress)} must be a list`);
    (Array.isArray(args.egress) ? args.egress : []).forEach((egress, i) => planEgress(egress, i, plan));
    problems.throwIfAny(component);
    return { tiers: Object.fromEntries(plan.tiers), rules: plan.rules };
}

/**
 * A CIDR given as an Output is checked when it resolves: a malformed value, or one that would open an
 * admin or database port to the internet, fails the deployment with the same message.
 */
function guardResolved(cidr: PlannedCidr, ports: FlowPorts, where: string): PlannedCidr {
    if (!pulumi.Output.isInstance(cidr)) return cidr;
    return (cidr as pulumi.Output<string>).apply((value) => {
        const problems = new Problems();
        const parsed = readCidr(value, where, problems);
        if (parsed && !pulumi.Output.isInstance(parsed)) {
            const refusal = internetRefusal(ports, [parsed], where);
            if (refusal) problems.add(refusal);
        }
        problems.throwIfAny("TieredSecurityGroups");
        return value;
    });
}

function cidrFields(cidr: PlannedCidr): { cidrIpv4?: pulumi.Input<string>; cidrIpv6?: pulumi.Input<string> } {
    if (!pulumi.Output.isInstance(cidr)) {
        const c = cidr as Cidr;
        return c.family === 4 ? { cidrIpv4: c.text } : { cidrIpv6: c.text };
    }
    const output = cidr as pulumi.Output<string>;
    return {
        cidrIpv4: output.apply((c) => (c.includes(":") ? undefined! : c)),
        cidrIpv6: output.apply((c) => (c.includes(":") ? c : undefined!)),
    };
}

export class TieredSecurityGroups extends pulumi.ComponentResource {
    /** The security group of each tier, by tier name. */
    readonly securityGroups: Record<string, aws.ec2.SecurityGroup>;
    /** The id of each tier's security group, by tier name. */
    readonly securityGroupIds: Record<string, pulumi.Output<string>>;

    constructor(name: string, args: TieredSecurityGroupsArgs, opts?: pulumi.ComponentResourceOptions) {
        // Checked before anything, this component included, is registered.
        const plan = planTieredSecurityGroups(`TieredSecurityGroups "${name}"`, args);
        super("tierguard:index:TieredSecurityGroups", name, {}, opts);

        const tags = args.tags ?? {};
        const groups = new Map<string, aws.ec2.SecurityGroup>();
        const roles = new Map<string, TierRole>();
        for (const [tier, spec] of Object.entries(plan.tiers)) {
            const group = new aws.ec2.SecurityGroup(
                `${name}-${tier}`,
                {
                    vpcId: args.vpcId,
                    description: spec.description ?? `${tier} tier (${spec.role}), managed by tierguard`,
                    revokeRulesOnDelete: true,
                    tags: { ...tags, Name: `${name}-${tier}`, [TIER_TAG]: spec.role },
                },
                { parent: this },
            );
            groups.set(tier, group);
            roles.set(tier, spec.role);
        }
        // Planned tier names are plain identifiers and no Object member, so they are safe output keys.
        this.securityGroups = Object.fromEntries(groups);
        this.securityGroupIds = Object.fromEntries([...groups].map(([tier, group]) => [tier, group.id]));
        const idOf = (tier: string) => groups.get(tier)!.id;

        for (const rule of plan.rules) {
            const common = {
                securityGroupId: idOf(rule.tier),
                ipProtocol: rule.ipProtocol,
                ...portFields(rule),
                ...("tier" in rule.peer ? { referencedSecurityGroupId: idOf(rule.peer.tier) } : cidrFields(rule.peer.cidr)),
                description: rule.description,
                tags: { ...tags, [TIER_TAG]: roles.get(rule.tier)! },
            };
            const resourceName = `${name}-${rule.tier}-${rule.key}`;
            if (rule.direction === "ingress") new aws.vpc.SecurityGroupIngressRule(resourceName, common, { parent: this });
            else new aws.vpc.SecurityGroupEgressRule(resourceName, common, { parent: this });
        }
        this.registerOutputs({ securityGroupIds: this.securityGroupIds });
    }
}
