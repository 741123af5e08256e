import { ConfigValues, portsKey } from "../../kit/config";
import { StackFinding, StackPolicyDefinition } from "../../kit/defineStack";
import { intersects } from "../../model/addressSet";
import { canonical } from "../../model/addresses";
import { AddressSets, FAMILIES, Transport, entryAddresses, entryPorts, fullyKnown, portsNotAllowedBy, transportsOf } from "../../model/naclEvaluation";
import { PortSet, formatPortSet, subtractPorts } from "../../model/ports";
import { Direction, Rule, describeRule } from "../../model/rule";

const config = {
    ephemeralPorts: portsKey('The ports replies come back on ("from-to" range). NAT gateways and load balancers need "1024-65535".', ["32768-65535"]),
};

/** Every client, whatever its OS, picks its side of a connection from these ports: where replies go. */
const CLIENT_PORTS: PortSet = [[1024, 65535]];

function overlaps(a: Rule, b: Rule): boolean {
    const x = entryAddresses(a).sets;
    const y = entryAddresses(b).sets;
    return FAMILIES.some((family) => intersects(x[family], y[family]));
}

/**
 * An allow entry that stays within the client ports (1024-65535), covers the ports replies come back
 * on, and reaches the peers of a service allowed in the other direction carries that service's
 * replies: it is return traffic (AWS's recommended NACLs allow outbound 1024-65535 for exactly this),
 * not a service of its own that needs replies in turn. A single port such as 5432 is a service.
 */
function carriesReplies(entry: Rule, transport: Transport, entries: Rule[], ephemeral: PortSet): boolean {
    const ports = entryPorts(entry);
    if (subtractPorts(ports, CLIENT_PORTS).length > 0 || subtractPorts(ephemeral, ports).length > 0) return false;
    return entries.some(
        (service) =>
            service.direction !== entry.direction && service.action === "allow" && transportsOf(service).includes(transport) && overlaps(service, entry),
    );
}

type NotAllowed = (transport: Transport, wanted: AddressSets) => PortSet;

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
            if (entries.some((e) => !fullyKnown(e))) {
                findings.push({
                    kind: "unverifiable",
                    resource,
                    message: `"${resource.name}": cannot verify that replies are allowed, because some of its entries are not known yet or malformed.`,
                });
                continue;
            }
            // Each direction's reply check is prepared once per ACL, when first needed.
            const notAllowedIn: Partial<Record<Direction, NotAllowed>> = {};
            for (const entry of entries) {
                if (entry.action !== "allow") continue;
                const service = subtractPorts(entryPorts(entry), ephemeral);
                if (service.length === 0) continue; // the entry itself carries replies
                const replies = other[entry.direction];
                const wanted = entryAddresses(entry).sets;
                for (const transport of transportsOf(entry)) {
                    if (carriesReplies(entry, transport, entries, ephemeral)) continue;
                    const notAllowed = (notAllowedIn[replies] ??= portsNotAllowedBy(
                        entries.filter((e) => e.direction === replies),
                        ephemeral,
                    ));
                    const missing = notAllowed(transport, wanted);
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
