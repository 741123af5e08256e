/**
 * TieredSecurityGroups: one security group per tier, and for each flow the ingress rule on the
 * receiving tier plus the matching egress rule on the sending tier, with security-group references
 * (never CIDRs) between tiers. One `aws.vpc` rule resource per rule, each described, so rules change
 * without replacing groups. Nothing is created until every argument has been checked.
 */
import * as aws from "@pulumi/aws";
import * as pulumi from "@pulumi/pulumi";
import { Cidr, parseCidr } from "../policypack/model/addresses";
import { TIER_TAG, TIERS, Tier } from "../policypack/network/carriers";
import { CidrInput, FlowProtocol, PortSpec, Problems, internetCidrs, internetRefusal, readCidr, readDescription, readPorts, show } from "./validation";

/** A tier's role: the same words, and the same tag, the stack policies read. */
export type TierRole = Tier;
const TIER_ROLES = TIERS;
export { TIER_TAG };

export type Ports = number | [number, number];

export interface TierArgs {
    role: TierRole;
    description?: string;
}

export interface FlowArgs {
    /** A tier name, "internet" (0.0.0.0/0 and ::/0), or explicit CIDRs. */
    from: string | { cidrs: CidrInput[] };
    to: string;
    protocol: FlowProtocol;
    /** TCP/UDP: a port or [from, to]; ICMP: a type or [type, code]; "-1": omitted. */
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
export type PlannedRule = PortSpec & {
    direction: "ingress" | "egress";
    /** The tier whose group holds the rule. */
    tier: string;
    peer: { tier: string } | { cidr: Cidr | pulumi.Output<string> };
    description: string;
    /** Stable resource-name suffix: the rule's content, not its position, so reordering replaces nothing. */
    key: string;
};

function slug(text: string): string {
    return text.replace(/::/g, "-").replace(/[^A-Za-z0-9.]+/g, "-").replace(/^-+|-+$/g, "") || "any";
}

function portsKey(spec: PortSpec): string {
    if (spec.protocol === "-1") return "all";
    return spec.fromPort === spec.toPort ? `${spec.protocol}${spec.fromPort}` : `${spec.protocol}${spec.fromPort}-${spec.toPort}`;
}

function readCidrList(value: unknown, where: string, problems: Problems): Array<Cidr | pulumi.Output<string>> | undefined {
    if (!Array.isArray(value) || value.length === 0) {
        problems.add(`${where} = ${show(value)} must be a non-empty list of CIDRs`);
        return undefined;
    }
    const cidrs = value.map((c, i) => readCidr(c, `${where}[${i}]`, problems));
    return cidrs.every((c) => c !== undefined) ? (cidrs as Array<Cidr | pulumi.Output<string>>) : undefined;
}

/** Checks the arguments and plans every rule; throws a ComponentArgumentError listing all problems. */
export function planTieredSecurityGroups(component: string, args: TieredSecurityGroupsArgs): { tiers: Record<string, TierArgs>; rules: PlannedRule[] } {
    const problems = new Problems();
    const rules: PlannedRule[] = [];
    if (!args || typeof args !== "object") {
        problems.add(`arguments = ${show(args)} must be an object`);
        problems.throwIfAny(component);
    }
    if (args.vpcId === undefined || args.vpcId === null || args.vpcId === "") problems.add(`vpcId = ${show(args.vpcId)} is required`);

    // A Map: tier names come from programs, and a plain object would answer for "toString" too.
    const tiers = new Map<string, TierArgs>();
    const seen = new Map<string, string>();
    if (!args.tiers || typeof args.tiers !== "object" || Array.isArray(args.tiers) || Object.keys(args.tiers).length === 0) {
        problems.add(`tiers = ${show(args.tiers)} must name at least one tier: { [name]: { role } }`);
    } else {
        for (const [name, tier] of Object.entries(args.tiers)) {
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
            if (tier.description !== undefined && typeof tier.description !== "string") problems.add(`tiers["${name}"].description = ${show(tier.description)} must be a string`);
            tiers.set(name, tier);
        }
    }
    const isTier = (name: unknown): name is string => typeof name === "string" && tiers.has(name);
    const tierList = () => [...tiers.keys()].join(", ") || "none";

    const keys = new Set<string>();
    const add = (rule: PlannedRule, where: string) => {
        const id = `${rule.tier}-${rule.direction}-${rule.key}`;
        if (keys.has(id)) problems.add(`${where} repeats a rule another flow already creates (${rule.direction} on tier "${rule.tier}", ${rule.key})`);
        keys.add(id);
        rules.push(rule);
    };

    if (!Array.isArray(args.flows)) problems.add(`flows = ${show(args.flows)} must be a list (it may be empty)`);
    (Array.isArray(args.flows) ? args.flows : []).forEach((flow, i) => {
        const where = `flows[${i}]`;
        if (!flow || typeof flow !== "object") return problems.add(`${where} = ${show(flow)} must be an object`);
        if (!isTier(flow.to)) problems.add(`${where}.to = ${show(flow.to)} is not a tier (tiers: ${tierList()})`);
        const spec = readPorts(flow.protocol, flow.ports, where, problems);
        const description = readDescription(flow.description, where, problems);
        let source: { tier: string } | { cidrs: Array<Cidr | pulumi.Output<string>> } | undefined;
        if (flow.from === "internet") {
            source = { cidrs: INTERNET };
        } else if (typeof flow.from === "string") {
            if (isTier(flow.from)) source = { tier: flow.from };
            else problems.add(`${where}.from = ${show(flow.from)} is not a tier, "internet" or { cidrs } (tiers: ${tierList()})`);
        } else if (flow.from && typeof flow.from === "object" && "cidrs" in flow.from) {
            const cidrs = readCidrList(flow.from.cidrs, `${where}.from.cidrs`, problems);
            if (cidrs) source = { cidrs };
        } else {
            problems.add(`${where}.from = ${show(flow.from)} is not a tier, "internet" or { cidrs }`);
        }
        if (!spec || !description || !source || !isTier(flow.to)) return;
        if ("cidrs" in source) {
            const known = source.cidrs.filter((c): c is Cidr => !pulumi.Output.isInstance(c));
            const refusal = internetRefusal(spec, internetCidrs(known), where);
            if (refusal) return problems.add(refusal);
            source.cidrs.forEach((cidr, j) => {
                const peerKey = pulumi.Output.isInstance(cidr) ? `cidr${i}-${j}` : slug((cidr as Cidr).text);
                add({ ...spec, direction: "ingress", tier: flow.to, peer: { cidr: guardResolved(cidr, spec, `${where}.from.cidrs[${j}]`) }, description, key: `from-${peerKey}-${portsKey(spec)}` }, where);
            });
        } else {
            add({ ...spec, direction: "ingress", tier: flow.to, peer: { tier: source.tier }, description, key: `from-${source.tier}-${portsKey(spec)}` }, where);
            add({ ...spec, direction: "egress", tier: source.tier, peer: { tier: flow.to }, description, key: `to-${flow.to}-${portsKey(spec)}` }, where);
        }
    });

    if (args.egress !== undefined && !Array.isArray(args.egress)) problems.add(`egress = ${show(args.egress)} must be a list`);
    (Array.isArray(args.egress) ? args.egress : []).forEach((egress, i) => {
        const where = `egress[${i}]`;
        if (!egress || typeof egress !== "object") return problems.add(`${where} = ${show(egress)} must be an object`);
        if (!isTier(egress.from)) problems.add(`${where}.from = ${show(egress.from)} is not a tier (tiers: ${tierList()})`);
        const spec = readPorts(egress.protocol, egress.ports, where, problems);
        const description = readDescription(egress.description, where, problems);
        const cidrs = egress.to && typeof egress.to === "object" ? readCidrList(egress.to.cidrs, `${where}.to.cidrs`, problems) : undefined;
        if (!(egress.to && typeof egress.to === "object")) problems.add(`${where}.to = ${show(egress.to)} must be { cidrs: [...] } (traffic between tiers comes from flows)`);
        if (!spec || !description || !cidrs || !isTier(egress.from)) return;
        cidrs.forEach((cidr, j) => {
            const peerKey = pulumi.Output.isInstance(cidr) ? `cidr${i}-${j}` : slug((cidr as Cidr).text);
            add({ ...spec, direction: "egress", tier: egress.from, peer: { cidr }, description, key: `to-${peerKey}-${portsKey(spec)}` }, where);
        });
    });

    problems.throwIfAny(component);
    return { tiers: Object.fromEntries(tiers), rules };
}

/**
 * A CIDR given as an Output is checked when it resolves: a malformed value, or one that would open an
 * admin or database port to the internet, fails the deployment with the same message.
 */
function guardResolved(cidr: Cidr | pulumi.Output<string>, spec: PortSpec, where: string): Cidr | pulumi.Output<string> {
    if (!pulumi.Output.isInstance(cidr)) return cidr;
    return (cidr as pulumi.Output<string>).apply((value) => {
        const problems = new Problems();
        const parsed = readCidr(value, where, problems);
        if (parsed && !pulumi.Output.isInstance(parsed)) {
            const refusal = internetRefusal(spec, internetCidrs([parsed]), where);
            if (refusal) problems.add(refusal);
        }
        problems.throwIfAny("TieredSecurityGroups");
        return value;
    });
}

function cidrFields(cidr: Cidr | pulumi.Output<string>): { cidrIpv4?: pulumi.Input<string>; cidrIpv6?: pulumi.Input<string> } {
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
                ipProtocol: rule.protocol,
                ...(rule.protocol === "-1" ? {} : { fromPort: rule.fromPort, toPort: rule.toPort }),
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
