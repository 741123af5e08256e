/**
 * The internet's way through an internet-facing load balancer to its targets, hop by hop: the load
 * balancer faces the internet (not `internal`), on which address families (ipAddressType), its subnets'
 * route to an internet gateway, its subnets' network ACL on the listener port, its security groups admit
 * the listener port from the internet (a network load balancer without groups passes everything); then,
 * per target, the target subnet's network ACL on what the load balancer sends (client addresses when a
 * network load balancer preserves them, else its own private addresses). One definition, used by
 * `internet-exposure` (which judges the listener and target ports and reports the path) and by
 * `ruleExposure.ts` (which tags a world-open rule on a target as reachable through the load balancer).
 * Whether the target's own security groups admit the traffic is the caller's question: the policy asks
 * of every group the target carries (`targetAdmits`), the exposure tag of the one rule it is about.
 */
import { InternetOptions, canonical } from "../model/addresses";
import { Tri, all, internetExposure, opensAnyPort } from "../model/exposure";
import { ALL_PORTS } from "../model/ports";
import { field } from "../model/propertyReaders";
import { AnalyzedResource } from "../model/resource";
import { Rule, peerLabel, protocolAndPorts } from "../model/rule";
import { Unresolved, describeUnresolved, isUnresolved } from "../model/unresolved";
import { Carrier, StackGraph } from "./graph";
import { NaclTraffic, gateOverSubnets, naclGate, naclGateFrom, subnetCidrs } from "./internetPaths";
import { LoadBalancing, Listener, Target, clientAddressPreserved, portText } from "./loadBalancing";
import { DirectReach, Family, Hop } from "./routing";

export type Transport = "tcp" | "udp";

/** The transports of a listener's or target group's protocol (TCP unless UDP or TCP_UDP). */
export function transportsOf(protocol: string | undefined): Transport[] {
    const p = (protocol ?? "").toUpperCase();
    if (p === "UDP") return ["udp"];
    if (p === "TCP_UDP") return ["tcp", "udp"];
    return ["tcp"];
}

/** The internet's path to one listener of an internet-facing (or possibly internet-facing) load balancer, over its best address family. */
export interface ListenerPath {
    lb: Carrier;
    listener: Listener;
    /** The listener's port (never undefined here: a listener without a port carries no path). */
    port: number | Unresolved;
    transports: Transport[];
    /** `listener "https" (HTTPS 443)`. */
    listenerHop: string;
    family: Family;
    /** Internet-facing and has an address of this family. */
    address: Hop;
    /** Route to an internet gateway and the load balancer subnet's network ACL on the listener port. */
    reach: DirectReach;
    /** The load balancer's security groups on the listener port, from the internet of this family. */
    admits: Hop;
    /** all(reach, admits): does the internet reach the listener? */
    reachable: Tri;
    /** The hops up to the listener, for messages: internet → route → NACL → group → "lb" (…) listener. */
    hops: string[];
    /** What is not known yet on the way (the "maybe" hops' words). */
    doubts: string[];
    /** Every family judged (the best one above): for a question about one rule of one family. */
    perFamily: FamilyReach[];
}

/** The listener path over one address family. */
export interface FamilyReach {
    family: Family;
    address: Hop;
    reach: DirectReach;
    admits: Hop;
    reachable: Tri;
}

/** The ingress allow rules of the groups a carrier carries, with their holder. */
export function ingressRules(carrier: Carrier) {
    return carrier.attachments
        .flatMap(({ group, certain }) => [
            ...group.ownInline.map((rule) => ({ rule, group, certain, holder: group.resource })),
            ...group.standalone.map(({ resource, rule }) => ({ rule, group, certain, holder: resource })),
        ])
        .filter(({ rule }) => rule.direction === "ingress" && rule.action === "allow");
}

/** Does the rule admit traffic of this transport on this port? */
export function coversPort(rule: Rule, port: number, transport: Transport): Tri {
    if (isUnresolved(rule.protocol)) return "maybe";
    if (rule.protocol.kind !== "all" && rule.protocol.kind !== transport) return "no";
    return opensAnyPort(rule, [[port, port]]).verdict;
}

/** Do the load balancer's groups let the internet in on the listener port, over one address family? A network load balancer without groups lets everything in. */
export function loadBalancerAdmits(carrier: Carrier, port: number | Unresolved, transport: Transport, options: InternetOptions, family: Family): Hop {
    if (carrier.attachments.length === 0) {
        const kind = LoadBalancing.kind(carrier.resource);
        return kind === "network"
            ? { verdict: "yes", text: "no security groups (a network load balancer without groups passes all traffic)" }
            : { verdict: "no", text: "no security group admits it" };
    }
    let maybe: Hop | undefined;
    for (const { rule, group, certain } of ingressRules(carrier)) {
        const covers = isUnresolved(port) ? "maybe" : coversPort(rule, port, transport);
        const exposure = internetExposure(rule, options);
        // An IPv4 rule (0.0.0.0/0) does not admit IPv6 clients, nor the reverse; a prefix list's family is not on the rule.
        const ofFamily = exposure.internet.some(({ peer }) => peer.kind !== "cidr" || peer.cidr.family === family);
        const source: Tri = exposure.verdict === "yes" && !ofFamily ? "no" : exposure.verdict;
        const verdict = all(covers, source, certain ? "yes" : "maybe");
        const where = rule.origin.path ? rule.origin.path : `standalone rule "${rule.origin.resourceName}"`;
        const text = `security group "${group.label}" ${where} ${protocolAndPorts(rule)}`;
        if (verdict === "yes") return { verdict, text };
        if (verdict === "maybe") maybe ??= { verdict, text: `${text} may admit it`, unresolved: exposure.unresolved[0] };
    }
    return maybe ?? { verdict: "no", text: "no security group admits it" };
}

/**
 * The internet's paths to the listeners of a load balancer: none when it is internal or has no
 * listener with a port; else one per listener, the best of its address families (the first reached,
 * else the first that may be, else the first), whatever its verdict.
 */
export function listenerPaths(graph: StackGraph, carrier: Carrier, options: InternetOptions): ListenerPath[] {
    const lb = carrier.resource;
    if (!LoadBalancing.isLoadBalancer(lb)) return [];
    const scheme = LoadBalancing.facing(lb);
    if (scheme.facing === false) return [];
    const facing: Hop = isUnresolved(scheme.facing)
        ? { verdict: "maybe", text: `whether it is internet-facing is not known (${describeUnresolved(scheme.facing)})`, unresolved: scheme.facing }
        : { verdict: "yes", text: scheme.because };
    // The families the internet reaches it on (ipAddressType): each judged over its own routes (0.0.0.0/0 or ::/0).
    const families = LoadBalancing.families(lb);
    const addressOf = (family: Family): Hop => {
        if (facing.verdict !== "yes") return facing;
        if (isUnresolved(families))
            return {
                verdict: "maybe",
                text: `whether it has a public IPv${family} address is not known (${describeUnresolved(families)})`,
                unresolved: families,
            };
        return families.families.includes(family) ? { verdict: "yes", text: `${facing.text}, ${families.because[family]}` } : { verdict: "no", text: "" };
    };
    const familyList: Family[] = isUnresolved(families) ? [4, 6] : families.families;
    const paths: ListenerPath[] = [];
    for (const listener of graph.loadBalancing.listenersOf(lb)) {
        const transports = transportsOf(listener.protocol);
        const port = listener.port;
        if (port === undefined) continue;
        const listenerHop = `listener "${listener.resource.name}" (${(listener.protocol ?? "TCP").toUpperCase()} ${portText(port)})`;
        const traffic: NaclTraffic = isUnresolved(port)
            ? { ports: ALL_PORTS, only: { tcp: true, udp: transports.includes("udp"), otherProtocols: false } }
            : { ports: [[port, port]], only: { tcp: transports.includes("tcp"), udp: transports.includes("udp"), otherProtocols: false } };
        const gate = naclGate(graph, traffic, options);
        const perFamily = familyList.map((family): FamilyReach => {
            const address = addressOf(family);
            const reach = graph.routing.directReach(carrier, family, gate, address, options);
            const admits = loadBalancerAdmits(carrier, port, transports[0], options, family);
            return { family, address, reach, admits, reachable: all(reach.verdict, admits.verdict) };
        });
        const best = perFamily.find((f) => f.reachable === "yes") ?? perFamily.find((f) => f.reachable === "maybe") ?? perFamily[0];
        if (!best) continue;
        const { reach, admits, address } = best;
        const hops = [
            `internet (${best.family === 4 ? "IPv4" : "IPv6"})`,
            reach.route.text,
            reach.nacl.text,
            admits.text,
            `"${lb.name}" (${address.text}) ${listenerHop}`,
        ];
        const doubts = [reach.address, reach.route, reach.nacl, admits].filter((h) => h.verdict === "maybe").map((h) => h.text);
        paths.push({ lb: carrier, listener, port, transports, listenerHop, ...best, hops, doubts, perFamily });
    }
    return paths;
}

/** Do the target's groups let the load balancer's traffic in on the target port (from its groups, or from the internet when it preserves client addresses)? */
export function targetAdmits(graph: StackGraph, target: Carrier, port: number | Unresolved, lb: Carrier, options: InternetOptions): Hop {
    const lbGroups = new Set(lb.attachments.map((a) => a.group));
    let maybe: Hop | undefined;
    for (const { rule, group, certain, holder } of ingressRules(target)) {
        const covers = isUnresolved(port) ? "maybe" : coversPort(rule, port, "tcp");
        if (covers === "no") continue;
        const where = rule.origin.path ? rule.origin.path : `standalone rule "${rule.origin.resourceName}"`;
        const text = `security group "${group.label}" ${where} ${protocolAndPorts(rule)}`;
        const exposure = internetExposure(rule, options);
        let source: Tri = exposure.verdict;
        let from = exposure.verdict === "yes" ? `from ${exposure.internet.map((i) => peerLabel(i.peer)).join(", ")}` : "";
        for (const peer of rule.peers) {
            if (source === "yes") break;
            if (peer.kind !== "securityGroup" || !holder) continue;
            for (const resolved of graph.resolveGroups(holder, peer.property, peer.id)) {
                if (!lbGroups.has(resolved.group)) continue;
                source = resolved.certain ? "yes" : "maybe";
                from = `from "${resolved.group.label}"`;
            }
        }
        const verdict = all(covers, source, certain ? "yes" : "maybe");
        if (verdict === "yes") return { verdict, text: `${text} ${from}` };
        if (verdict === "maybe") maybe ??= { verdict, text: `${text} may admit it` };
    }
    return maybe ?? { verdict: "no", text: "" };
}

/**
 * The network ACL of the target's subnet, for what the load balancer sends it: client addresses from the
 * internet when a network load balancer preserves them (judged like a direct path, first match), else the
 * load balancer's own private addresses (its subnets' ranges). The best answer over the target's subnets.
 */
export function targetSubnetNacl(graph: StackGraph, lb: Carrier, group: AnalyzedResource, target: Target, options: InternetOptions): Hop {
    const protocol = field(group.props, "protocol");
    const transports = transportsOf(typeof protocol === "string" ? protocol : undefined);
    const port = target.port;
    const preserved = clientAddressPreserved(lb.resource, group);
    const fromInternet = (): Hop => {
        const only = { tcp: transports.includes("tcp"), udp: transports.includes("udp"), otherProtocols: false };
        const traffic: NaclTraffic = port === undefined || isUnresolved(port) ? { ports: ALL_PORTS, only } : { ports: [[port, port]], only };
        return gateOverSubnets(graph, target.carrier, naclGate(graph, traffic, options));
    };
    const fromLoadBalancer = (): Hop => {
        const sources = subnetCidrs(graph, lb);
        const words = `load balancer "${lb.resource.name}"`;
        if ("unresolved" in sources || port === undefined || isUnresolved(port)) {
            const why = "unresolved" in sources ? sources.text : "the target port is not known yet";
            const unresolved = "unresolved" in sources ? sources.unresolved : isUnresolved(port) ? port : undefined;
            return gateOverSubnets(graph, target.carrier, (key) => {
                const acl = key === undefined ? undefined : graph.naclOfSubnet(key);
                return acl
                    ? { verdict: "maybe", text: `NACL "${acl.resource.name}" may let ${words} in (${why})`, unresolved }
                    : { verdict: "yes", text: `NACL: AWS's default ACL (allows all from ${words})` };
            });
        }
        return gateOverSubnets(
            graph,
            target.carrier,
            naclGateFrom(graph, sources.cidrs, `${words} (${sources.cidrs.map(canonical).join(", ")})`, transports, port),
        );
    };
    if (preserved.verdict === "yes") {
        const hop = fromInternet();
        return { ...hop, text: `${hop.text} (${preserved.text})` };
    }
    if (preserved.verdict === "no") return fromLoadBalancer();
    const [a, b] = [fromInternet(), fromLoadBalancer()];
    if (a.verdict === b.verdict) return a.verdict === "no" ? a : { ...a, text: `${a.text} (clients or the load balancer alike)` };
    return {
        verdict: "maybe",
        text: `the target's network ACL: ${preserved.text}, and ${a.verdict === "yes" ? a.text : b.text}`,
        unresolved: preserved.unresolved,
    };
}

/** One way a load balancer sends traffic to a carrier: which load balancer, listener's target group and registration. */
export interface LoadBalancedRoute {
    lb: Carrier;
    listener: Listener;
    group: AnalyzedResource;
    target: Target;
}

/**
 * Every carrier that is a target of a possibly internet-facing load balancer, with the routes to it: one
 * walk over the stack's load balancers, listeners, target groups and targets (indexed once per graph).
 */
export function loadBalancedTargets(graph: StackGraph): Map<Carrier, LoadBalancedRoute[]> {
    const index = new Map<Carrier, LoadBalancedRoute[]>();
    for (const lb of graph.carriers) {
        if (!LoadBalancing.isLoadBalancer(lb.resource) || LoadBalancing.facing(lb.resource).facing === false) continue;
        for (const listener of graph.loadBalancing.listenersOf(lb.resource)) {
            for (const group of listener.targetGroups) {
                for (const target of graph.loadBalancing.targetsOf(group)) {
                    const route = { lb, listener, group, target };
                    const routes = index.get(target.carrier);
                    if (routes) routes.push(route);
                    else index.set(target.carrier, [route]);
                }
            }
        }
    }
    return index;
}
