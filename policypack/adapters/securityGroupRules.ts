/**
 * Reading one security-group rule, whatever resource it comes from. The resource families name the
 * same things differently (cidrBlocks / cidrIpv4 / cidrIp, ...); each family describes its names
 * once as a RuleShape and this module does the reading.
 */
import { Direction, Peer, Rule, RuleOrigin, cidrPeer, referencePeer, unreadableRule } from "../model/rule";
import { parsePortSpec } from "../model/ports";
import { parseProtocol } from "../model/protocol";
import { field, isUnknown, readBoolean, readList, readString } from "../model/propertyReaders";
import { Unresolved, isUnresolved, malformedAt, unknownAt } from "../model/unresolved";

interface PeerField {
    name: string;
    /** A list of values (cidrBlocks) or a single one (cidrIpv4). */
    list: boolean;
}

export interface RuleShape {
    protocol: string;
    cidrs: PeerField[];
    securityGroups: PeerField[];
    prefixLists: PeerField[];
    /** The boolean that makes the group itself a peer, where the family has one. */
    self?: string;
}

function join(prefix: string, name: string): string {
    return prefix ? `${prefix}.${name}` : name;
}

type PeerKind = "cidr" | "securityGroup" | "prefixList";

/** One value of a peer field as a peer: a CIDR (or its unknown or malformed stand-in), or a reference. */
function peerOf(kind: PeerKind, value: unknown, property: string): Peer {
    if (kind !== "cidr") return referencePeer(kind, value, property);
    return isUnresolved(value) ? { kind: "unresolved", unresolved: value, property } : cidrPeer(value, property);
}

/** Adds the peers of each of these fields that the rule object has. */
function addPeers(peers: Peer[], raw: unknown, prefix: string, fields: readonly PeerField[], kind: PeerKind): void {
    // Indexed loops, no closures: read for every rule of every request (README, "Loops V8 compiles quickly").
    for (let f = 0; f < fields.length; f++) {
        const name = fields[f].name;
        const value = field(raw, name);
        if (value === undefined) continue;
        const property = join(prefix, name);
        if (!fields[f].list) {
            peers.push(peerOf(kind, value, property));
            continue;
        }
        const list = readList(value, property);
        if (list === undefined) continue;
        if (Array.isArray(list)) for (let i = 0; i < list.length; i++) peers.push(peerOf(kind, list[i], `${property}[${i}]`));
        // A list that is unknown or not a list: one peer standing for all of it (an unresolved CIDR, or a reference).
        else peers.push(peerOf(kind, isUnknown(value) ? value : malformedAt(property, value, "not a list"), property));
    }
}

function readPeers(raw: unknown, prefix: string, shape: RuleShape): Peer[] {
    const peers: Peer[] = [];
    addPeers(peers, raw, prefix, shape.cidrs, "cidr");
    addPeers(peers, raw, prefix, shape.securityGroups, "securityGroup");
    addPeers(peers, raw, prefix, shape.prefixLists, "prefixList");
    if (shape.self) {
        const self = readBoolean(field(raw, shape.self), join(prefix, shape.self));
        if (self === true) peers.push({ kind: "self", property: join(prefix, shape.self) });
    }
    return peers;
}

/** Reads one rule object (an inline list element or a standalone rule resource's props). */
export function readSecurityGroupRule(raw: unknown, direction: Direction, prefix: string, shape: RuleShape, origin: RuleOrigin): Rule {
    const protocol = parseProtocol(field(raw, shape.protocol), join(prefix, shape.protocol));
    const ports = parsePortSpec(protocol, field(raw, "fromPort"), field(raw, "toPort"), join(prefix, "fromPort"), join(prefix, "toPort"));
    const description = readString(field(raw, "description"), join(prefix, "description"));
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
export function readInlineRules(
    props: unknown,
    listName: string,
    direction: Direction,
    shape: RuleShape,
    origin: RuleOrigin,
): { rules: Rule[]; unreadable?: Unresolved } {
    const raw = field(props, listName);
    const list = readList(raw, listName);
    if (list === undefined) return { rules: [] };
    if (!Array.isArray(list)) return { rules: [], unreadable: list };
    const rules: Rule[] = [];
    list.forEach((element, i) => {
        const path = `${listName}[${i}]`;
        if (isUnknown(element)) {
            rules.push(unreadableRule(direction, path, unknownAt(path), origin));
        } else if (typeof element !== "object" || element === null || Array.isArray(element)) {
            rules.push(unreadableRule(direction, path, malformedAt(path, element, "not a rule object"), origin));
        } else {
            rules.push(readSecurityGroupRule(element, direction, path, shape, origin));
        }
    });
    return { rules };
}
