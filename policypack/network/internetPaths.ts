/**
 * Whether the internet reaches a resource today along a security-group path: the path's address
 * families, each judged hop by hop (address, route to an internet gateway, the subnet's network ACL
 * first match) by the graph's routing facts. Shared by internet-exposure and tier-isolation.
 */
import { InternetOptions, definitionKey } from "../model/addresses";
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
