"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.readSecurityGroupRule = readSecurityGroupRule;
exports.readInlineRules = readInlineRules;
/**
 * Reading one security-group rule, whatever resource it comes from. The resource families name the
 * same things differently (cidrBlocks / cidrIpv4 / cidrIp, ...); each family describes its names
 * once as a RuleShape and this module does the reading.
 */
const rule_1 = require("../model/rule");
const ports_1 = require("../model/ports");
const protocol_1 = require("../model/protocol");
const propertyReaders_1 = require("../model/propertyReaders");
const unresolved_1 = require("../model/unresolved");
function join(prefix, name) {
    return prefix ? `${prefix}.${name}` : name;
}
/** One value of a peer field as a peer: a CIDR (or its unknown or malformed stand-in), or a reference. */
function peerOf(kind, value, property) {
    if (kind !== "cidr")
        return (0, rule_1.referencePeer)(kind, value, property);
    return (0, unresolved_1.isUnresolved)(value) ? { kind: "unresolved", unresolved: value, property } : (0, rule_1.cidrPeer)(value, property);
}
/** Adds the peers of each of these fields that the rule object has. */
function addPeers(peers, raw, prefix, fields, kind) {
    // Indexed loops, no closures: read for every rule of every request (README, "Loops V8 compiles quickly").
    for (let f = 0; f < fields.length; f++) {
        const name = fields[f].name;
        const value = (0, propertyReaders_1.field)(raw, name);
        if (value === undefined)
            continue;
        const property = join(prefix, name);
        if (!fields[f].list) {
            peers.push(peerOf(kind, value, property));
            continue;
        }
        const list = (0, propertyReaders_1.readList)(value, property);
        if (list === undefined)
            continue;
        if (Array.isArray(list))
            for (let i = 0; i < list.length; i++)
                peers.push(peerOf(kind, list[i], `${property}[${i}]`));
        // A list that is unknown or not a list: one peer standing for all of it (an unresolved CIDR, or a reference).
        else
            peers.push(peerOf(kind, (0, propertyReaders_1.isUnknown)(value) ? value : (0, unresolved_1.malformedAt)(property, value, "not a list"), property));
    }
}
function readPeers(raw, prefix, shape) {
    const peers = [];
    addPeers(peers, raw, prefix, shape.cidrs, "cidr");
    addPeers(peers, raw, prefix, shape.securityGroups, "securityGroup");
    addPeers(peers, raw, prefix, shape.prefixLists, "prefixList");
    if (shape.self) {
        const self = (0, propertyReaders_1.readBoolean)((0, propertyReaders_1.field)(raw, shape.self), join(prefix, shape.self));
        if (self === true)
            peers.push({ kind: "self", property: join(prefix, shape.self) });
    }
    return peers;
}
/** Reads one rule object (an inline list element or a standalone rule resource's props). */
function readSecurityGroupRule(raw, direction, prefix, shape, origin) {
    const protocol = (0, protocol_1.parseProtocol)((0, propertyReaders_1.field)(raw, shape.protocol), join(prefix, shape.protocol));
    const ports = (0, ports_1.parsePortSpec)(protocol, (0, propertyReaders_1.field)(raw, "fromPort"), (0, propertyReaders_1.field)(raw, "toPort"), join(prefix, "fromPort"), join(prefix, "toPort"));
    const description = (0, propertyReaders_1.readString)((0, propertyReaders_1.field)(raw, "description"), join(prefix, "description"));
    return {
        direction,
        action: "allow",
        protocol,
        ports,
        peers: readPeers(raw, prefix, shape),
        description,
        origin: { ...origin, path: prefix },
    };
}
/**
 * Reads an inline rule list (`ingress`, `securityGroupEgress`, ...). Returns the rules, or the
 * reason the list as a whole could not be read.
 */
function readInlineRules(props, listName, direction, shape, origin) {
    const raw = (0, propertyReaders_1.field)(props, listName);
    const list = (0, propertyReaders_1.readList)(raw, listName);
    if (list === undefined)
        return { rules: [] };
    if (!Array.isArray(list))
        return { rules: [], unreadable: list };
    const rules = [];
    list.forEach((element, i) => {
        const path = `${listName}[${i}]`;
        if ((0, propertyReaders_1.isUnknown)(element)) {
            rules.push((0, rule_1.unreadableRule)(direction, path, (0, unresolved_1.unknownAt)(path), origin));
        }
        else if (typeof element !== "object" || element === null || Array.isArray(element)) {
            rules.push((0, rule_1.unreadableRule)(direction, path, (0, unresolved_1.malformedAt)(path, element, "not a rule object"), origin));
        }
        else {
            rules.push(readSecurityGroupRule(element, direction, path, shape, origin));
        }
    });
    return { rules };
}
