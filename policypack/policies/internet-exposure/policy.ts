/**
 * What the internet can actually reach, directly: a resource with a public address, in a subnet whose
 * route table sends the default route (0.0.0.0/0, or ::/0) to an internet gateway, whose network ACL's
 * first matching entry allows the traffic, carrying a security group whose ingress rule allows it from
 * the internet — on an admin port, a database port, or a port outside the allow-list. The resource
 * policies flag world-open rules wherever they are (defence in depth); this one says which of them the
 * internet reaches today, hop by hop.
 */
import { ConfigValues, icmpTypesKey, internetKeys, portsKey } from "../../kit/config";
import { StackFinding, StackPolicyDefinition } from "../../kit/defineStack";
import { InternetOptions } from "../../model/addresses";
import { Tri, all, beyondAllowList, internetExposure, opensAnyPort } from "../../model/exposure";
import { naclInternetExposure } from "../../model/naclExposure";
import { ALL_PORTS, portsOf } from "../../model/ports";
import { Rule, peerLabel, protocolAndPorts } from "../../model/rule";
import { ADMIN_PORTS, DATABASE_PORTS, DEFAULT_ADMIN_PORTS, DEFAULT_DATABASE_PORTS, namePorts } from "../../model/sensitivePorts";
import { describeUnresolved, isUnresolved } from "../../model/unresolved";
import { Carrier, StackGraph } from "../../network/graph";
import { Path, edgeOf, pathsTo } from "../../network/reachability";
import { DirectReach, Family, Hop } from "../../network/routing";

const config = {
    adminPorts: portsKey('The admin ports (numbers or "from-to" ranges).', DEFAULT_ADMIN_PORTS),
    databasePorts: portsKey('The database ports (numbers or "from-to" ranges).', DEFAULT_DATABASE_PORTS),
    allowedTcpPorts: portsKey("TCP ports allowed from the internet.", [80, 443]),
    allowedUdpPorts: portsKey("UDP ports allowed from the internet.", [443]),
    allowedIcmpTypes: icmpTypesKey("ICMP types allowed from the internet."),
    allowedIcmpv6Types: icmpTypesKey("ICMPv6 types allowed from the internet."),
    ...internetKeys,
};
type Config = ConfigValues<typeof config>;

const WHY =
    "Nothing stands between this port and every scanner on the internet: the address is public, the route leads to an internet gateway, and the network ACL and security group both let the traffic in.";
const FIX =
    "close the path at the cheapest hop: remove the internet rule from the security group (allow a bastion's group or your admin /32 instead), or move the resource to a private subnet (no 0.0.0.0/0 route to an internet gateway) without a public address and put a load balancer in front of it.";

/** What about the rule's ports is wrong, if anything: admin, database, or outside the allow-list. */
function judgePorts(rule: Rule, cfg: Config): { verdict: Tri; what: string; unresolved?: ReturnType<typeof opensAnyPort>["unresolved"] } {
    const admin = opensAnyPort(rule, cfg.adminPorts);
    if (admin.verdict === "yes") return { verdict: "yes", what: `${namePorts(admin.overlap, ADMIN_PORTS)}, an admin port` };
    const database = opensAnyPort(rule, cfg.databasePorts);
    if (database.verdict === "yes") return { verdict: "yes", what: `${namePorts(database.overlap, DATABASE_PORTS)}, a database port` };
    const allow = { tcp: cfg.allowedTcpPorts, udp: cfg.allowedUdpPorts, icmpTypes: cfg.allowedIcmpTypes, icmpv6Types: cfg.allowedIcmpv6Types };
    const beyond = beyondAllowList(rule, allow);
    if (beyond.verdict === "yes") return { verdict: "yes", what: `${beyond.outside}, outside the allow-list` };
    const unresolved = admin.unresolved ?? database.unresolved ?? beyond.unresolved;
    if ([admin.verdict, database.verdict, beyond.verdict].includes("maybe")) return { verdict: "maybe", what: "ports not known yet", unresolved };
    return { verdict: "no", what: "" };
}

/** The address families the path's internet peers belong to (both when the peer is not known yet). */
function familiesOf(path: Path, options: InternetOptions): Family[] {
    if (path.source !== "internet") return [4, 6];
    const families = new Set<Family>();
    for (const { peer } of internetExposure(path.rule, options).internet) if (peer.kind === "cidr") families.add(peer.cidr.family);
    // An internet path through a prefix list: its entries' families are not on the rule.
    return families.size > 0 ? [...families] : [4, 6];
}

/** The network ACL of a subnet, first match, for the rule's traffic from the internet: the entry that lets it in, or why not. */
function naclGate(graph: StackGraph, rule: Rule, options: InternetOptions): (subnetKey: string | undefined) => Hop {
    return (subnetKey) => {
        const nacl = subnetKey === undefined ? undefined : graph.naclOfSubnet(subnetKey);
        if (!nacl) return { verdict: "yes", text: "NACL: AWS's default ACL (allows all)" };
        const protocol = rule.protocol;
        if (isUnresolved(protocol))
            return { verdict: "maybe", text: `NACL "${nacl.resource.name}" (the rule's protocol is not known yet)`, unresolved: protocol };
        if (protocol.kind === "icmp" || protocol.kind === "icmpv6") return { verdict: "yes", text: `NACL "${nacl.resource.name}" (ICMP not judged)` };
        const ports = protocol.kind === "tcp" || protocol.kind === "udp" ? (isUnresolved(rule.ports) ? ALL_PORTS : portsOf(rule.ports)) : ALL_PORTS;
        const only = {
            tcp: protocol.kind === "tcp" || protocol.kind === "all",
            udp: protocol.kind === "udp" || protocol.kind === "all",
            otherProtocols: protocol.kind === "number" || protocol.kind === "all",
        };
        const exposures = naclInternetExposure(
            nacl.entries.filter((e) => e.direction === "ingress"),
            ports,
            options,
            only,
        );
        const found = exposures.find((e) => e.verdict === "yes");
        if (found) {
            const number = typeof found.entry.ruleNumber === "number" ? ` #${found.entry.ruleNumber}` : "";
            return { verdict: "yes", text: `NACL "${nacl.resource.name}"${number} allow` };
        }
        const maybe = exposures.find((e) => e.verdict === "maybe");
        if (maybe) return { verdict: "maybe", text: `NACL "${nacl.resource.name}" may let it in (${maybe.reason})`, unresolved: maybe.unresolved };
        return { verdict: "no", text: `NACL "${nacl.resource.name}" denies it` };
    };
}

function ruleHop(path: Path): string {
    const where = path.rule.origin.path ? path.rule.origin.path : `standalone rule "${path.rule.origin.resourceName}"`;
    return `security group "${path.group.label}" ${where} ${protocolAndPorts(path.rule)}`;
}

export const internetExposurePolicy: StackPolicyDefinition<typeof config> = {
    name: "internet-exposure",
    description:
        "No resource is directly reachable from the internet (public address + default route to an internet gateway + network ACL first match + security group) on an admin port, a database port or a port outside the allow-list.",
    enforcementLevel: "mandatory",
    severity: "critical",
    remediationSteps:
        "Break the path at one hop: remove the internet-facing security-group rule (reference a bastion's or load balancer's group instead), deny the port in the subnet's network ACL, or place the resource in a private subnet (its route table has no 0.0.0.0/0 or ::/0 route to an internet gateway) without a public IP or Elastic IP, behind a load balancer on the allowed ports.",
    tags: ["network", "stack", "reachability", "internet-exposure"],
    config,
    check(graph, cfg: Config): StackFinding[] {
        const findings: StackFinding[] = [];
        for (const carrier of graph.carriers) {
            const seen = new Set<Rule>();
            for (const path of pathsTo(graph, carrier, cfg)) {
                if (path.source !== "internet" && path.source !== "unknown") continue;
                if (seen.has(path.rule)) continue;
                const ports = judgePorts(path.rule, cfg);
                if (ports.verdict === "no") continue;
                const reaches = familiesOf(path, cfg).map((family) => ({
                    family,
                    reach: graph.routing.directReach(carrier, family, naclGate(graph, path.rule, cfg)),
                }));
                const best = reaches.find((r) => r.reach.verdict === "yes") ?? reaches.find((r) => r.reach.verdict === "maybe");
                if (!best) continue;
                const peer: Tri = path.source === "internet" ? "yes" : "maybe";
                const verdict = all(best.reach.verdict, ports.verdict, peer, path.certain ? "yes" : "maybe");
                if (verdict === "no") continue;
                seen.add(path.rule);
                findings.push(verdict === "yes" ? violation(carrier, path, best.reach, ports.what) : unverifiable(carrier, path, best.reach, ports));
            }
        }
        return findings;
    },
};

function violation(carrier: Carrier, path: Path, reach: DirectReach, what: string): StackFinding {
    const hops = [`internet (${path.sourceLabel})`, reach.route.text, reach.nacl.text, ruleHop(path), `"${carrier.resource.name}" (${reach.address.text})`];
    return {
        kind: "violation",
        resource: carrier.resource,
        message: `"${carrier.resource.name}" is reachable from the internet on ${what}: ${hops.join(" → ")}. ${WHY} Fix: ${FIX}`,
        rule: path.rule,
        peer: path.sourceLabel,
        edge: edgeOf(path),
    };
}

function unverifiable(carrier: Carrier, path: Path, reach: DirectReach, ports: ReturnType<typeof judgePorts>): StackFinding {
    const open: string[] = [];
    if (reach.address.verdict === "maybe") open.push(reach.address.text);
    if (reach.route.verdict === "maybe") open.push(reach.route.text);
    if (reach.nacl.verdict === "maybe") open.push(reach.nacl.text);
    if (path.source === "unknown")
        open.push(`the source of ${ruleHop(path)} is ${path.sourceLabel}${path.unresolved ? ` (${describeUnresolved(path.unresolved)})` : ""}`);
    if (!path.certain) open.push(`the security group id is not known yet and "${path.group.label}" is one of the candidates that fed it`);
    if (ports.verdict === "maybe")
        open.push(`the ports of ${ruleHop(path)} are not known yet${ports.unresolved ? ` (${describeUnresolved(ports.unresolved)})` : ""}`);
    const known = [reach.address.verdict === "yes" ? reach.address.text : "", reach.route.verdict === "yes" ? reach.route.text : ""].filter(Boolean);
    return {
        kind: "unverifiable",
        resource: carrier.resource,
        message:
            `cannot verify that "${carrier.resource.name}" is not reachable from the internet through ${ruleHop(path)} from ${path.rule.peers.map(peerLabel).join(", ")}, because ${open.join("; ")}.` +
            `${known.length ? ` Known so far: ${known.join("; ")}.` : ""} Fix if it is: ${FIX}`,
        rule: path.rule,
        peer: path.sourceLabel,
        edge: edgeOf(path),
    };
}
