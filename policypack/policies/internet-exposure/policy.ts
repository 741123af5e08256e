/**
 * What the internet can actually reach, directly: a resource with a public address, in a subnet whose
 * route table sends internet addresses to an internet gateway (0.0.0.0/0 or ::/0, or any routes and prefix
 * lists that win internet addresses by longest-prefix match) that VPC Block Public Access does not
 * close, whose network ACL's
 * first matching entry allows the traffic, carrying a security group whose ingress rule allows it from
 * the internet — on an admin port, a database port, or a port outside the allow-list. The resource
 * policies flag world-open rules wherever they are (defence in depth); this one says which of them the
 * internet reaches today, hop by hop.
 */
import { ConfigValues, enumKey, portsKey } from "../../kit/config";
import { INTERNET_INGRESS_DEFAULTS, allowListConfig } from "../internetAllowList";
import { StackFinding, StackPolicyDefinition } from "../../kit/defineStack";
import { Tri, all, beyondAllowList, opensAnyPort } from "../../model/exposure";
import { PortSet } from "../../model/ports";
import { Rule, peerLabel, protocolAndPorts } from "../../model/rule";
import { ADMIN_PORTS, DATABASE_PORTS, DEFAULT_ADMIN_PORTS, DEFAULT_DATABASE_PORTS, namePorts } from "../../model/sensitivePorts";
import { Unresolved, describeUnresolved, isUnresolved } from "../../model/unresolved";
import { Carrier, StackGraph } from "../../network/graph";
import { Path, edgeOf, pathsTo } from "../../network/reachability";
import { DirectReach } from "../../network/routing";
import { LoadBalancing, portText } from "../../network/loadBalancing";
import { directReachOfPath } from "../../network/internetPaths";
import { listenerPaths, targetAdmits, targetSubnetNacl } from "../../network/loadBalancerPaths";

const config = {
    adminPorts: portsKey('The admin ports (numbers or "from-to" ranges).', DEFAULT_ADMIN_PORTS),
    databasePorts: portsKey('The database ports (numbers or "from-to" ranges).', DEFAULT_DATABASE_PORTS),
    // The same allow-list keys and defaults as internet-ingress-only-on-allowed-ports, by construction.
    ...allowListConfig({ direction: "ingress", ...INTERNET_INGRESS_DEFAULTS }),
    // Read by tierguard check/scan only (cli/engine/ruleFacts.ts): this policy's own verdicts do not depend on it.
    latentFindings: enumKey(
        'How tierguard check/scan grade resource-policy findings about a world-open rule the internet does not reach today (exposure "latent"): "as-configured" keeps each policy\'s level; "advisory" reports them advisory (no effect on pulumi preview, where a resource policy sees one resource).',
        ["as-configured", "advisory"] as const,
        "as-configured",
    ),
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

function ruleHop(path: Path): string {
    const where = path.rule.origin.path ? path.rule.origin.path : `standalone rule "${path.rule.origin.resourceName}"`;
    return `security group "${path.group.label}" ${where} ${protocolAndPorts(path.rule)}`;
}

export const internetExposurePolicy: StackPolicyDefinition<typeof config> = {
    name: "internet-exposure",
    description:
        "No resource is directly reachable from the internet (public address + default route to an internet gateway + network ACL first match + security group) on an admin port, a database port or a port outside the allow-list; nor through an internet-facing load balancer on a listener port outside the allow-list or to a target's admin or database port.",
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
                const best = directReachOfPath(graph, carrier, path, cfg);
                if (best.reach.verdict === "no") continue;
                const peer: Tri = path.source === "internet" ? "yes" : "maybe";
                const verdict = all(best.reach.verdict, ports.verdict, peer, path.certain ? "yes" : "maybe");
                if (verdict === "no") continue;
                seen.add(path.rule);
                findings.push(verdict === "yes" ? violation(carrier, path, best.reach, ports.what) : unverifiable(carrier, path, best.reach, ports));
            }
            const unknownTemplate = unknownLaunchTemplate(graph, carrier);
            if (unknownTemplate) findings.push(unknownTemplate);
            if (LoadBalancing.isLoadBalancer(carrier.resource)) findings.push(...throughLoadBalancer(graph, carrier, cfg));
        }
        return dedupeFindings(findings);
    },
};

/**
 * Instances launched from a template the stack cannot name yet (an unknown id no template fed): neither
 * their groups nor their public address are known, so a path the route allows cannot be ruled out.
 */
function unknownLaunchTemplate(graph: StackGraph, carrier: Carrier): StackFinding | undefined {
    const template = carrier.launchTemplate;
    if (!template || !("unresolved" in template) || template.candidates.length > 0 || carrier.attachments.length > 0) return undefined;
    const reach = graph.routing.directReach(carrier, 4);
    if (reach.verdict === "no") return undefined;
    const known = reach.route.verdict === "yes" ? ` Known so far: ${reach.route.text}.` : "";
    return {
        kind: "unverifiable",
        resource: carrier.resource,
        message: `cannot verify that "${carrier.resource.name}" is not reachable from the internet, because its launch template is not known (${describeUnresolved(template.unresolved)}), so neither its security groups nor its public address are.${known} Fix if it is: ${FIX}`,
    };
}

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
    // No edge: a report draws in red only paths the internet takes today, not ones that may exist.
    return {
        kind: "unverifiable",
        resource: carrier.resource,
        message:
            `cannot verify that "${carrier.resource.name}" is not reachable from the internet through ${ruleHop(path)} from ${path.rule.peers.map(peerLabel).join(", ")}, because ${open.join("; ")}.` +
            `${known.length ? ` Known so far: ${known.join("; ")}.` : ""} Fix if it is: ${FIX}`,
        rule: path.rule,
        peer: path.sourceLabel,
    };
}

// --- Through an internet-facing load balancer ------------------------------------------------------------

const FIX_LISTENER =
    "listen on the internet only on the allow-listed ports (HTTPS 443, HTTP 80 for redirects), make the load balancer internal (internal: true) if only the VPC needs it, or add the port to allowedTcpPorts/allowedUdpPorts if it is meant to be public.";
const FIX_TARGET =
    "forward the internet only to the application port (e.g. 8080), never to an admin or database port: change the target group's or attachment's port, or make the load balancer internal; reach admin ports through SSM Session Manager or a bastion.";

type PortJudgement = { verdict: Tri; what: string; unresolved?: Unresolved };

/** A listener's or target's port: admin, database, or (for the port the internet sees) outside the allow-list. */
function judgePort(port: number | Unresolved | undefined, transports: readonly ("tcp" | "udp")[], cfg: Config, allowList: boolean): PortJudgement {
    if (port === undefined) return { verdict: "no", what: "" };
    if (isUnresolved(port)) return { verdict: "maybe", what: "a port not known yet", unresolved: port };
    const inSet = (set: PortSet) => set.some(([from, to]) => from <= port && port <= to);
    if (inSet(cfg.adminPorts)) return { verdict: "yes", what: `${namePorts([[port, port]], ADMIN_PORTS)}, an admin port` };
    if (inSet(cfg.databasePorts)) return { verdict: "yes", what: `${namePorts([[port, port]], DATABASE_PORTS)}, a database port` };
    if (!allowList) return { verdict: "no", what: "" };
    const outside = transports.find((t) => !inSet(t === "udp" ? cfg.allowedUdpPorts : cfg.allowedTcpPorts));
    return outside ? { verdict: "yes", what: `${outside.toUpperCase()} port ${port}, outside the allow-list` } : { verdict: "no", what: "" };
}

function throughLoadBalancer(graph: StackGraph, carrier: Carrier, cfg: Config): StackFinding[] {
    const lb = carrier.resource;
    const findings: StackFinding[] = [];
    for (const entry of listenerPaths(graph, carrier, cfg)) {
        const { listener, port, transports, listenerHop, reachable, hops, doubts } = entry;
        if (reachable === "no") continue;
        const listenerJudgement = judgePort(port, transports, cfg, true);
        const listenerVerdict = all(reachable, listenerJudgement.verdict);
        if (listenerVerdict === "yes") {
            findings.push({
                kind: "violation",
                resource: lb,
                message: `load balancer "${lb.name}" is reachable from the internet on ${listenerJudgement.what}: ${hops.join(" → ")}. ${WHY} Fix: ${FIX_LISTENER}`,
            });
        } else if (listenerVerdict === "maybe") {
            const why = [...doubts, ...(listenerJudgement.unresolved ? [describeUnresolved(listenerJudgement.unresolved)] : [])].join("; ");
            findings.push({
                kind: "unverifiable",
                resource: lb,
                message: `cannot verify that load balancer "${lb.name}" listens to the internet only on allowed ports (${listenerHop}), because ${why || "a value is not known yet"}. Fix if it does not: ${FIX_LISTENER}`,
            });
        }
        for (const group of listener.targetGroups) {
            for (const target of graph.loadBalancing.targetsOf(group)) {
                const judgement = judgePort(target.port, ["tcp"], cfg, false);
                if (judgement.verdict === "no" || target.port === undefined) continue;
                const admitted = targetAdmits(graph, target.carrier, target.port, carrier, cfg);
                const nacl = admitted.verdict === "no" ? admitted : targetSubnetNacl(graph, carrier, group, target, cfg);
                const verdict = all(reachable, judgement.verdict, nacl.verdict, admitted.verdict);
                if (verdict === "no") continue;
                const path = [
                    ...hops,
                    `target group "${group.name}" → ${target.via} port ${portText(target.port)}`,
                    nacl.text,
                    admitted.text,
                    `"${target.carrier.resource.name}"`,
                ];
                if (verdict === "yes") {
                    findings.push({
                        kind: "violation",
                        resource: target.carrier.resource,
                        message: `"${target.carrier.resource.name}" is reachable from the internet through load balancer "${lb.name}" on ${judgement.what}: ${path.join(" → ")}. ${WHY} Fix: ${FIX_TARGET}`,
                    });
                } else {
                    const why = [
                        ...doubts,
                        ...(nacl.verdict === "maybe" ? [nacl.text] : []),
                        ...(admitted.verdict === "maybe" ? [admitted.text] : []),
                        ...(judgement.unresolved ? [describeUnresolved(judgement.unresolved)] : []),
                    ];
                    findings.push({
                        kind: "unverifiable",
                        resource: target.carrier.resource,
                        message: `cannot verify that "${target.carrier.resource.name}" is not reachable from the internet through load balancer "${lb.name}" on an admin or database port (${target.via}, port ${portText(target.port)}), because ${why.join("; ") || "a value is not known yet"}. Fix if it is: ${FIX_TARGET}`,
                    });
                }
            }
        }
    }
    return findings;
}

/** One finding per resource and message: a target behind several listeners forwarding the same way is one path each. */
function dedupeFindings(findings: StackFinding[]): StackFinding[] {
    const seen = new Set<string>();
    return findings.filter((f) => {
        const key = `${f.resource?.urn ?? ""}|${f.message}`;
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
    });
}
