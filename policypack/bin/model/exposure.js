"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.all = all;
exports.internetExposure = internetExposure;
exports.peersInternetExposure = peersInternetExposure;
exports.opensAnyPort = opensAnyPort;
exports.beyondAllowList = beyondAllowList;
/**
 * Questions policies ask of one rule, answered in three values: "yes", "no", or "maybe" when an
 * unknown or malformed value leaves the answer open. A policy reports a violation when every
 * question it asks is "yes", and "cannot be verified" when none is "no" and some are "maybe".
 */
const addresses_1 = require("./addresses");
const answerCache_1 = require("./answerCache");
const ports_1 = require("./ports");
const protocol_1 = require("./protocol");
const unresolved_1 = require("./unresolved");
/** Combines the answers of several questions that must all be "yes". */
function all(...answers) {
    if (answers.includes("no"))
        return "no";
    return answers.includes("maybe") ? "maybe" : "yes";
}
/**
 * Answers per rule and internet definition. Rule models are shared by the policies of a request
 * (and a group's rules by every resource carrying it), so several policies ask the same question.
 */
const exposures = new answerCache_1.AnswerCache();
/** Does the rule's peer set include the internet (by the pack's definition)? The answer is shared: never modify it. */
function internetExposure(rule, options) {
    return exposures.get(rule, (0, addresses_1.definitionKey)(options), () => computeInternetExposure(rule, options));
}
function computeInternetExposure(rule, options) {
    return peersInternetExposure(rule.peers, options);
}
/**
 * Does a set of address peers include the internet: one rule's peers, or the entries of a prefix list
 * (a rule naming the list opens its ports to all of them)? CIDRs count alone or together (a union
 * covering a family); unknown or malformed ones leave the answer open.
 */
function peersInternetExposure(peers, options, others) {
    const cidrPeers = peers.filter((p) => p.kind === "cidr");
    const unresolved = peers.filter((p) => p.kind === "unresolved").map((p) => p.unresolved);
    const internet = (0, addresses_1.internetCidrsOf)(cidrPeers.map((p) => p.cidr), options, others).map(({ cidr, reason }) => ({ peer: cidrPeers.find((p) => p.cidr === cidr), reason }));
    return { verdict: internet.length > 0 ? "yes" : unresolved.length > 0 ? "maybe" : "no", internet, unresolved };
}
/**
 * Does the rule open any of these ports? TCP, UDP and every protocol that opens all ports match;
 * ICMP carries types, not ports, and never matches.
 */
function opensAnyPort(rule, ports) {
    if ((0, unresolved_1.isUnresolved)(rule.protocol))
        return { verdict: "maybe", overlap: [], unresolved: rule.protocol };
    if (rule.protocol.kind === "icmp" || rule.protocol.kind === "icmpv6")
        return { verdict: "no", overlap: [] };
    if ((0, protocol_1.opensEveryPort)(rule.protocol)) {
        const overlap = (0, ports_1.intersectPorts)(ports_1.ALL_PORTS, ports);
        return { verdict: overlap.length > 0 ? "yes" : "no", overlap };
    }
    if ((0, unresolved_1.isUnresolved)(rule.ports))
        return { verdict: "maybe", overlap: [], unresolved: rule.ports };
    const overlap = (0, ports_1.intersectPorts)((0, ports_1.portsOf)(rule.ports), ports);
    return { verdict: overlap.length > 0 ? "yes" : "no", overlap };
}
/** Does the rule open anything beyond the allow-list? */
function beyondAllowList(rule, allow) {
    const protocol = rule.protocol;
    if ((0, unresolved_1.isUnresolved)(protocol))
        return { verdict: "maybe", outside: "", unresolved: protocol };
    if ((0, protocol_1.opensEveryPort)(protocol)) {
        return { verdict: "yes", outside: protocol.kind === "all" ? "every protocol and port" : `IP protocol ${protocol.number} (every port)` };
    }
    if ((0, unresolved_1.isUnresolved)(rule.ports))
        return { verdict: "maybe", outside: "", unresolved: rule.ports };
    const spec = rule.ports;
    if (protocol.kind === "icmp" || protocol.kind === "icmpv6") {
        const allowed = protocol.kind === "icmp" ? allow.icmpTypes : allow.icmpv6Types;
        const label = protocol.kind === "icmp" ? "ICMP" : "ICMPv6";
        if (spec.kind !== "icmp" || spec.type === undefined)
            return { verdict: "yes", outside: `${label} of every type` };
        return allowed.includes(spec.type) ? { verdict: "no", outside: "" } : { verdict: "yes", outside: `${label} type ${spec.type}` };
    }
    const label = protocol.kind === "tcp" ? "TCP" : "UDP";
    if (spec.kind === "all")
        return { verdict: "yes", outside: `${label} on every port` };
    const outsidePorts = (0, ports_1.subtractPorts)((0, ports_1.portsOf)(spec), protocol.kind === "tcp" ? allow.tcp : allow.udp);
    if (outsidePorts.length === 0)
        return { verdict: "no", outside: "" };
    const text = outsidePorts.map(([from, to]) => (from === to ? `${from}` : `${from}-${to}`)).join(", ");
    return { verdict: "yes", outside: `${label} ${outsidePorts.length === 1 && outsidePorts[0][0] === outsidePorts[0][1] ? "port" : "ports"} ${text}` };
}
