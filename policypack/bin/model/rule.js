"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.cidrPeer = cidrPeer;
exports.referencePeer = referencePeer;
exports.unreadableRule = unreadableRule;
exports.peerLabel = peerLabel;
exports.peersLabel = peersLabel;
exports.ruleLocation = ruleLocation;
exports.protocolAndPorts = protocolAndPorts;
exports.ruleFacts = ruleFacts;
exports.describeRule = describeRule;
/** The one model every adapter produces and every policy reads. */
const addresses_1 = require("./addresses");
const ports_1 = require("./ports");
const protocol_1 = require("./protocol");
const propertyReaders_1 = require("./propertyReaders");
const unresolved_1 = require("./unresolved");
// --- Reading peers from raw props ---------------------------------------------------------------
/** Reads a CIDR string into a peer; unknown and malformed values become unresolved peers. */
function cidrPeer(raw, property) {
    if ((0, propertyReaders_1.isUnknown)(raw))
        return { kind: "unresolved", unresolved: (0, unresolved_1.unknownAt)(property), property };
    if (typeof raw !== "string")
        return { kind: "unresolved", unresolved: (0, unresolved_1.malformedAt)(property, raw, "not a CIDR string"), property };
    const parsed = (0, addresses_1.parseCidr)(raw);
    if (typeof parsed === "string")
        return { kind: "unresolved", unresolved: (0, unresolved_1.malformedAt)(property, raw, parsed), property };
    return { kind: "cidr", cidr: parsed, property };
}
/** Reads an id-like reference (security group, prefix list); an unknown id is still a reference of that kind. */
function referencePeer(kind, raw, property) {
    return { kind, id: typeof raw === "string" && !(0, propertyReaders_1.isUnknown)(raw) ? raw : undefined, property };
}
/**
 * A rule whose whole content is unknown or malformed (an unknown or non-object list element): every
 * part is unresolved, so every check says "cannot verify"; its peer may be of any kind.
 */
function unreadableRule(direction, path, why, origin) {
    return {
        direction,
        action: "allow",
        protocol: why,
        ports: why,
        peers: [{ kind: "unresolved", unresolved: why, property: path, anyKind: true }],
        description: why,
        origin: { ...origin, path },
    };
}
// --- Describing rules in messages ---------------------------------------------------------------
function peerLabel(peer) {
    switch (peer.kind) {
        case "cidr": {
            const form = (0, addresses_1.canonical)(peer.cidr);
            return peer.cidr.text === form ? form : `${peer.cidr.text} (= ${form})`;
        }
        case "securityGroup":
            return peer.id ? `security group ${peer.id}` : "a security group (id not known yet)";
        case "self":
            return "the group itself (self)";
        case "prefixList":
            return peer.id ? `prefix list ${peer.id}` : "a prefix list (id not known yet)";
        case "unresolved":
            return peer.unresolved.kind === "unknown" ? `${peer.property} (not known yet)` : `${peer.property} = ${(0, unresolved_1.show)(peer.unresolved.value)} (malformed)`;
    }
}
/** Several peers in words, as messages list them. */
function peersLabel(peers) {
    return peers.map(peerLabel).join(", ");
}
/** "ingress[1]" for inline rules, the resource's own name for standalone rule resources. */
function ruleLocation(rule) {
    return rule.origin.path ? `${rule.origin.resourceName} ${rule.origin.path}` : `${rule.origin.resourceName} (standalone ${rule.direction} rule)`;
}
function protocolAndPorts(rule) {
    if ((0, unresolved_1.isUnresolved)(rule.protocol))
        return `protocol unknown (${rule.protocol.property})`;
    const label = (0, protocol_1.protocolLabel)(rule.protocol);
    if ((0, protocol_1.opensEveryPort)(rule.protocol))
        return `${label}, all ports`;
    if ((0, unresolved_1.isUnresolved)(rule.ports))
        return `${label}, ports unknown (${rule.ports.property})`;
    return `${label} ${(0, ports_1.formatPortSpec)(rule.ports)}`;
}
/** A rule as structured facts for reports and tools: where it is, its protocol and its ports, in the words messages use. */
function ruleFacts(rule) {
    const protocol = (0, unresolved_1.isUnresolved)(rule.protocol) ? "unknown" : (0, protocol_1.protocolLabel)(rule.protocol);
    const ports = (0, unresolved_1.isUnresolved)(rule.protocol)
        ? "unknown"
        : (0, protocol_1.opensEveryPort)(rule.protocol)
            ? "all"
            : (0, unresolved_1.isUnresolved)(rule.ports)
                ? "unknown"
                : (0, ports_1.formatPortSpec)(rule.ports);
    return { rule: rule.origin.path || `standalone ${rule.direction} rule`, ruleUrn: rule.origin.urn, protocol, ports };
}
/** One line naming a rule: where it is, protocol, ports and peers. */
function describeRule(rule, peers = rule.peers) {
    const preposition = rule.direction === "ingress" ? "from" : "to";
    const action = rule.action === "deny" ? "denies" : rule.action === "allow" ? "allows" : "allows or denies (action unknown)";
    const number = rule.ruleNumber !== undefined && !(0, unresolved_1.isUnresolved)(rule.ruleNumber) ? ` (rule #${rule.ruleNumber})` : "";
    return `${ruleLocation(rule)}${number} ${action} ${protocolAndPorts(rule)} ${preposition} ${peersLabel(peers)}`;
}
