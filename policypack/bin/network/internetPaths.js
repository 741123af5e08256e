"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.familiesOf = familiesOf;
exports.trafficOfRule = trafficOfRule;
exports.naclGate = naclGate;
exports.directReachOfPath = directReachOfPath;
exports.bestHop = bestHop;
exports.subnetCidrs = subnetCidrs;
exports.naclGateFrom = naclGateFrom;
exports.gateOverSubnets = gateOverSubnets;
/**
 * Whether the internet reaches a resource today along a security-group path: the path's address
 * families, each judged hop by hop (address, route to an internet gateway, the subnet's network ACL
 * first match) by the graph's routing facts. Shared by internet-exposure and tier-isolation.
 */
const routing_1 = require("../adapters/routing");
const addresses_1 = require("../model/addresses");
const addressSet_1 = require("../model/addressSet");
const naclEvaluation_1 = require("../model/naclEvaluation");
const propertyReaders_1 = require("../model/propertyReaders");
const unresolved_1 = require("../model/unresolved");
const exposure_1 = require("../model/exposure");
const naclExposure_1 = require("../model/naclExposure");
const ports_1 = require("../model/ports");
const unresolved_2 = require("../model/unresolved");
/** The address families the path's internet peers belong to (both when the peer is not known yet). */
function familiesOf(path, options) {
    if (path.source !== "internet")
        return [4, 6];
    const families = new Set();
    for (const { peer } of (0, exposure_1.internetExposure)(path.rule, options).internet)
        if (peer.kind === "cidr")
            families.add(peer.cidr.family);
    // An internet path through a prefix list: its entries' families are not on the rule.
    return families.size > 0 ? [...families] : [4, 6];
}
function trafficOfRule(rule) {
    const protocol = rule.protocol;
    if ((0, unresolved_2.isUnresolved)(protocol))
        return { unresolved: protocol };
    if (protocol.kind === "icmp" || protocol.kind === "icmpv6")
        return { icmp: true };
    const ports = protocol.kind === "tcp" || protocol.kind === "udp" ? ((0, unresolved_2.isUnresolved)(rule.ports) ? ports_1.ALL_PORTS : (0, ports_1.portsOf)(rule.ports)) : ports_1.ALL_PORTS;
    return {
        ports,
        only: {
            tcp: protocol.kind === "tcp" || protocol.kind === "all",
            udp: protocol.kind === "udp" || protocol.kind === "all",
            otherProtocols: protocol.kind === "number" || protocol.kind === "all",
        },
    };
}
/** The network ACL of a subnet, first match, for traffic from the internet: the entry that lets it in, or why not. */
function naclGate(graph, traffic, options) {
    const trafficKey = `${JSON.stringify(traffic)}|${(0, addresses_1.definitionKey)(options)}`;
    return (subnetKey) => {
        const nacl = subnetKey === undefined ? undefined : graph.naclOfSubnet(subnetKey);
        if (!nacl)
            return { verdict: "yes", text: "NACL: AWS's default ACL (allows all)" };
        // Thousands of resources share a few ACLs and the same rules: one walk per ACL and traffic.
        let answers = gateAnswers.get(nacl.entries);
        if (!answers)
            gateAnswers.set(nacl.entries, (answers = new Map()));
        let hop = answers.get(trafficKey);
        if (!hop)
            answers.set(trafficKey, (hop = judgeNacl(nacl, traffic, options)));
        return hop;
    };
}
const gateAnswers = new WeakMap();
function judgeNacl(nacl, traffic, options) {
    if ("unresolved" in traffic)
        return { verdict: "maybe", text: `NACL "${nacl.resource.name}" (the protocol is not known yet)`, unresolved: traffic.unresolved };
    if ("icmp" in traffic)
        return { verdict: "yes", text: `NACL "${nacl.resource.name}" (ICMP not judged)` };
    const exposures = (0, naclExposure_1.naclInternetExposure)(nacl.entries.filter((e) => e.direction === "ingress"), traffic.ports, options, traffic.only);
    const found = exposures.find((e) => e.verdict === "yes");
    if (found) {
        const number = typeof found.entry.ruleNumber === "number" ? ` #${found.entry.ruleNumber}` : "";
        return { verdict: "yes", text: `NACL "${nacl.resource.name}"${number} allow` };
    }
    const maybe = exposures.find((e) => e.verdict === "maybe");
    if (maybe)
        return { verdict: "maybe", text: `NACL "${nacl.resource.name}" may let it in (${maybe.reason})`, unresolved: maybe.unresolved };
    return { verdict: "no", text: `NACL "${nacl.resource.name}" denies it` };
}
/** The best answer over the path's families: "yes" if the internet reaches the resource in one, else "maybe", else "no". */
function directReachOfPath(graph, carrier, path, options) {
    const reaches = familiesOf(path, options).map((family) => ({
        family,
        reach: graph.routing.directReach(carrier, family, naclGate(graph, trafficOfRule(path.rule), options), undefined, options),
    }));
    return reaches.find((r) => r.reach.verdict === "yes") ?? reaches.find((r) => r.reach.verdict === "maybe") ?? reaches[0];
}
/** The best of several answers: "yes" if one is, else the first "maybe", else the first "no". */
function bestHop(hops) {
    return hops.find((h) => h.verdict === "yes") ?? hops.find((h) => h.verdict === "maybe") ?? hops[0];
}
/** The IPv4 CIDRs of the subnets a carrier sits in (a load balancer's nodes take their private addresses from them), or why they are not known. */
function subnetCidrs(graph, carrier) {
    const keys = graph.routing.subnetsOf(carrier);
    if (keys.length === 0)
        return { unresolved: (0, unresolved_1.unknownAt)(`${carrier.resource.name}.subnets`), text: `"${carrier.resource.name}" names no subnet` };
    const cidrs = [];
    for (const key of keys) {
        const subnet = graph.subnetByKey(key);
        if (!subnet)
            return { unresolved: (0, unresolved_1.unknownAt)(key), text: `subnet ${key} is not in the stack` };
        const raw = (0, propertyReaders_1.field)(subnet.props, routing_1.SUBNET_PROPERTIES.cidr);
        const property = `${subnet.name}.${routing_1.SUBNET_PROPERTIES.cidr}`;
        if ((0, propertyReaders_1.isUnknown)(raw) || raw === undefined)
            return { unresolved: (0, unresolved_1.unknownAt)(property), text: `the address range of subnet "${subnet.name}" is not known yet` };
        const cidr = typeof raw === "string" ? (0, addresses_1.parseCidr)(raw) : "not a string";
        if (typeof cidr === "string")
            return { unresolved: (0, unresolved_1.malformedAt)(property, raw, cidr), text: `the address range of subnet "${subnet.name}" cannot be read` };
        cidrs.push(cidr);
    }
    return { cidrs };
}
/**
 * The network ACL of a subnet, first match, for traffic from known private sources (a load balancer's
 * own addresses): "yes" when an allow entry is the first to match some of them, "no" when denies come
 * first for all of them, "maybe" when an entry that decides cannot be read. No ACL in the stack: AWS's
 * default ACL, which allows all.
 */
function naclGateFrom(graph, sources, sourceWords, transports, port) {
    const from = { 4: [], 6: [] };
    for (const cidr of sources)
        from[cidr.family] = (0, addressSet_1.normalize)([...from[cidr.family], ...(0, addresses_1.cidrInterval)(cidr)]);
    return (subnetKey) => {
        const nacl = subnetKey === undefined ? undefined : graph.naclOfSubnet(subnetKey);
        if (!nacl)
            return { verdict: "yes", text: `NACL: AWS's default ACL (allows all from ${sourceWords})` };
        const ingress = nacl.entries.filter((e) => e.direction === "ingress");
        const { ordered, unordered } = (0, naclEvaluation_1.inEvaluationOrder)(ingress);
        let maybe;
        for (const transport of transports) {
            let doubt = unordered.length > 0 ? `an entry's place in the order is unknown` : undefined;
            for (const step of (0, naclEvaluation_1.firstMatch)(ordered, { protocol: transport, ports: [port, port] }, from).steps) {
                if ("doubt" in step) {
                    doubt ?? (doubt = (0, unresolved_1.describeUnresolved)(step.doubt));
                    continue;
                }
                if (!naclEvaluation_1.FAMILIES.some((family) => !(0, addressSet_1.isEmpty)(step.decided[family])))
                    continue;
                if (step.action !== "allow")
                    continue;
                const number = typeof step.entry.ruleNumber === "number" ? ` #${step.entry.ruleNumber}` : "";
                if (!doubt)
                    return { verdict: "yes", text: `NACL "${nacl.resource.name}"${number} allow from ${sourceWords}` };
                maybe ?? (maybe = { verdict: "maybe", text: `NACL "${nacl.resource.name}" may let ${sourceWords} in (${doubt})` });
            }
            if (doubt)
                maybe ?? (maybe = { verdict: "maybe", text: `NACL "${nacl.resource.name}" may let ${sourceWords} in (${doubt})` });
        }
        return maybe ?? { verdict: "no", text: `NACL "${nacl.resource.name}" denies ${sourceWords}` };
    };
}
/** The answer of a gate over the carrier's subnets, naming the subnet: the best one (the internet needs one way in). */
function gateOverSubnets(graph, carrier, gate) {
    const keys = graph.routing.subnetsOf(carrier);
    if (keys.length === 0)
        return gate(undefined);
    const named = (key, hop) => {
        const subnet = graph.subnetByKey(key);
        return { ...hop, text: `subnet ${subnet ? `"${subnet.name}"` : key}: ${hop.text}` };
    };
    return bestHop(keys.map((key) => named(key, gate(key))));
}
