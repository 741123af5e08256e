/**
 * Latent versus reachable: for a rule that admits the internet (a world-open security-group rule or
 * network ACL entry), does the internet reach, today, a resource through it? Resource policies judge
 * one resource and flag such a rule wherever it is (defence in depth); this answers, from the stack's
 * graph, what the finding means now:
 *
 * - "reachable": some resource carrying the rule's group (for an ACL entry: some resource in a subnet
 *   the ACL guards, through a group that admits the internet on the entry's traffic) is reached by the
 *   internet hop by hop (public address, route to an internet gateway, ACL first match) — the verdict
 *   of `directReachOfPath` is "yes" on the rule's internet path (the one `pathsTo` gives for it; for an
 *   ACL entry, the carrier's internet paths from `pathsTo` on traffic the entry matches);
 *   A security-group rule is also reachable when a resource carrying it is a target of an
 *   internet-facing load balancer and the rule admits what the load balancer sends it on the target
 *   port: the path up to the target's subnet is `loadBalancerPaths.ts`'s, the one internet-exposure
 *   reports (an application load balancer connects from its private addresses, which 0.0.0.0/0 admits;
 *   a network load balancer preserving client addresses sends internet sources); and a rule of an
 *   internet-facing load balancer's own group is reachable when a listener on a port it covers is;
 * - "latent": no such resource is reached, and `reason` names the hop that is missing today (no public
 *   address, no route to an internet gateway, the ACL denies it, the group is attached to nothing);
 * - "unknown": no resource is reached for sure, and some hop is not known yet (a preview), directly or
 *   through a load balancer.
 *
 * One index per graph (rules by origin, carriers by ACL, load-balanced targets), paths computed once per
 * carrier and internet definition, load-balancer paths once per listener and per (load balancer, target
 * group, target): linear in the stack.
 */
import { InternetOptions, definitionKey } from "../model/addresses";
import { Tri, all, internetExposure } from "../model/exposure";
import { ALL_PORTS, PortSet, intersectPorts, portsOf } from "../model/ports";
import { Rule, RuleOrigin, protocolAndPorts } from "../model/rule";
import { isUnresolved } from "../model/unresolved";
import { AnalyzedResource } from "../model/resource";
import { field } from "../model/propertyReaders";
import { Carrier, GroupNode, StackGraph } from "./graph";
import { directReachOfPath } from "./internetPaths";
import { Listener, Target, clientAddressPreserved, portText } from "./loadBalancing";
import { ListenerPath, LoadBalancedRoute, coversPort, listenerPaths, loadBalancedTargets, targetSubnetNacl, transportsOf } from "./loadBalancerPaths";
import { Path, newPath, pathsTo } from "./reachability";
import { DirectReach, Family, Hop } from "./routing";

export type Exposure = "reachable" | "latent" | "unknown";

/** Which hop decides a latent or unknown answer: for short tags ("[latent: no public address]"). */
export type ExposureHop = "address" | "route" | "nacl" | "attachment" | "security-group" | "graph" | "load-balancer";

export interface RuleExposure {
    exposure: Exposure;
    /** In words: the path ("reachable"), the missing hop ("latent"), or what is not known yet ("unknown"). */
    reason: string;
    /** The hop that is missing or unknown (absent for "reachable"). */
    hop?: ExposureHop;
}

/** Short words for a hop, for tags: `[latent: no public address]`. */
export const HOP_WORDS: Readonly<Record<ExposureHop, string>> = {
    address: "no public address",
    route: "no route to an internet gateway",
    nacl: "NACL denies it",
    attachment: "attached to nothing",
    "security-group": "no security group admits it",
    graph: "not in the stack",
    "load-balancer": "no path through a load balancer",
};

/** Does the rule admit the internet (ingress, allow, a peer that is the internet by this definition)? Only such rules get an exposure. */
export function admitsInternet(rule: Rule, options: InternetOptions): boolean {
    return rule.direction === "ingress" && rule.action === "allow" && internetExposure(rule, options).verdict === "yes";
}

const originKey = (origin: Pick<RuleOrigin, "urn" | "path">) => `${origin.urn}\u0000${origin.path}`;

/** One carrier's answer for one rule. */
interface CarrierAnswer {
    verdict: Tri;
    reason: string;
    hop?: ExposureHop;
}

/** The hop a "no" or "maybe" answer of a direct reach rests on, in words. */
function missingHop(reach: DirectReach, wanted: Tri): { hop: ExposureHop; text: string } {
    if (reach.address.verdict === wanted && reach.address.text) return { hop: "address", text: reach.address.text };
    if (reach.route.verdict === wanted && reach.route.text) return { hop: "route", text: reach.route.text };
    if (reach.nacl.verdict === wanted && reach.nacl.text) return { hop: "nacl", text: reach.nacl.text };
    return { hop: "route", text: "no path from the internet" };
}

/** The ports a rule's traffic uses (every port for protocols without ports), or undefined when not known. */
function trafficPorts(rule: Rule): PortSet | undefined {
    if (isUnresolved(rule.protocol)) return undefined;
    if (rule.protocol.kind !== "tcp" && rule.protocol.kind !== "udp") return ALL_PORTS;
    return isUnresolved(rule.ports) ? undefined : portsOf(rule.ports);
}

/** Does traffic a security-group rule admits overlap what a network ACL entry matches? */
function sameTraffic(entry: Rule, rule: Rule): Tri {
    if (isUnresolved(entry.protocol) || isUnresolved(rule.protocol)) return "maybe";
    const a = entry.protocol;
    const b = rule.protocol;
    if (a.kind !== "all" && b.kind !== "all" && JSON.stringify(a) !== JSON.stringify(b)) return "no";
    if (a.kind === "icmp" || a.kind === "icmpv6" || b.kind === "icmp" || b.kind === "icmpv6") return "yes";
    const ports = [trafficPorts(entry), trafficPorts(rule)];
    if (ports.some((p) => p === undefined)) return "maybe";
    return intersectPorts(ports[0]!, ports[1]!).length > 0 ? "yes" : "no";
}

/** `"app-1": it has no public IP`, for up to three carriers, then how many more. */
function joined(answers: Array<{ name: string; reason: string }>): string {
    const shown = answers.slice(0, 3).map((a) => `"${a.name}": ${a.reason}`);
    return answers.length > 3 ? `${shown.join("; ")}; and ${answers.length - 3} more` : shown.join("; ");
}

/** The combined answer over the carriers: reachable if one is, else unknown if one may be, else latent. */
function combine(answers: Array<CarrierAnswer & { name: string }>): RuleExposure {
    const reached = answers.find((a) => a.verdict === "yes");
    if (reached) return { exposure: "reachable", reason: `"${reached.name}": ${reached.reason}` };
    const open = answers.filter((a) => a.verdict === "maybe");
    if (open.length > 0) return { exposure: "unknown", reason: joined(open), hop: open[0].hop };
    const hops = new Set(answers.map((a) => a.hop));
    return { exposure: "latent", reason: joined(answers), ...(hops.size === 1 ? { hop: answers[0].hop } : {}) };
}

/** Exposure of rules in one stack's graph: build once per graph, ask per finding. */
export class RuleExposures {
    private readonly groupsByOrigin = new Map<string, Array<{ group: GroupNode; rule: Rule }>>();
    /** Standalone rules whose group is not in the stack (or not known): their carriers cannot be told. */
    private readonly unplacedStandalone = new Map<string, string>();
    private readonly naclByOrigin = new Map<string, { name: string; urn: string }>();
    private carriersByNacl?: Map<string, Carrier[]>;
    private readonly pathMemo = new Map<string, Map<Carrier, Path[]>>();
    private readonly answers = new Map<string, RuleExposure>();
    private lbTargets?: Map<Carrier, LoadBalancedRoute[]>;
    /** Per internet definition: each load balancer's listener paths, and each (load balancer, target group, target)'s subnet ACL hop. */
    private readonly listenerMemo = new Map<string, Map<Carrier, Map<Listener, ListenerPath>>>();
    private readonly targetNaclMemo = new Map<string, Map<Carrier, Map<AnalyzedResource, Map<Target, Hop>>>>();

    constructor(private readonly graph: StackGraph) {
        const add = (origin: RuleOrigin, group: GroupNode, rule: Rule) => {
            const key = originKey(origin);
            (this.groupsByOrigin.get(key) ?? this.groupsByOrigin.set(key, []).get(key)!).push({ group, rule });
        };
        for (const group of graph.groups) {
            for (const rule of group.inline) add(rule.origin, group, rule);
            for (const { rule } of group.standalone) add(rule.origin, group, rule);
        }
        for (const { resource, rules, groups } of graph.standaloneRules) {
            if (groups.some((g) => g.resource)) continue;
            const where =
                groups.length > 0
                    ? `its security group ${groups.map((g) => `"${g.label}"`).join(", ")} is not defined in this stack`
                    : "its security group is not known";
            for (const rule of rules) this.unplacedStandalone.set(originKey(rule.origin), `${where}, so what carries it is not known`);
            if (rules.length === 0) this.unplacedStandalone.set(originKey({ urn: resource.urn, path: "" }), where);
        }
        for (const nacl of graph.nacls) {
            for (const entry of nacl.entries) this.naclByOrigin.set(originKey(entry.origin), { name: nacl.resource.name, urn: nacl.resource.urn });
        }
    }

    /**
     * The exposure of a rule a finding is about (read from a resource's inputs; matched with the
     * stack's rules by where it is written), or undefined when it does not admit the internet.
     */
    of(rule: Rule, options: InternetOptions): RuleExposure | undefined {
        if (!admitsInternet(rule, options)) return undefined;
        // Several policies flag the same rule (admin port, allow-list, ...): one answer per rule and definition.
        const memoKey = `${originKey(rule.origin)}\u0000${definitionKey(options)}`;
        let answer = this.answers.get(memoKey);
        if (!answer) this.answers.set(memoKey, (answer = this.compute(rule, options)));
        return answer;
    }

    private compute(rule: Rule, options: InternetOptions): RuleExposure {
        const key = originKey(rule.origin);
        const nacl = this.naclByOrigin.get(key);
        if (nacl) return this.ofNaclEntry(rule, nacl, options);
        const holders = this.groupsByOrigin.get(key);
        if (!holders || holders.length === 0) {
            const why = this.unplacedStandalone.get(key);
            return { exposure: "unknown", reason: why ?? "the rule is not in the stack's network graph", hop: "graph" };
        }
        const answers: Array<CarrierAnswer & { name: string }> = [];
        reached: for (const { group, rule: stackRule } of holders) {
            for (const { carrier, certain } of group.carriers) {
                const answer = { name: carrier.resource.name, ...this.throughRule(carrier, group, stackRule, certain, options) };
                answers.push(answer);
                if (answer.verdict === "yes") break reached; // one reached carrier is the answer
            }
        }
        if (answers.length === 0) {
            const labels = [...new Set(holders.map(({ group }) => `"${group.label}"`))].join(", ");
            return { exposure: "latent", reason: `security group ${labels} is attached to no resource in the stack`, hop: "attachment" };
        }
        return combine(answers);
    }

    private pathsOf(carrier: Carrier, options: InternetOptions): Path[] {
        const definition = definitionKey(options);
        const memo = this.pathMemo.get(definition) ?? this.pathMemo.set(definition, new Map()).get(definition)!;
        let paths = memo.get(carrier);
        if (!paths) memo.set(carrier, (paths = pathsTo(this.graph, carrier, options).filter((p) => p.source === "internet")));
        return paths;
    }

    /**
     * Does the internet reach this carrier through this rule of this group? The rule's peers are the
     * internet, so the path is the one pathsTo gives for it (source internet, the attachment's
     * certainty); it is built here rather than walking every rule of every group the carrier carries,
     * and directReachOfPath judges each hop, the subnet's network ACL included.
     */
    private throughRule(carrier: Carrier, group: GroupNode, rule: Rule, certain: boolean, options: InternetOptions): CarrierAnswer {
        const direct = this.directly(carrier, group, rule, certain, options);
        if (direct.verdict === "yes") return direct; // direct reach wins
        // A load balancer's own group: the internet arrives on its listeners (it has no public IP of its own to judge).
        const atLb = this.atLoadBalancer(carrier, rule, certain, options);
        if (atLb) return atLb;
        const viaLb = this.throughLoadBalancers(carrier, rule, certain, options);
        if (viaLb?.verdict === "yes") return viaLb;
        if (viaLb?.verdict === "maybe" && direct.verdict === "no") return viaLb;
        return direct;
    }

    private directly(carrier: Carrier, group: GroupNode, rule: Rule, certain: boolean, options: InternetOptions): CarrierAnswer {
        const path = newPath(carrier, group, rule, "internet", "", certain);
        const best = directReachOfPath(this.graph, carrier, path, options);
        const reach = best.reach;
        if (reach.verdict === "no") return { verdict: "no", ...this.whyNot(best) };
        if (reach.verdict === "maybe") return { verdict: "maybe", ...named(missingHop(reach, "maybe")) };
        if (!certain) {
            return { verdict: "maybe", hop: "attachment", reason: `the security group id is not known yet and "${group.label}" is one of the candidates` };
        }
        const hops = [reach.route.text, reach.nacl.text, reach.address.text].filter(Boolean);
        return { verdict: "yes", reason: `reachable from the internet today: ${hops.join(" → ")}` };
    }

    /**
     * Does the internet reach this carrier through this rule via an internet-facing load balancer that
     * forwards to it? For each (listener, target group, registration) of the carrier: the listener path
     * (loadBalancerPaths.ts), the rule covering the target port on the target group's protocol and
     * admitting the sources the target sees (the load balancer's private IPv4 addresses, or the clients'
     * when a network load balancer preserves them), and the target subnet's network ACL. Undefined when
     * the carrier is no load balancer's target or no path to it may exist.
     */
    private throughLoadBalancers(carrier: Carrier, rule: Rule, certain: boolean, options: InternetOptions): CarrierAnswer | undefined {
        const routes = (this.lbTargets ??= loadBalancedTargets(this.graph)).get(carrier);
        if (!routes) return undefined;
        const families = this.ruleFamilies(rule, options);
        let maybe: CarrierAnswer | undefined;
        for (const route of routes) {
            const entry = this.listenerPath(route, options);
            const port = route.target.port;
            if (!entry || entry.reachable === "no" || port === undefined) continue;
            const protocol = field(route.group.props, "protocol");
            const transports = transportsOf(typeof protocol === "string" ? protocol : undefined);
            const covered = isUnresolved(port) ? ["maybe" as Tri] : transports.map((t) => coversPort(rule, port, t));
            const covers: Tri = covered.includes("yes") ? "yes" : covered.includes("maybe") ? "maybe" : "no";
            if (covers === "no") continue;
            // What the target sees: the clients' addresses (of the listener path's family) or the load balancer's private IPv4 ones.
            const preserved = clientAddressPreserved(route.lb.resource, route.group);
            const fromClients = families.has(entry.family);
            const fromLb = families.has(4);
            const source: Tri =
                preserved.verdict === "yes"
                    ? fromClients
                        ? "yes"
                        : "no"
                    : preserved.verdict === "no"
                      ? fromLb
                          ? "yes"
                          : "no"
                      : fromClients && fromLb
                        ? "yes"
                        : fromClients || fromLb
                          ? "maybe"
                          : "no";
            if (source === "no") continue;
            const nacl = this.targetNacl(route, options);
            const verdict = all(entry.reachable, covers, source, nacl.verdict, certain ? "yes" : "maybe");
            if (verdict === "no") continue;
            const listener = `listener ${(route.listener.protocol ?? "TCP").toUpperCase()} ${portText(entry.port)}`;
            const through = `through load balancer "${route.lb.resource.name}" ${listener} → target port ${portText(port)}`;
            if (verdict === "yes") {
                const hops = [
                    entry.reach.route.text,
                    entry.reach.nacl.text,
                    entry.admits.text,
                    `target group "${route.group.name}" (${route.target.via})`,
                    nacl.text,
                ];
                return { verdict, reason: `reachable from the internet today ${through}: ${hops.filter(Boolean).join(" → ")}` };
            }
            if (maybe) continue;
            const doubts = [...entry.doubts, ...(nacl.verdict === "maybe" ? [nacl.text] : [])];
            if (covers === "maybe") doubts.push(`the target port is not known yet`);
            if (source === "maybe") doubts.push(preserved.text);
            if (!certain) doubts.push("the security group id is not known yet");
            maybe = { verdict, hop: "load-balancer", reason: `${through} may reach it: ${doubts.join("; ") || "a value is not known yet"}` };
        }
        return maybe;
    }

    /**
     * A rule of a group an internet-facing load balancer carries: reachable when a listener whose port the
     * rule covers is reached over a family the rule admits (the listener path's address, route and
     * subnet ACL); latent naming the missing hop, or that nothing listens on the rule's ports. Undefined
     * for a carrier that is no load balancer, or an internal one.
     */
    private atLoadBalancer(carrier: Carrier, rule: Rule, certain: boolean, options: InternetOptions): CarrierAnswer | undefined {
        const paths = this.listenerPathsOf(carrier, options);
        if (paths.size === 0) return undefined;
        const families = this.ruleFamilies(rule, options);
        let maybe: CarrierAnswer | undefined;
        let no: CarrierAnswer | undefined;
        for (const entry of paths.values()) {
            const port = entry.port;
            const covered = isUnresolved(port) ? ["maybe" as Tri] : entry.transports.map((t) => coversPort(rule, port, t));
            const covers: Tri = covered.includes("yes") ? "yes" : covered.includes("maybe") ? "maybe" : "no";
            if (covers === "no") continue;
            const listener = `listener ${(entry.listener.protocol ?? "TCP").toUpperCase()} ${portText(port)}`;
            if (!entry.perFamily.some((f) => families.has(f.family))) {
                const wanted = [...families].map((f) => `IPv${f}`).join(" or ");
                no ??= { verdict: "no", hop: "address", reason: `load balancer "${carrier.resource.name}" has no ${wanted} address` };
            }
            for (const f of entry.perFamily) {
                if (!families.has(f.family)) continue;
                const verdict = all(f.reach.verdict, covers, certain ? "yes" : "maybe");
                if (verdict === "yes") {
                    const hops = [f.reach.route.text, f.reach.nacl.text, f.address.text].filter(Boolean);
                    return {
                        verdict,
                        reason: `reachable from the internet today on load balancer "${carrier.resource.name}" ${listener}: ${hops.join(" → ")}`,
                    };
                }
                if (verdict === "maybe") {
                    const doubts = [f.reach.address, f.reach.route, f.reach.nacl].filter((h) => h.verdict === "maybe").map((h) => h.text);
                    if (covers === "maybe") doubts.push("the listener port is not known yet");
                    if (!certain) doubts.push("the security group id is not known yet");
                    maybe ??= {
                        verdict,
                        hop: "load-balancer",
                        reason: `load balancer "${carrier.resource.name}" ${listener} may be reached: ${doubts.join("; ")}`,
                    };
                } else if (f.address.verdict === "no") {
                    no ??= { verdict, hop: "address", reason: `load balancer "${carrier.resource.name}" has no IPv${f.family} address` };
                } else no ??= { verdict, ...named(missingHop(f.reach, "no")) };
            }
        }
        if (maybe) return maybe;
        if (no) return no;
        return { verdict: "no", hop: "load-balancer", reason: `no listener of load balancer "${carrier.resource.name}" on ${protocolAndPorts(rule)}` };
    }

    /** The address families a rule admits the internet from (both for a prefix list, whose entries' families are not on the rule). */
    private ruleFamilies(rule: Rule, options: InternetOptions): Set<Family> {
        const families = new Set<Family>();
        for (const { peer } of internetExposure(rule, options).internet) {
            if (peer.kind === "cidr") families.add(peer.cidr.family);
            else [4, 6].forEach((f) => families.add(f as Family));
        }
        return families;
    }

    /** A load balancer's listener paths, by listener: computed once per load balancer and definition. */
    private listenerPathsOf(lb: Carrier, options: InternetOptions): Map<Listener, ListenerPath> {
        const definition = definitionKey(options);
        const byLb = this.listenerMemo.get(definition) ?? this.listenerMemo.set(definition, new Map()).get(definition)!;
        let paths = byLb.get(lb);
        if (!paths) byLb.set(lb, (paths = new Map(listenerPaths(this.graph, lb, options).map((p) => [p.listener, p]))));
        return paths;
    }

    /** The internet's path to a route's listener. */
    private listenerPath(route: LoadBalancedRoute, options: InternetOptions): ListenerPath | undefined {
        return this.listenerPathsOf(route.lb, options).get(route.listener);
    }

    /** The target subnet's network ACL on what the load balancer sends: once per (load balancer, target group, target) and definition. */
    private targetNacl(route: LoadBalancedRoute, options: InternetOptions): Hop {
        const definition = definitionKey(options);
        const byLb = this.targetNaclMemo.get(definition) ?? this.targetNaclMemo.set(definition, new Map()).get(definition)!;
        const byGroup = byLb.get(route.lb) ?? byLb.set(route.lb, new Map()).get(route.lb)!;
        const byTarget = byGroup.get(route.group) ?? byGroup.set(route.group, new Map()).get(route.group)!;
        let hop = byTarget.get(route.target);
        if (!hop) byTarget.set(route.target, (hop = targetSubnetNacl(this.graph, route.lb, route.group, route.target, options)));
        return hop;
    }

    /** A network ACL entry: reachable when a resource in a subnet it guards is reached on traffic it matches. */
    private ofNaclEntry(entry: Rule, nacl: { name: string; urn: string }, options: InternetOptions): RuleExposure {
        const carriers = this.carriersBehind().get(nacl.urn) ?? [];
        if (carriers.length === 0) {
            return { exposure: "latent", reason: `network ACL "${nacl.name}" guards no subnet with a resource of the stack in it`, hop: "attachment" };
        }
        const answers: Array<CarrierAnswer & { name: string }> = [];
        for (const carrier of carriers) {
            const matching = this.pathsOf(carrier, options)
                .map((path) => ({ path, traffic: sameTraffic(entry, path.rule) }))
                .filter(({ traffic }) => traffic !== "no");
            if (matching.length === 0) {
                answers.push({
                    name: carrier.resource.name,
                    verdict: "no",
                    hop: "security-group",
                    reason: `no security group it carries admits the internet on ${protocolAndPorts(entry)}`,
                });
                continue;
            }
            let best: CarrierAnswer | undefined;
            for (const { path, traffic } of matching) {
                const direct = directReachOfPath(this.graph, carrier, path, options);
                const reach = direct.reach;
                const verdict: Tri = reach.verdict === "yes" && (traffic === "maybe" || !path.certain) ? "maybe" : reach.verdict;
                if (verdict === "yes") {
                    const hops = [reach.route.text, reach.nacl.text, `security group "${path.group.label}"`, reach.address.text].filter(Boolean);
                    best = { verdict, reason: `reachable from the internet today: ${hops.join(" → ")}` };
                    break;
                }
                const candidate: CarrierAnswer =
                    verdict === "maybe" && reach.verdict === "yes"
                        ? { verdict, hop: "security-group", reason: "whether its security group admits this traffic is not known yet" }
                        : verdict === "no"
                          ? { verdict, ...this.whyNot(direct) }
                          : { verdict, ...named(missingHop(reach, verdict)) };
                if (!best || (best.verdict === "no" && verdict === "maybe")) best = candidate;
            }
            answers.push({ name: carrier.resource.name, ...best! });
        }
        return combine(answers);
    }

    /**
     * Why the internet does not reach a carrier: the first missing hop, and — when that is the address —
     * the route too if it is missing as well (a private subnet: both must change before anything arrives).
     */
    private whyNot(direct: { family: Family; reach: DirectReach }): { hop: ExposureHop; reason: string } {
        const missing = named(missingHop(direct.reach, "no"));
        if (missing.hop !== "address" || !direct.reach.subnet) return missing;
        const route = this.graph.routing.subnetRoute(direct.reach.subnet, direct.family);
        return route.verdict === "no" ? { ...missing, reason: `${missing.reason}, and ${route.text}` } : missing;
    }

    /** Carriers by the URN of the network ACL guarding one of their subnets: indexed on first use. */
    private carriersBehind(): Map<string, Carrier[]> {
        if (this.carriersByNacl) return this.carriersByNacl;
        const index = new Map<string, Carrier[]>();
        for (const carrier of this.graph.carriers) {
            const seen = new Set<string>();
            for (const key of this.graph.routing.subnetsOf(carrier)) {
                const urn = this.graph.naclOfSubnet(key)?.resource.urn;
                if (urn === undefined || seen.has(urn)) continue;
                seen.add(urn);
                (index.get(urn) ?? index.set(urn, []).get(urn)!).push(carrier);
            }
        }
        return (this.carriersByNacl = index);
    }
}

function named(missing: { hop: ExposureHop; text: string }): { hop: ExposureHop; reason: string } {
    return { hop: missing.hop, reason: missing.text };
}
