"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.transportsOf = transportsOf;
exports.ingressRules = ingressRules;
exports.coversPort = coversPort;
exports.loadBalancerAdmits = loadBalancerAdmits;
exports.listenerPaths = listenerPaths;
exports.targetAdmits = targetAdmits;
exports.targetSubnetNacl = targetSubnetNacl;
exports.loadBalancedTargets = loadBalancedTargets;
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
const addresses_1 = require("../model/addresses");
const exposure_1 = require("../model/exposure");
const ports_1 = require("../model/ports");
const propertyReaders_1 = require("../model/propertyReaders");
const rule_1 = require("../model/rule");
const unresolved_1 = require("../model/unresolved");
const internetPaths_1 = require("./internetPaths");
const loadBalancing_1 = require("./loadBalancing");
/** The transports of a listener's or target group's protocol (TCP unless UDP or TCP_UDP). */
function transportsOf(protocol) {
    const p = (protocol ?? "").toUpperCase();
    if (p === "UDP")
        return ["udp"];
    if (p === "TCP_UDP")
        return ["tcp", "udp"];
    return ["tcp"];
}
/** The ingress allow rules of the groups a carrier carries, with their holder. */
function ingressRules(carrier) {
    return carrier.attachments
        .flatMap(({ group, certain }) => [
        ...group.ownInline.map((rule) => ({ rule, group, certain, holder: group.resource })),
        ...group.standalone.map(({ resource, rule }) => ({ rule, group, certain, holder: resource })),
    ])
        .filter(({ rule }) => rule.direction === "ingress" && rule.action === "allow");
}
/** Does the rule admit traffic of this transport on this port? */
function coversPort(rule, port, transport) {
    if ((0, unresolved_1.isUnresolved)(rule.protocol))
        return "maybe";
    if (rule.protocol.kind !== "all" && rule.protocol.kind !== transport)
        return "no";
    return (0, exposure_1.opensAnyPort)(rule, [[port, port]]).verdict;
}
/** Do the load balancer's groups let the internet in on the listener port, over one address family? A network load balancer without groups lets everything in. */
function loadBalancerAdmits(carrier, port, transport, options, family) {
    if (carrier.attachments.length === 0) {
        const kind = loadBalancing_1.LoadBalancing.kind(carrier.resource);
        return kind === "network"
            ? { verdict: "yes", text: "no security groups (a network load balancer without groups passes all traffic)" }
            : { verdict: "no", text: "no security group admits it" };
    }
    let maybe;
    for (const { rule, group, certain } of ingressRules(carrier)) {
        const covers = (0, unresolved_1.isUnresolved)(port) ? "maybe" : coversPort(rule, port, transport);
        const exposure = (0, exposure_1.internetExposure)(rule, options);
        // An IPv4 rule (0.0.0.0/0) does not admit IPv6 clients, nor the reverse; a prefix list's family is not on the rule.
        const ofFamily = exposure.internet.some(({ peer }) => peer.kind !== "cidr" || peer.cidr.family === family);
        const source = exposure.verdict === "yes" && !ofFamily ? "no" : exposure.verdict;
        const verdict = (0, exposure_1.all)(covers, source, certain ? "yes" : "maybe");
        const where = rule.origin.path ? rule.origin.path : `standalone rule "${rule.origin.resourceName}"`;
        const text = `security group "${group.label}" ${where} ${(0, rule_1.protocolAndPorts)(rule)}`;
        if (verdict === "yes")
            return { verdict, text };
        if (verdict === "maybe")
            maybe ?? (maybe = { verdict, text: `${text} may admit it`, unresolved: exposure.unresolved[0] });
    }
    return maybe ?? { verdict: "no", text: "no security group admits it" };
}
/**
 * The internet's paths to the listeners of a load balancer: none when it is internal or has no
 * listener with a port; else one per listener, the best of its address families (the first reached,
 * else the first that may be, else the first), whatever its verdict.
 */
function listenerPaths(graph, carrier, options) {
    const lb = carrier.resource;
    if (!loadBalancing_1.LoadBalancing.isLoadBalancer(lb))
        return [];
    const scheme = loadBalancing_1.LoadBalancing.facing(lb);
    if (scheme.facing === false)
        return [];
    const facing = (0, unresolved_1.isUnresolved)(scheme.facing)
        ? { verdict: "maybe", text: `whether it is internet-facing is not known (${(0, unresolved_1.describeUnresolved)(scheme.facing)})`, unresolved: scheme.facing }
        : { verdict: "yes", text: scheme.because };
    // The families the internet reaches it on (ipAddressType): each judged over its own routes (0.0.0.0/0 or ::/0).
    const families = loadBalancing_1.LoadBalancing.families(lb);
    const addressOf = (family) => {
        if (facing.verdict !== "yes")
            return facing;
        if ((0, unresolved_1.isUnresolved)(families))
            return {
                verdict: "maybe",
                text: `whether it has a public IPv${family} address is not known (${(0, unresolved_1.describeUnresolved)(families)})`,
                unresolved: families,
            };
        return families.families.includes(family) ? { verdict: "yes", text: `${facing.text}, ${families.because[family]}` } : { verdict: "no", text: "" };
    };
    const familyList = (0, unresolved_1.isUnresolved)(families) ? [4, 6] : families.families;
    const paths = [];
    for (const listener of graph.loadBalancing.listenersOf(lb)) {
        const transports = transportsOf(listener.protocol);
        const port = listener.port;
        if (port === undefined)
            continue;
        const listenerHop = `listener "${listener.resource.name}" (${(listener.protocol ?? "TCP").toUpperCase()} ${(0, loadBalancing_1.portText)(port)})`;
        const traffic = (0, unresolved_1.isUnresolved)(port)
            ? { ports: ports_1.ALL_PORTS, only: { tcp: true, udp: transports.includes("udp"), otherProtocols: false } }
            : { ports: [[port, port]], only: { tcp: transports.includes("tcp"), udp: transports.includes("udp"), otherProtocols: false } };
        const gate = (0, internetPaths_1.naclGate)(graph, traffic, options);
        const perFamily = familyList.map((family) => {
            const address = addressOf(family);
            const reach = graph.routing.directReach(carrier, family, gate, address, options);
            const admits = loadBalancerAdmits(carrier, port, transports[0], options, family);
            return { family, address, reach, admits, reachable: (0, exposure_1.all)(reach.verdict, admits.verdict) };
        });
        const best = perFamily.find((f) => f.reachable === "yes") ?? perFamily.find((f) => f.reachable === "maybe") ?? perFamily[0];
        if (!best)
            continue;
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
function targetAdmits(graph, target, port, lb, options) {
    const lbGroups = new Set(lb.attachments.map((a) => a.group));
    let maybe;
    for (const { rule, group, certain, holder } of ingressRules(target)) {
        const covers = (0, unresolved_1.isUnresolved)(port) ? "maybe" : coversPort(rule, port, "tcp");
        if (covers === "no")
            continue;
        const where = rule.origin.path ? rule.origin.path : `standalone rule "${rule.origin.resourceName}"`;
        const text = `security group "${group.label}" ${where} ${(0, rule_1.protocolAndPorts)(rule)}`;
        const exposure = (0, exposure_1.internetExposure)(rule, options);
        let source = exposure.verdict;
        let from = exposure.verdict === "yes" ? `from ${exposure.internet.map((i) => (0, rule_1.peerLabel)(i.peer)).join(", ")}` : "";
        for (const peer of rule.peers) {
            if (source === "yes")
                break;
            if (peer.kind !== "securityGroup" || !holder)
                continue;
            for (const resolved of graph.resolveGroups(holder, peer.property, peer.id)) {
                if (!lbGroups.has(resolved.group))
                    continue;
                source = resolved.certain ? "yes" : "maybe";
                from = `from "${resolved.group.label}"`;
            }
        }
        const verdict = (0, exposure_1.all)(covers, source, certain ? "yes" : "maybe");
        if (verdict === "yes")
            return { verdict, text: `${text} ${from}` };
        if (verdict === "maybe")
            maybe ?? (maybe = { verdict, text: `${text} may admit it` });
    }
    return maybe ?? { verdict: "no", text: "" };
}
/**
 * The network ACL of the target's subnet, for what the load balancer sends it: client addresses from the
 * internet when a network load balancer preserves them (judged like a direct path, first match), else the
 * load balancer's own private addresses (its subnets' ranges). The best answer over the target's subnets.
 */
function targetSubnetNacl(graph, lb, group, target, options) {
    const protocol = (0, propertyReaders_1.field)(group.props, "protocol");
    const transports = transportsOf(typeof protocol === "string" ? protocol : undefined);
    const port = target.port;
    const preserved = (0, loadBalancing_1.clientAddressPreserved)(lb.resource, group);
    const fromInternet = () => {
        const only = { tcp: transports.includes("tcp"), udp: transports.includes("udp"), otherProtocols: false };
        const traffic = port === undefined || (0, unresolved_1.isUnresolved)(port) ? { ports: ports_1.ALL_PORTS, only } : { ports: [[port, port]], only };
        return (0, internetPaths_1.gateOverSubnets)(graph, target.carrier, (0, internetPaths_1.naclGate)(graph, traffic, options));
    };
    const fromLoadBalancer = () => {
        const sources = (0, internetPaths_1.subnetCidrs)(graph, lb);
        const words = `load balancer "${lb.resource.name}"`;
        if ("unresolved" in sources || port === undefined || (0, unresolved_1.isUnresolved)(port)) {
            const why = "unresolved" in sources ? sources.text : "the target port is not known yet";
            const unresolved = "unresolved" in sources ? sources.unresolved : (0, unresolved_1.isUnresolved)(port) ? port : undefined;
            return (0, internetPaths_1.gateOverSubnets)(graph, target.carrier, (key) => {
                const acl = key === undefined ? undefined : graph.naclOfSubnet(key);
                return acl
                    ? { verdict: "maybe", text: `NACL "${acl.resource.name}" may let ${words} in (${why})`, unresolved }
                    : { verdict: "yes", text: `NACL: AWS's default ACL (allows all from ${words})` };
            });
        }
        return (0, internetPaths_1.gateOverSubnets)(graph, target.carrier, (0, internetPaths_1.naclGateFrom)(graph, sources.cidrs, `${words} (${sources.cidrs.map(addresses_1.canonical).join(", ")})`, transports, port));
    };
    if (preserved.verdict === "yes") {
        const hop = fromInternet();
        return { ...hop, text: `${hop.text} (${preserved.text})` };
    }
    if (preserved.verdict === "no")
        return fromLoadBalancer();
    const [a, b] = [fromInternet(), fromLoadBalancer()];
    if (a.verdict === b.verdict)
        return a.verdict === "no" ? a : { ...a, text: `${a.text} (clients or the load balancer alike)` };
    return {
        verdict: "maybe",
        text: `the target's network ACL: ${preserved.text}, and ${a.verdict === "yes" ? a.text : b.text}`,
        unresolved: preserved.unresolved,
    };
}
/**
 * Every carrier that is a target of a possibly internet-facing load balancer, with the routes to it: one
 * walk over the stack's load balancers, listeners, target groups and targets (indexed once per graph).
 */
function loadBalancedTargets(graph) {
    const index = new Map();
    for (const lb of graph.carriers) {
        if (!loadBalancing_1.LoadBalancing.isLoadBalancer(lb.resource) || loadBalancing_1.LoadBalancing.facing(lb.resource).facing === false)
            continue;
        for (const listener of graph.loadBalancing.listenersOf(lb.resource)) {
            for (const group of listener.targetGroups) {
                for (const target of graph.loadBalancing.targetsOf(group)) {
                    const route = { lb, listener, group, target };
                    const routes = index.get(target.carrier);
                    if (routes)
                        routes.push(route);
                    else
                        index.set(target.carrier, [route]);
                }
            }
        }
    }
    return index;
}
