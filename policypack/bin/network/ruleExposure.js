"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.RuleExposures = exports.HOP_WORDS = void 0;
exports.admitsInternet = admitsInternet;
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
 * - "latent": no such resource is reached, and `reason` names the hop that is missing today (no public
 *   address, no route to an internet gateway, the ACL denies it, the group is attached to nothing);
 * - "unknown": no resource is reached for sure, and some hop is not known yet (a preview).
 *
 * One index per graph (rules by origin, carriers by ACL), paths computed once per carrier and internet
 * definition: linear in the stack.
 */
const addresses_1 = require("../model/addresses");
const exposure_1 = require("../model/exposure");
const ports_1 = require("../model/ports");
const rule_1 = require("../model/rule");
const unresolved_1 = require("../model/unresolved");
const internetPaths_1 = require("./internetPaths");
const reachability_1 = require("./reachability");
/** Short words for a hop, for tags: `[latent: no public address]`. */
exports.HOP_WORDS = {
    address: "no public address",
    route: "no route to an internet gateway",
    nacl: "NACL denies it",
    attachment: "attached to nothing",
    "security-group": "no security group admits it",
    graph: "not in the stack",
};
/** Does the rule admit the internet (ingress, allow, a peer that is the internet by this definition)? Only such rules get an exposure. */
function admitsInternet(rule, options) {
    return rule.direction === "ingress" && rule.action === "allow" && (0, exposure_1.internetExposure)(rule, options).verdict === "yes";
}
const originKey = (origin) => `${origin.urn}\u0000${origin.path}`;
/** The hop a "no" or "maybe" answer of a direct reach rests on, in words. */
function missingHop(reach, wanted) {
    if (reach.address.verdict === wanted && reach.address.text)
        return { hop: "address", text: reach.address.text };
    if (reach.route.verdict === wanted && reach.route.text)
        return { hop: "route", text: reach.route.text };
    if (reach.nacl.verdict === wanted && reach.nacl.text)
        return { hop: "nacl", text: reach.nacl.text };
    return { hop: "route", text: "no path from the internet" };
}
/** The ports a rule's traffic uses (every port for protocols without ports), or undefined when not known. */
function trafficPorts(rule) {
    if ((0, unresolved_1.isUnresolved)(rule.protocol))
        return undefined;
    if (rule.protocol.kind !== "tcp" && rule.protocol.kind !== "udp")
        return ports_1.ALL_PORTS;
    return (0, unresolved_1.isUnresolved)(rule.ports) ? undefined : (0, ports_1.portsOf)(rule.ports);
}
/** Does traffic a security-group rule admits overlap what a network ACL entry matches? */
function sameTraffic(entry, rule) {
    if ((0, unresolved_1.isUnresolved)(entry.protocol) || (0, unresolved_1.isUnresolved)(rule.protocol))
        return "maybe";
    const a = entry.protocol;
    const b = rule.protocol;
    if (a.kind !== "all" && b.kind !== "all" && JSON.stringify(a) !== JSON.stringify(b))
        return "no";
    if (a.kind === "icmp" || a.kind === "icmpv6" || b.kind === "icmp" || b.kind === "icmpv6")
        return "yes";
    const ports = [trafficPorts(entry), trafficPorts(rule)];
    if (ports.some((p) => p === undefined))
        return "maybe";
    return (0, ports_1.intersectPorts)(ports[0], ports[1]).length > 0 ? "yes" : "no";
}
/** `"app-1": it has no public IP`, for up to three carriers, then how many more. */
function joined(answers) {
    const shown = answers.slice(0, 3).map((a) => `"${a.name}": ${a.reason}`);
    return answers.length > 3 ? `${shown.join("; ")}; and ${answers.length - 3} more` : shown.join("; ");
}
/** The combined answer over the carriers: reachable if one is, else unknown if one may be, else latent. */
function combine(answers) {
    const reached = answers.find((a) => a.verdict === "yes");
    if (reached)
        return { exposure: "reachable", reason: `"${reached.name}": ${reached.reason}` };
    const open = answers.filter((a) => a.verdict === "maybe");
    if (open.length > 0)
        return { exposure: "unknown", reason: joined(open), hop: open[0].hop };
    const hops = new Set(answers.map((a) => a.hop));
    return { exposure: "latent", reason: joined(answers), ...(hops.size === 1 ? { hop: answers[0].hop } : {}) };
}
/** Exposure of rules in one stack's graph: build once per graph, ask per finding. */
class RuleExposures {
    constructor(graph) {
        this.graph = graph;
        this.groupsByOrigin = new Map();
        /** Standalone rules whose group is not in the stack (or not known): their carriers cannot be told. */
        this.unplacedStandalone = new Map();
        this.naclByOrigin = new Map();
        this.pathMemo = new Map();
        this.answers = new Map();
        const add = (origin, group, rule) => {
            const key = originKey(origin);
            (this.groupsByOrigin.get(key) ?? this.groupsByOrigin.set(key, []).get(key)).push({ group, rule });
        };
        for (const group of graph.groups) {
            for (const rule of group.inline)
                add(rule.origin, group, rule);
            for (const { rule } of group.standalone)
                add(rule.origin, group, rule);
        }
        for (const { resource, rules, groups } of graph.standaloneRules) {
            if (groups.some((g) => g.resource))
                continue;
            const where = groups.length > 0
                ? `its security group ${groups.map((g) => `"${g.label}"`).join(", ")} is not defined in this stack`
                : "its security group is not known";
            for (const rule of rules)
                this.unplacedStandalone.set(originKey(rule.origin), `${where}, so what carries it is not known`);
            if (rules.length === 0)
                this.unplacedStandalone.set(originKey({ urn: resource.urn, path: "" }), where);
        }
        for (const nacl of graph.nacls) {
            for (const entry of nacl.entries)
                this.naclByOrigin.set(originKey(entry.origin), { name: nacl.resource.name, urn: nacl.resource.urn });
        }
    }
    /**
     * The exposure of a rule a finding is about (read from a resource's inputs; matched with the
     * stack's rules by where it is written), or undefined when it does not admit the internet.
     */
    of(rule, options) {
        if (!admitsInternet(rule, options))
            return undefined;
        // Several policies flag the same rule (admin port, allow-list, ...): one answer per rule and definition.
        const memoKey = `${originKey(rule.origin)}\u0000${(0, addresses_1.definitionKey)(options)}`;
        let answer = this.answers.get(memoKey);
        if (!answer)
            this.answers.set(memoKey, (answer = this.compute(rule, options)));
        return answer;
    }
    compute(rule, options) {
        const key = originKey(rule.origin);
        const nacl = this.naclByOrigin.get(key);
        if (nacl)
            return this.ofNaclEntry(rule, nacl, options);
        const holders = this.groupsByOrigin.get(key);
        if (!holders || holders.length === 0) {
            const why = this.unplacedStandalone.get(key);
            return { exposure: "unknown", reason: why ?? "the rule is not in the stack's network graph", hop: "graph" };
        }
        const answers = [];
        reached: for (const { group, rule: stackRule } of holders) {
            for (const { carrier, certain } of group.carriers) {
                const answer = { name: carrier.resource.name, ...this.throughRule(carrier, group, stackRule, certain, options) };
                answers.push(answer);
                if (answer.verdict === "yes")
                    break reached; // one reached carrier is the answer
            }
        }
        if (answers.length === 0) {
            const labels = [...new Set(holders.map(({ group }) => `"${group.label}"`))].join(", ");
            return { exposure: "latent", reason: `security group ${labels} is attached to no resource in the stack`, hop: "attachment" };
        }
        return combine(answers);
    }
    pathsOf(carrier, options) {
        const definition = (0, addresses_1.definitionKey)(options);
        const memo = this.pathMemo.get(definition) ?? this.pathMemo.set(definition, new Map()).get(definition);
        let paths = memo.get(carrier);
        if (!paths)
            memo.set(carrier, (paths = (0, reachability_1.pathsTo)(this.graph, carrier, options).filter((p) => p.source === "internet")));
        return paths;
    }
    /**
     * Does the internet reach this carrier through this rule of this group? The rule's peers are the
     * internet, so the path is the one pathsTo gives for it (source internet, the attachment's
     * certainty); it is built here rather than walking every rule of every group the carrier carries,
     * and directReachOfPath judges each hop, the subnet's network ACL included.
     */
    throughRule(carrier, group, rule, certain, options) {
        const path = { destination: carrier, source: "internet", sourceLabel: "", group, rule, certain };
        const best = (0, internetPaths_1.directReachOfPath)(this.graph, carrier, path, options);
        const reach = best.reach;
        if (reach.verdict === "no")
            return { verdict: "no", ...this.whyNot(best) };
        if (reach.verdict === "maybe")
            return { verdict: "maybe", ...named(missingHop(reach, "maybe")) };
        if (!certain) {
            return { verdict: "maybe", hop: "attachment", reason: `the security group id is not known yet and "${group.label}" is one of the candidates` };
        }
        const hops = [reach.route.text, reach.nacl.text, reach.address.text].filter(Boolean);
        return { verdict: "yes", reason: `reachable from the internet today: ${hops.join(" → ")}` };
    }
    /** A network ACL entry: reachable when a resource in a subnet it guards is reached on traffic it matches. */
    ofNaclEntry(entry, nacl, options) {
        const carriers = this.carriersBehind().get(nacl.urn) ?? [];
        if (carriers.length === 0) {
            return { exposure: "latent", reason: `network ACL "${nacl.name}" guards no subnet with a resource of the stack in it`, hop: "attachment" };
        }
        const answers = [];
        for (const carrier of carriers) {
            const matching = this.pathsOf(carrier, options)
                .map((path) => ({ path, traffic: sameTraffic(entry, path.rule) }))
                .filter(({ traffic }) => traffic !== "no");
            if (matching.length === 0) {
                answers.push({
                    name: carrier.resource.name,
                    verdict: "no",
                    hop: "security-group",
                    reason: `no security group it carries admits the internet on ${(0, rule_1.protocolAndPorts)(entry)}`,
                });
                continue;
            }
            let best;
            for (const { path, traffic } of matching) {
                const direct = (0, internetPaths_1.directReachOfPath)(this.graph, carrier, path, options);
                const reach = direct.reach;
                const verdict = reach.verdict === "yes" && (traffic === "maybe" || !path.certain) ? "maybe" : reach.verdict;
                if (verdict === "yes") {
                    const hops = [reach.route.text, reach.nacl.text, `security group "${path.group.label}"`, reach.address.text].filter(Boolean);
                    best = { verdict, reason: `reachable from the internet today: ${hops.join(" → ")}` };
                    break;
                }
                const candidate = verdict === "maybe" && reach.verdict === "yes"
                    ? { verdict, hop: "security-group", reason: "whether its security group admits this traffic is not known yet" }
                    : verdict === "no"
                        ? { verdict, ...this.whyNot(direct) }
                        : { verdict, ...named(missingHop(reach, verdict)) };
                if (!best || (best.verdict === "no" && verdict === "maybe"))
                    best = candidate;
            }
            answers.push({ name: carrier.resource.name, ...best });
        }
        return combine(answers);
    }
    /**
     * Why the internet does not reach a carrier: the first missing hop, and — when that is the address —
     * the route too if it is missing as well (a private subnet: both must change before anything arrives).
     */
    whyNot(direct) {
        const missing = named(missingHop(direct.reach, "no"));
        if (missing.hop !== "address" || !direct.reach.subnet)
            return missing;
        const route = this.graph.routing.subnetRoute(direct.reach.subnet, direct.family);
        return route.verdict === "no" ? { ...missing, reason: `${missing.reason}, and ${route.text}` } : missing;
    }
    /** Carriers by the URN of the network ACL guarding one of their subnets: indexed on first use. */
    carriersBehind() {
        if (this.carriersByNacl)
            return this.carriersByNacl;
        const index = new Map();
        for (const carrier of this.graph.carriers) {
            const seen = new Set();
            for (const key of this.graph.routing.subnetsOf(carrier)) {
                const urn = this.graph.naclOfSubnet(key)?.resource.urn;
                if (urn === undefined || seen.has(urn))
                    continue;
                seen.add(urn);
                (index.get(urn) ?? index.set(urn, []).get(urn)).push(carrier);
            }
        }
        return (this.carriersByNacl = index);
    }
}
exports.RuleExposures = RuleExposures;
function named(missing) {
    return { hop: missing.hop, reason: missing.text };
}
