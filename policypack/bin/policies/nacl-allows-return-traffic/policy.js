"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.naclAllowsReturnTraffic = void 0;
const config_1 = require("../../kit/config");
const addressSet_1 = require("../../model/addressSet");
const addresses_1 = require("../../model/addresses");
const naclEvaluation_1 = require("../../model/naclEvaluation");
const ports_1 = require("../../model/ports");
const rule_1 = require("../../model/rule");
const config = {
    ephemeralPorts: (0, config_1.portsKey)('The ports replies come back on ("from-to" range). NAT gateways and load balancers need "1024-65535".', ["32768-65535"]),
};
/** Every client, whatever its OS, picks its side of a connection from these ports: where replies go. */
const CLIENT_PORTS = [[1024, 65535]];
function overlaps(a, b) {
    const x = (0, naclEvaluation_1.entryAddresses)(a).sets;
    const y = (0, naclEvaluation_1.entryAddresses)(b).sets;
    return naclEvaluation_1.FAMILIES.some((family) => (0, addressSet_1.intersects)(x[family], y[family]));
}
/**
 * An allow entry that stays within the client ports (1024-65535), covers the ports replies come back
 * on, and reaches the peers of a service allowed in the other direction carries that service's
 * replies: it is return traffic (AWS's recommended NACLs allow outbound 1024-65535 for exactly this),
 * not a service of its own that needs replies in turn. A single port such as 5432 is a service.
 */
function carriesReplies(entry, transport, entries, ephemeral) {
    const ports = (0, naclEvaluation_1.entryPorts)(entry);
    if ((0, ports_1.subtractPorts)(ports, CLIENT_PORTS).length > 0 || (0, ports_1.subtractPorts)(ephemeral, ports).length > 0)
        return false;
    return entries.some((service) => service.direction !== entry.direction && service.action === "allow" && (0, naclEvaluation_1.transportsOf)(service).includes(transport) && overlaps(service, entry));
}
const other = { ingress: "egress", egress: "ingress" };
exports.naclAllowsReturnTraffic = {
    name: "nacl-allows-return-traffic",
    description: "A network ACL that allows service traffic in one direction also allows the replies on the ephemeral ports in the other: NACLs are stateless.",
    enforcementLevel: "advisory",
    severity: "medium",
    remediationSteps: "For every inbound allow of a service port, allow outbound TCP/UDP to the same addresses on the ephemeral ports (default 32768-65535), and for every outbound allow, the inbound replies. NAT gateways and load balancers use 1024-65535: set ephemeralPorts accordingly for their subnets.",
    tags: ["network", "stack", "network-acl"],
    config,
    check(graph, cfg) {
        const findings = [];
        const ephemeral = cfg.ephemeralPorts;
        for (const { resource, entries } of graph.nacls) {
            if (entries.some((e) => !(0, naclEvaluation_1.fullyKnown)(e))) {
                findings.push({
                    kind: "unverifiable",
                    resource,
                    message: `"${resource.name}": cannot verify that replies are allowed, because some of its entries are not known yet or malformed.`,
                });
                continue;
            }
            // Each direction's reply check is prepared once per ACL, when first needed.
            const notAllowedIn = {};
            for (const entry of entries) {
                if (entry.action !== "allow")
                    continue;
                const service = (0, ports_1.subtractPorts)((0, naclEvaluation_1.entryPorts)(entry), ephemeral);
                if (service.length === 0)
                    continue; // the entry itself carries replies
                const replies = other[entry.direction];
                const wanted = (0, naclEvaluation_1.entryAddresses)(entry).sets;
                for (const transport of (0, naclEvaluation_1.transportsOf)(entry)) {
                    if (carriesReplies(entry, transport, entries, ephemeral))
                        continue;
                    const notAllowed = (notAllowedIn[replies] ?? (notAllowedIn[replies] = (0, naclEvaluation_1.portsNotAllowedBy)(entries.filter((e) => e.direction === replies), ephemeral)));
                    const missing = notAllowed(transport, wanted);
                    if (missing.length === 0)
                        continue;
                    const peers = entry.peers.map((p) => (p.kind === "cidr" ? (0, addresses_1.canonical)(p.cidr) : "?")).join(", ");
                    findings.push({
                        kind: "violation",
                        resource,
                        message: `${(0, rule_1.describeRule)(entry)}: allows ${transport.toUpperCase()} ${(0, ports_1.formatPortSet)(service)} ${entry.direction === "ingress" ? "in from" : "out to"} ${peers}, ` +
                            `but ${replies} ${transport.toUpperCase()} ${(0, ports_1.formatPortSet)(missing)} ${replies === "egress" ? "to" : "from"} ${peers} is not allowed, so the replies are dropped (NACLs are stateless). ` +
                            `Fix: add a ${replies} allow entry for ${transport.toUpperCase()} ${(0, ports_1.formatPortSet)(ephemeral)} ${replies === "egress" ? "to" : "from"} ${peers}; NAT gateways and load balancers need 1024-65535 (config ephemeralPorts).`,
                        rule: entry,
                        peer: peers,
                    });
                }
            }
        }
        return findings;
    },
};
