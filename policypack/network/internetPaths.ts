/**
 * Whether the internet reaches a resource today along a security-group path: the path's address
 * families, each judged hop by hop (address, route to an internet gateway, the subnet's network ACL
 * first match) by the graph's routing facts. Shared by internet-exposure and tier-isolation.
 */
import { SUBNET_PROPERTIES } from "../adapters/routing";
import { Cidr, InternetOptions, cidrInterval, definitionKey, parseCidr } from "../model/addresses";
import { isEmpty, normalize } from "../model/addressSet";
import { AddressSets, FAMILIES, Transport, firstMatch, inEvaluationOrder } from "../model/naclEvaluation";
import { field, isUnknown } from "../model/propertyReaders";
import { AnalyzedResource } from "../model/resource";
import { describeUnresolved, malformedAt, unknownAt } from "../model/unresolved";
import { internetExposure } from "../model/exposure";
import { TrafficKinds, naclInternetExposure } from "../model/naclExposure";
import { ALL_PORTS, PortSet, portsOf } from "../model/ports";
import { Rule } from "../model/rule";
import { Unresolved, isUnresolved } from "../model/unresolved";
import { Carrier, StackGraph } from "./graph";
import { Path } from "./reachability";
import { DirectReach, Family, Hop } from "./routing";

/** The address families the path's internet peers belong to (both when the peer is not known yet). */
export function familiesOf(path: Path, options: InternetOptions): Family[] {
    if (path.source !== "internet") return [4, 6];
    const families = new Set<Family>();
    for (const { peer } of internetExposure(path.rule, options).internet) if (peer.kind === "cidr") families.add(peer.cidr.family);
    // An internet path through a prefix list: its entries' families are not on the rule.
    return families.size > 0 ? [...families] : [4, 6];
}

/** Traffic as the network ACL sees it: ports and kinds, or a protocol not known yet, or ICMP (not judged by the ACL walk). */
export type NaclTraffic = { ports: PortSet; only: TrafficKinds } | { unresolved: Unresolved } | { icmp: true };

export function trafficOfRule(rule: Rule): NaclTraffic {
    const protocol = rule.protocol;
    if (isUnresolved(protocol)) return { unresolved: protocol };
    if (protocol.kind === "icmp" || protocol.kind === "icmpv6") return { icmp: true };
    const ports = protocol.kind === "tcp" || protocol.kind === "udp" ? (isUnresolved(rule.ports) ? ALL_PORTS : portsOf(rule.ports)) : ALL_PORTS;
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
export function naclGate(graph: StackGraph, traffic: NaclTraffic, options: InternetOptions): (subnetKey: string | undefined) => Hop {
    const trafficKey = `${JSON.stringify(traffic)}|${definitionKey(options)}`;
    return (subnetKey) => {
        const nacl = subnetKey === undefined ? undefined : graph.naclOfSubnet(subnetKey);
        if (!nacl) return { verdict: "yes", text: "NACL: AWS's default ACL (allows all)" };
        // Thousands of resources share a few ACLs and the same rules: one walk per ACL and traffic.
        let answers = gateAnswers.get(nacl.entries);
        if (!answers) gateAnswers.set(nacl.entries, (answers = new Map()));
        let hop = answers.get(trafficKey);
        if (!hop) answers.set(trafficKey, (hop = judgeNacl(nacl, traffic, options)));
        return hop;
    };
}

const gateAnswers = new WeakMap<Rule[], Map<string, Hop>>();

function judgeNacl(nacl: { entries: Rule[]; resource: { name: string } }, traffic: NaclTraffic, options: InternetOptions): Hop {
    if ("unresolved" in traffic)
        return { verdict: "maybe", text: `NACL "${nacl.resource.name}" (the protocol is not known yet)`, unresolved: traffic.unresolved };
    if ("icmp" in traffic) return { verdict: "yes", text: `NACL "${nacl.resource.name}" (ICMP not judged)` };
    const exposures = naclInternetExposure(
        nacl.entries.filter((e) => e.direction === "ingress"),
        traffic.ports,
        options,
        traffic.only,
    );
    const found = exposures.find((e) => e.verdict === "yes");
    if (found) {
        const number = typeof found.entry.ruleNumber === "number" ? ` #${found.entry.ruleNumber}` : "";
        return { verdict: "yes", text: `NACL "${nacl.resource.name}"${number} allow` };
    }
    const maybe = exposures.find((e) => e.verdict === "maybe");
    if (maybe) return { verdict: "maybe", text: `NACL "${nacl.resource.name}" may let it in (${maybe.reason})`, unresolved: maybe.unresolved };
    return { verdict: "no", text: `NACL "${nacl.resource.name}" denies it` };
}

/** The best answer over the path's families: "yes" if the internet reaches the resource in one, else "maybe", else "no". */
export function directReachOfPath(graph: StackGraph, carrier: Carrier, path: Path, options: InternetOptions): { family: Family; reach: DirectReach } {
    const reaches = familiesOf(path, options).map((family) => ({
        family,
        reach: graph.routing.directReach(carrier, family, naclGate(graph, trafficOfRule(path.rule), options), undefined, options),
    }));
    return reaches.find((r) => r.reach.verdict === "yes") ?? reaches.find((r) => r.reach.verdict === "maybe") ?? reaches[0];
}

/** The best of several answers: "yes" if one is, else the first "maybe", else the first "no". */
export function bestHop(hops: readonly Hop[]): Hop | undefined {
    return hops.find((h) => h.verdict === "yes") ?? hops.find((h) => h.verdict === "maybe") ?? hops[0];
}

/** The IPv4 CIDRs of the subnets a carrier sits in (a load balancer's nodes take their private addresses from them), or why they are not known. */
export function subnetCidrs(graph: StackGraph, carrier: Carrier): { cidrs: Cidr[] } | { unresolved: Unresolved; text: string } {
    const keys = graph.routing.subnetsOf(carrier);
    if (keys.length === 0) return { unresolved: unknownAt(`${carrier.resource.name}.subnets`), text: `"${carrier.resource.name}" names no subnet` };
    const cidrs: Cidr[] = [];
    for (const key of keys) {
        const subnet = graph.subnetByKey(key);
        if (!subnet) return { unresolved: unknownAt(key), text: `subnet ${key} is not in the stack` };
        const raw = field(subnet.props, SUBNET_PROPERTIES.cidr);
        const property = `${subnet.name}.${SUBNET_PROPERTIES.cidr}`;
        if (isUnknown(raw) || raw === undefined)
            return { unresolved: unknownAt(property), text: `the address range of subnet "${subnet.name}" is not known yet` };
        const cidr = typeof raw === "string" ? parseCidr(raw) : "not a string";
        if (typeof cidr === "string")
            return { unresolved: malformedAt(property, raw, cidr), text: `the address range of subnet "${subnet.name}" cannot be read` };
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
export function naclGateFrom(
    graph: StackGraph,
    sources: readonly Cidr[],
    sourceWords: string,
    transports: readonly Transport[],
    port: number,
): (subnetKey: string | undefined) => Hop {
    const from: AddressSets = { 4: [], 6: [] };
    for (const cidr of sources) from[cidr.family] = normalize([...from[cidr.family], ...cidrInterval(cidr)]);
    return (subnetKey) => {
        const nacl = subnetKey === undefined ? undefined : graph.naclOfSubnet(subnetKey);
        if (!nacl) return { verdict: "yes", text: `NACL: AWS's default ACL (allows all from ${sourceWords})` };
        const ingress = nacl.entries.filter((e) => e.direction === "ingress");
        const { ordered, unordered } = inEvaluationOrder(ingress);
        let maybe: Hop | undefined;
        for (const transport of transports) {
            let doubt = unordered.length > 0 ? `an entry's place in the order is unknown` : undefined;
            for (const step of firstMatch(ordered, { protocol: transport, ports: [port, port] }, from).steps) {
                if ("doubt" in step) {
                    doubt ??= describeUnresolved(step.doubt);
                    continue;
                }
                if (!FAMILIES.some((family) => !isEmpty(step.decided[family]))) continue;
                if (step.action !== "allow") continue;
                const number = typeof step.entry.ruleNumber === "number" ? ` #${step.entry.ruleNumber}` : "";
                if (!doubt) return { verdict: "yes", text: `NACL "${nacl.resource.name}"${number} allow from ${sourceWords}` };
                maybe ??= { verdict: "maybe", text: `NACL "${nacl.resource.name}" may let ${sourceWords} in (${doubt})` };
            }
            if (doubt) maybe ??= { verdict: "maybe", text: `NACL "${nacl.resource.name}" may let ${sourceWords} in (${doubt})` };
        }
        return maybe ?? { verdict: "no", text: `NACL "${nacl.resource.name}" denies ${sourceWords}` };
    };
}

/** The answer of a gate over the carrier's subnets, naming the subnet: the best one (the internet needs one way in). */
export function gateOverSubnets(graph: StackGraph, carrier: Carrier, gate: (subnetKey: string | undefined) => Hop): Hop {
    const keys = graph.routing.subnetsOf(carrier);
    if (keys.length === 0) return gate(undefined);
    const named = (key: string, hop: Hop): Hop => {
        const subnet: AnalyzedResource | undefined = graph.subnetByKey(key);
        return { ...hop, text: `subnet ${subnet ? `"${subnet.name}"` : key}: ${hop.text}` };
    };
    return bestHop(keys.map((key) => named(key, gate(key))))!;
}
