"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.internetExposurePolicy = void 0;
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
const config_1 = require("../../kit/config");
const internetAllowList_1 = require("../internetAllowList");
const exposure_1 = require("../../model/exposure");
const rule_1 = require("../../model/rule");
const sensitivePorts_1 = require("../../model/sensitivePorts");
const unresolved_1 = require("../../model/unresolved");
const reachability_1 = require("../../network/reachability");
const loadBalancing_1 = require("../../network/loadBalancing");
const internetPaths_1 = require("../../network/internetPaths");
const loadBalancerPaths_1 = require("../../network/loadBalancerPaths");
const config = {
    adminPorts: (0, config_1.portsKey)('The admin ports (numbers or "from-to" ranges).', sensitivePorts_1.DEFAULT_ADMIN_PORTS),
    databasePorts: (0, config_1.portsKey)('The database ports (numbers or "from-to" ranges).', sensitivePorts_1.DEFAULT_DATABASE_PORTS),
    // The same allow-list keys and defaults as internet-ingress-only-on-allowed-ports, by construction.
    ...(0, internetAllowList_1.allowListConfig)({ direction: "ingress", ...internetAllowList_1.INTERNET_INGRESS_DEFAULTS }),
    // Read by tierguard check/scan only (cli/engine/ruleFacts.ts): this policy's own verdicts do not depend on it.
    latentFindings: (0, config_1.enumKey)('How tierguard check/scan grade resource-policy findings about a world-open rule the internet does not reach today (exposure "latent"): "as-configured" keeps each policy\'s level; "advisory" reports them advisory (no effect on pulumi preview, where a resource policy sees one resource).', ["as-configured", "advisory"], "as-configured"),
};
const WHY = "Nothing stands between this port and every scanner on the internet: the address is public, the route leads to an internet gateway, and the network ACL and security group both let the traffic in.";
const FIX = "close the path at the cheapest hop: remove the internet rule from the security group (allow a bastion's group or your admin /32 instead), or move the resource to a private subnet (no 0.0.0.0/0 route to an internet gateway) without a public address and put a load balancer in front of it.";
/** What about the rule's ports is wrong, if anything: admin, database, or outside the allow-list. */
function judgePorts(rule, cfg) {
    const admin = (0, exposure_1.opensAnyPort)(rule, cfg.adminPorts);
    if (admin.verdict === "yes")
        return { verdict: "yes", what: `${(0, sensitivePorts_1.namePorts)(admin.overlap, sensitivePorts_1.ADMIN_PORTS)}, an admin port` };
    const database = (0, exposure_1.opensAnyPort)(rule, cfg.databasePorts);
    if (database.verdict === "yes")
        return { verdict: "yes", what: `${(0, sensitivePorts_1.namePorts)(database.overlap, sensitivePorts_1.DATABASE_PORTS)}, a database port` };
    const allow = { tcp: cfg.allowedTcpPorts, udp: cfg.allowedUdpPorts, icmpTypes: cfg.allowedIcmpTypes, icmpv6Types: cfg.allowedIcmpv6Types };
    const beyond = (0, exposure_1.beyondAllowList)(rule, allow);
    if (beyond.verdict === "yes")
        return { verdict: "yes", what: `${beyond.outside}, outside the allow-list` };
    const unresolved = admin.unresolved ?? database.unresolved ?? beyond.unresolved;
    if ([admin.verdict, database.verdict, beyond.verdict].includes("maybe"))
        return { verdict: "maybe", what: "ports not known yet", unresolved };
    return { verdict: "no", what: "" };
}
function ruleHop(path) {
    const where = path.rule.origin.path ? path.rule.origin.path : `standalone rule "${path.rule.origin.resourceName}"`;
    return `security group "${path.group.label}" ${where} ${(0, rule_1.protocolAndPorts)(path.rule)}`;
}
exports.internetExposurePolicy = {
    name: "internet-exposure",
    description: "No resource is directly reachable from the internet (public address + default route to an internet gateway + network ACL first match + security group) on an admin port, a database port or a port outside the allow-list; nor through an internet-facing load balancer on a listener port outside the allow-list or to a target's admin or database port.",
    enforcementLevel: "mandatory",
    severity: "critical",
    remediationSteps: "Break the path at one hop: remove the internet-facing security-group rule (reference a bastion's or load balancer's group instead), deny the port in the subnet's network ACL, or place the resource in a private subnet (its route table has no 0.0.0.0/0 or ::/0 route to an internet gateway) without a public IP or Elastic IP, behind a load balancer on the allowed ports.",
    tags: ["network", "stack", "reachability", "internet-exposure"],
    config,
    check(graph, cfg) {
        const findings = [];
        for (const carrier of graph.carriers) {
            const seen = new Set();
            for (const path of (0, reachability_1.pathsTo)(graph, carrier, cfg)) {
                if (path.source !== "internet" && path.source !== "unknown")
                    continue;
                if (seen.has(path.rule))
                    continue;
                const ports = judgePorts(path.rule, cfg);
                if (ports.verdict === "no")
                    continue;
                const best = (0, internetPaths_1.directReachOfPath)(graph, carrier, path, cfg);
                if (best.reach.verdict === "no")
                    continue;
                const peer = path.source === "internet" ? "yes" : "maybe";
                const verdict = (0, exposure_1.all)(best.reach.verdict, ports.verdict, peer, path.certain ? "yes" : "maybe");
                if (verdict === "no")
                    continue;
                seen.add(path.rule);
                findings.push(verdict === "yes" ? violation(carrier, path, best.reach, ports.what) : unverifiable(carrier, path, best.reach, ports));
            }
            const unknownTemplate = unknownLaunchTemplate(graph, carrier);
            if (unknownTemplate)
                findings.push(unknownTemplate);
            if (loadBalancing_1.LoadBalancing.isLoadBalancer(carrier.resource))
                findings.push(...throughLoadBalancer(graph, carrier, cfg));
        }
        return dedupeFindings(findings);
    },
};
/**
 * Instances launched from a template the stack cannot name yet (an unknown id no template fed): neither
 * their groups nor their public address are known, so a path the route allows cannot be ruled out.
 */
function unknownLaunchTemplate(graph, carrier) {
    const template = carrier.launchTemplate;
    if (!template || !("unresolved" in template) || template.candidates.length > 0 || carrier.attachments.length > 0)
        return undefined;
    const reach = graph.routing.directReach(carrier, 4);
    if (reach.verdict === "no")
        return undefined;
    const known = reach.route.verdict === "yes" ? ` Known so far: ${reach.route.text}.` : "";
    return {
        kind: "unverifiable",
        resource: carrier.resource,
        message: `cannot verify that "${carrier.resource.name}" is not reachable from the internet, because its launch template is not known (${(0, unresolved_1.describeUnresolved)(template.unresolved)}), so neither its security groups nor its public address are.${known} Fix if it is: ${FIX}`,
    };
}
function violation(carrier, path, reach, what) {
    const hops = [`internet (${path.sourceLabel})`, reach.route.text, reach.nacl.text, ruleHop(path), `"${carrier.resource.name}" (${reach.address.text})`];
    return {
        kind: "violation",
        resource: carrier.resource,
        message: `"${carrier.resource.name}" is reachable from the internet on ${what}: ${hops.join(" → ")}. ${WHY} Fix: ${FIX}`,
        rule: path.rule,
        peer: path.sourceLabel,
        edge: (0, reachability_1.edgeOf)(path),
    };
}
function unverifiable(carrier, path, reach, ports) {
    const open = [];
    if (reach.address.verdict === "maybe")
        open.push(reach.address.text);
    if (reach.route.verdict === "maybe")
        open.push(reach.route.text);
    if (reach.nacl.verdict === "maybe")
        open.push(reach.nacl.text);
    if (path.source === "unknown")
        open.push(`the source of ${ruleHop(path)} is ${path.sourceLabel}${path.unresolved ? ` (${(0, unresolved_1.describeUnresolved)(path.unresolved)})` : ""}`);
    if (!path.certain)
        open.push(`the security group id is not known yet and "${path.group.label}" is one of the candidates that fed it`);
    if (ports.verdict === "maybe")
        open.push(`the ports of ${ruleHop(path)} are not known yet${ports.unresolved ? ` (${(0, unresolved_1.describeUnresolved)(ports.unresolved)})` : ""}`);
    const known = [reach.address.verdict === "yes" ? reach.address.text : "", reach.route.verdict === "yes" ? reach.route.text : ""].filter(Boolean);
    // No edge: a report draws in red only paths the internet takes today, not ones that may exist.
    return {
        kind: "unverifiable",
        resource: carrier.resource,
        message: `cannot verify that "${carrier.resource.name}" is not reachable from the internet through ${ruleHop(path)} from ${path.rule.peers.map(rule_1.peerLabel).join(", ")}, because ${open.join("; ")}.` +
            `${known.length ? ` Known so far: ${known.join("; ")}.` : ""} Fix if it is: ${FIX}`,
        rule: path.rule,
        peer: path.sourceLabel,
    };
}
// --- Through an internet-facing load balancer ------------------------------------------------------------
const FIX_LISTENER = "listen on the internet only on the allow-listed ports (HTTPS 443, HTTP 80 for redirects), make the load balancer internal (internal: true) if only the VPC needs it, or add the port to allowedTcpPorts/allowedUdpPorts if it is meant to be public.";
const FIX_TARGET = "forward the internet only to the application port (e.g. 8080), never to an admin or database port: change the target group's or attachment's port, or make the load balancer internal; reach admin ports through SSM Session Manager or a bastion.";
/** A listener's or target's port: admin, database, or (for the port the internet sees) outside the allow-list. */
function judgePort(port, transports, cfg, allowList) {
    if (port === undefined)
        return { verdict: "no", what: "" };
    if ((0, unresolved_1.isUnresolved)(port))
        return { verdict: "maybe", what: "a port not known yet", unresolved: port };
    const inSet = (set) => set.some(([from, to]) => from <= port && port <= to);
    if (inSet(cfg.adminPorts))
        return { verdict: "yes", what: `${(0, sensitivePorts_1.namePorts)([[port, port]], sensitivePorts_1.ADMIN_PORTS)}, an admin port` };
    if (inSet(cfg.databasePorts))
        return { verdict: "yes", what: `${(0, sensitivePorts_1.namePorts)([[port, port]], sensitivePorts_1.DATABASE_PORTS)}, a database port` };
    if (!allowList)
        return { verdict: "no", what: "" };
    const outside = transports.find((t) => !inSet(t === "udp" ? cfg.allowedUdpPorts : cfg.allowedTcpPorts));
    return outside ? { verdict: "yes", what: `${outside.toUpperCase()} port ${port}, outside the allow-list` } : { verdict: "no", what: "" };
}
function throughLoadBalancer(graph, carrier, cfg) {
    const lb = carrier.resource;
    const findings = [];
    for (const entry of (0, loadBalancerPaths_1.listenerPaths)(graph, carrier, cfg)) {
        const { listener, port, transports, listenerHop, reachable, hops, doubts } = entry;
        if (reachable === "no")
            continue;
        const listenerJudgement = judgePort(port, transports, cfg, true);
        const listenerVerdict = (0, exposure_1.all)(reachable, listenerJudgement.verdict);
        if (listenerVerdict === "yes") {
            findings.push({
                kind: "violation",
                resource: lb,
                message: `load balancer "${lb.name}" is reachable from the internet on ${listenerJudgement.what}: ${hops.join(" → ")}. ${WHY} Fix: ${FIX_LISTENER}`,
            });
        }
        else if (listenerVerdict === "maybe") {
            const why = [...doubts, ...(listenerJudgement.unresolved ? [(0, unresolved_1.describeUnresolved)(listenerJudgement.unresolved)] : [])].join("; ");
            findings.push({
                kind: "unverifiable",
                resource: lb,
                message: `cannot verify that load balancer "${lb.name}" listens to the internet only on allowed ports (${listenerHop}), because ${why || "a value is not known yet"}. Fix if it does not: ${FIX_LISTENER}`,
            });
        }
        for (const group of listener.targetGroups) {
            for (const target of graph.loadBalancing.targetsOf(group)) {
                const judgement = judgePort(target.port, ["tcp"], cfg, false);
                if (judgement.verdict === "no" || target.port === undefined)
                    continue;
                const admitted = (0, loadBalancerPaths_1.targetAdmits)(graph, target.carrier, target.port, carrier, cfg);
                const nacl = admitted.verdict === "no" ? admitted : (0, loadBalancerPaths_1.targetSubnetNacl)(graph, carrier, group, target, cfg);
                const verdict = (0, exposure_1.all)(reachable, judgement.verdict, nacl.verdict, admitted.verdict);
                if (verdict === "no")
                    continue;
                const path = [
                    ...hops,
                    `target group "${group.name}" → ${target.via} port ${(0, loadBalancing_1.portText)(target.port)}`,
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
                }
                else {
                    const why = [
                        ...doubts,
                        ...(nacl.verdict === "maybe" ? [nacl.text] : []),
                        ...(admitted.verdict === "maybe" ? [admitted.text] : []),
                        ...(judgement.unresolved ? [(0, unresolved_1.describeUnresolved)(judgement.unresolved)] : []),
                    ];
                    findings.push({
                        kind: "unverifiable",
                        resource: target.carrier.resource,
                        message: `cannot verify that "${target.carrier.resource.name}" is not reachable from the internet through load balancer "${lb.name}" on an admin or database port (${target.via}, port ${(0, loadBalancing_1.portText)(target.port)}), because ${why.join("; ") || "a value is not known yet"}. Fix if it is: ${FIX_TARGET}`,
                    });
                }
            }
        }
    }
    return findings;
}
/** One finding per resource and message: a target behind several listeners forwarding the same way is one path each. */
function dedupeFindings(findings) {
    const seen = new Set();
    return findings.filter((f) => {
        const key = `${f.resource?.urn ?? ""}|${f.message}`;
        if (seen.has(key))
            return false;
        seen.add(key);
        return true;
    });
}
