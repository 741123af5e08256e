"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.nativeNetworkAclEntry = exports.networkAclRule = exports.NATIVE_NETWORK_ACL_ENTRY = exports.AWS_NETWORK_ACL_RULE = exports.AWS_DEFAULT_NETWORK_ACL = exports.AWS_NETWORK_ACL = void 0;
exports.inlineNetworkAcl = inlineNetworkAcl;
/** Network ACLs: the classic provider's inline entries and standalone rules, and aws-native entries. */
const rule_1 = require("../model/rule");
const ports_1 = require("../model/ports");
const protocol_1 = require("../model/protocol");
const propertyReaders_1 = require("../model/propertyReaders");
const unresolved_1 = require("../model/unresolved");
exports.AWS_NETWORK_ACL = "aws:ec2/networkAcl:NetworkAcl";
exports.AWS_DEFAULT_NETWORK_ACL = "aws:ec2/defaultNetworkAcl:DefaultNetworkAcl";
exports.AWS_NETWORK_ACL_RULE = "aws:ec2/networkAclRule:NetworkAclRule";
exports.NATIVE_NETWORK_ACL_ENTRY = "aws-native:ec2:NetworkAclEntry";
const fieldPath = (...keys) => ({ keys, dotted: keys.join(".") });
const INLINE = {
    ruleNumber: "ruleNo",
    action: "action",
    fromPort: fieldPath("fromPort"),
    toPort: fieldPath("toPort"),
    icmpType: fieldPath("icmpType"),
    icmpCode: fieldPath("icmpCode"),
};
const CLASSIC_RULE = { ...INLINE, ruleNumber: "ruleNumber", action: "ruleAction" };
const NATIVE_ENTRY = {
    ruleNumber: "ruleNumber",
    action: "ruleAction",
    fromPort: fieldPath("portRange", "from"),
    toPort: fieldPath("portRange", "to"),
    icmpType: fieldPath("icmp", "type"),
    icmpCode: fieldPath("icmp", "code"),
};
/** A field's name below the entry's own (`ingress[0]`, or "" for a standalone entry), as messages show it. */
function under(prefix, dotted) {
    return prefix === "" ? dotted : `${prefix}.${dotted}`;
}
function readAction(raw, property) {
    if ((0, propertyReaders_1.isUnknown)(raw))
        return (0, unresolved_1.unknownAt)(property);
    const text = typeof raw === "string" ? raw.trim().toLowerCase() : undefined;
    if (text === "allow" || text === "deny")
        return text;
    return (0, unresolved_1.malformedAt)(property, raw, 'expected "allow" or "deny"');
}
/** ICMP entries keep type and code in their own fields; every other entry has a port range. */
function readPorts(protocol, raw, prefix, shape) {
    const icmp = !(0, unresolved_1.isUnresolved)(protocol) && (protocol.kind === "icmp" || protocol.kind === "icmpv6");
    const from = icmp ? shape.icmpType : shape.fromPort;
    const to = icmp ? shape.icmpCode : shape.toPort;
    return (0, ports_1.parsePortSpec)(protocol, (0, propertyReaders_1.fieldAt)(raw, from.keys), (0, propertyReaders_1.fieldAt)(raw, to.keys), under(prefix, from.dotted), under(prefix, to.dotted));
}
const PEER_FIELDS = ["cidrBlock", "ipv6CidrBlock"];
function readPeers(raw, prefix) {
    const peers = [];
    for (const name of PEER_FIELDS) {
        const value = (0, propertyReaders_1.field)(raw, name);
        // The classic provider sends "" for the family an entry does not use.
        if (value === undefined || value === "")
            continue;
        peers.push((0, rule_1.cidrPeer)(value, under(prefix, name)));
    }
    return peers;
}
function readEntry(raw, direction, prefix, shape, origin) {
    const protocol = (0, protocol_1.parseProtocol)((0, propertyReaders_1.field)(raw, "protocol"), under(prefix, "protocol"));
    const action = readAction((0, propertyReaders_1.field)(raw, shape.action), under(prefix, shape.action));
    const ruleNumberAt = under(prefix, shape.ruleNumber);
    const ruleNumber = (0, propertyReaders_1.readInteger)((0, propertyReaders_1.field)(raw, shape.ruleNumber), ruleNumberAt);
    return {
        direction,
        action,
        protocol,
        ports: readPorts(protocol, raw, prefix, shape),
        peers: readPeers(raw, prefix),
        description: undefined,
        ruleNumber: ruleNumber === undefined ? (0, unresolved_1.malformedAt)(ruleNumberAt, undefined, "missing") : ruleNumber,
        origin: { ...origin, path: prefix },
    };
}
/** `aws.ec2.NetworkAcl` and `aws.ec2.DefaultNetworkAcl`: inline `ingress` and `egress` entries. */
function inlineNetworkAcl(props, origin) {
    const result = { rules: [], unreadable: [] };
    for (const direction of ["ingress", "egress"]) {
        const list = (0, propertyReaders_1.readList)((0, propertyReaders_1.field)(props, direction), direction);
        if (list === undefined)
            continue;
        if (!Array.isArray(list)) {
            result.unreadable.push({ direction, unresolved: list });
            continue;
        }
        list.forEach((entry, i) => {
            const path = `${direction}[${i}]`;
            if ((0, propertyReaders_1.isUnknown)(entry) || typeof entry !== "object" || entry === null || Array.isArray(entry)) {
                const why = (0, propertyReaders_1.isUnknown)(entry) ? (0, unresolved_1.unknownAt)(path) : (0, unresolved_1.malformedAt)(path, entry, "not an entry object");
                // NACL entries have no description; the rule number is as unreadable as the rest.
                result.rules.push({ ...(0, rule_1.unreadableRule)(direction, path, why, origin), description: undefined, ruleNumber: why });
            }
            else {
                result.rules.push(readEntry(entry, direction, path, INLINE, origin));
            }
        });
    }
    return result;
}
/** Standalone entries (`aws.ec2.NetworkAclRule`, aws-native `NetworkAclEntry`): `egress` says the direction. */
function standaloneEntry(shape) {
    return (props, origin) => {
        const egress = (0, propertyReaders_1.readBoolean)((0, propertyReaders_1.field)(props, "egress"), "egress");
        if ((0, unresolved_1.isUnresolved)(egress)) {
            return {
                rules: [],
                unreadable: [
                    { direction: "ingress", unresolved: egress },
                    { direction: "egress", unresolved: egress },
                ],
            };
        }
        const direction = egress === true ? "egress" : "ingress";
        return { rules: [readEntry(props, direction, "", shape, origin)], unreadable: [] };
    };
}
exports.networkAclRule = standaloneEntry(CLASSIC_RULE);
exports.nativeNetworkAclEntry = standaloneEntry(NATIVE_ENTRY);
