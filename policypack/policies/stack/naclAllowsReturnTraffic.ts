import { ConfigValues, portsKey } from "../../kit/config";
import { StackFinding, StackPolicyDefinition } from "../../kit/defineStack";
import { Family, Interval, intersect, isEmpty, normalize, subtract } from "../../model/addressSet";
import { canonical, cidrInterval } from "../../model/addresses";
import { PortSet, formatPortSet, intersectPorts, portsOf, subtractPorts } from "../../model/ports";
import { Direction, Rule, describeRule } from "../../model/rule";
import { isUnresolved } from "../../model/values";

const config = {
    ephemeralPorts: portsKey('The ports replies come back on ("from-to" range). NAT gateways and load balancers need "1024-65535".', ["32768-65535"]),
};

type Transport = "tcp" | "udp";

/** Addresses of an entry, by family. */
function addressesOf(entry: Rule): Record<Family, Interval[]> {
    const sets: Record<Family, Interval[]> = { 4: [], 6: [] };
    for (const peer of entry.peers) if (peer.kind === "cidr") sets[peer.cidr.family] = normalize([...sets[peer.cidr.family], ...cidrInterval(peer.cidr)]);
    return sets;
}

function readable(entry: Rule): boolean {
    return !isUnresolved(entry.protocol) && !isUnresolved(entry.ports) && !isUnresolved(entry.action) && typeof entry.ruleNumber === "number" && entry.peers.every((p) => p.kind === "cidr");
}

function transportsOf(entry: Rule): Transport[] {
    if (isUnresolved(entry.protocol)) return [];
    if (entry.protocol.kind === "all") return ["tcp", "udp"];
    return entry.protocol.kind === "tcp" || entry.protocol.kind === "udp" ? [entry.protocol.kind] : [];
}

function entryPorts(entry: Rule): PortSet {
    if (isUnresolved(entry.protocol) || isUnresolved(entry.ports)) return [];
    return entry.protocol.kind === "all" ? [[0, 65535]] : portsOf(entry.ports);
}

/**
 * What part of `wanted` (addresses × ports) the entries of one direction do NOT allow, deciding
 * first match in rule-number order. Empty when everything is allowed.
 */
function notAllowed(entries: Rule[], transport: Transport, ports: PortSet, wanted: Record<Family, Interval[]>): PortSet {
    const sorted = entries.filter(readable).sort((a, b) => (a.ruleNumber as number) - (b.ruleNumber as number));
    const cuts = new Set<number>();
    for (const e of sorted) for (const [from, to] of entryPorts(e)) cuts.add(from).add(to + 1);
    const missing: Array<[number, number]> = [];
    for (const [from, to] of ports) {
        const bounds = [from, ...[...cuts].filter((c) => c > from && c <= to).sort((a, b) => a - b), to + 1];
        for (let i = 0; i + 1 < bounds.length; i++) {
            const segment: [number, number] = [bounds[i], bounds[i + 1] - 1];
            let denied = false;
            for (const family of [4, 6] as Family[]) {
                let remaining = wanted[family];
                for (const e of sorted) {
                    if (isEmpty(remaining)) break;
                    if (!transportsOf(e).includes(transport) || intersectPorts(entryPorts(e), [segment]).length === 0) continue;
                    const addresses = addressesOf(e)[family];
                    if (e.action === "deny" && !isEmpty(intersect(remaining, addresses))) denied = true;
                    remaining = subtract(remaining, addresses);
                }
                if (!isEmpty(remaining)) denied = true; // no entry matches: the implicit deny
            }
            if (denied) missing.push(segment);
        }
    }
    return missing;
}

const other: Record<Direction, Direction> = { ingress: "egress", egress: "ingress" };

export const naclAllowsReturnTraffic: StackPolicyDefinition<typeof config> = {
    name: "nacl-allows-return-traffic",
    description: "A network ACL that allows service traffic in one direction also allows the replies on the ephemeral ports in the other: NACLs are stateless.",
    enforcementLevel: "advisory",
    severity: "medium",
    remediationSteps:
        "For every inbound allow of a service port, allow outbound TCP/UDP to the same addresses on the ephemeral ports (default 32768-65535), and for every outbound allow, the inbound replies. NAT gateways and load balancers use 1024-65535: set ephemeralPorts accordingly for their subnets.",
    tags: ["network", "stack", "network-acl"],
    config,
    check(graph, cfg: ConfigValues<typeof config>): StackFinding[] {
        const findings: StackFinding[] = [];
        const ephemeral = cfg.ephemeralPorts;
        for (const { resource, entries } of graph.nacls) {
            if (entries.some((e) => !readable(e))) {
                findings.push({ kind: "unverifiable", resource, message: `"${resource.name}": cannot verify that replies are allowed, because some of its entries are not known yet or malformed.` });
                continue;
            }
            for (const entry of entries) {
                if (entry.action !== "allow") continue;
                const service = subtractPorts(entryPorts(entry), ephemeral);
                if (service.length === 0) continue; // the entry itself carries replies
                const replies = other[entry.direction];
                const wanted = addressesOf(entry);
                for (const transport of transportsOf(entry)) {
                    const missing = notAllowed(entries.filter((e) => e.direction === replies), transport, ephemeral, wanted);
                    if (missing.length === 0) continue;
                    const peers = entry.peers.map((p) => (p.kind === "cidr" ? canonical(p.cidr) : "?")).join(", ");
                    findings.push({
                        kind: "violation",
                        resource,
                        message:
                            `${describeRule(entry)}: allows ${transport.toUpperCase()} ${formatPortSet(service)} ${entry.direction === "ingress" ? "in from" : "out to"} ${peers}, ` +
                            `but ${replies} ${transport.toUpperCase()} ${formatPortSet(missing)} ${replies === "egress" ? "to" : "from"} ${peers} is not allowed, so the replies are dropped (NACLs are stateless). ` +
                            `Fix: add a ${replies} allow entry for ${transport.toUpperCase()} ${formatPortSet(ephemeral)} ${replies === "egress" ? "to" : "from"} ${peers}; NAT gateways and load balancers need 1024-65535 (config ephemeralPorts).`,
                        rule: entry,
                        peer: peers,
                    });
                }
            }
        }
        return findings;
    },
};
