/** The one model every adapter produces and every policy reads. */
import { Cidr, canonical, parseCidr } from "./addresses";
import { PortSpec, formatPortSpec } from "./ports";
import { Protocol, opensEveryPort, protocolLabel } from "./protocol";
import { isUnknown } from "./propertyReaders";
import { Unresolved, isUnresolved, malformedAt, show, unknownAt } from "./unresolved";

export type Peer =
    | { kind: "cidr"; cidr: Cidr; property: string }
    /** A security-group reference; `id` is undefined while the group does not exist yet. */
    | { kind: "securityGroup"; id?: string; property: string }
    | { kind: "self"; property: string }
    | { kind: "prefixList"; id?: string; property: string }
    /**
     * A CIDR that could not be read (unknown during a preview, or malformed); with `anyKind`, a peer
     * whose very kind is unknown (the whole rule is unknown), which may be a CIDR or a reference.
     */
    | { kind: "unresolved"; unresolved: Unresolved; property: string; anyKind?: boolean };

export type Direction = "ingress" | "egress";

export interface RuleOrigin {
    urn: string;
    resourceName: string;
    resourceType: string;
    /** Where the rule sits in the resource: `ingress[1]`, `securityGroupEgress[0]`, or "" for a standalone rule resource. */
    path: string;
}

export interface Rule {
    direction: Direction;
    /** Security-group rules always allow; NACL entries allow or deny (unresolved when unreadable). */
    action: "allow" | "deny" | Unresolved;
    protocol: Protocol | Unresolved;
    ports: PortSpec | Unresolved;
    peers: Peer[];
    /** undefined when absent; Unresolved when unknown or not a string. */
    description: string | Unresolved | undefined;
    /** NACL entries only. */
    ruleNumber?: number | Unresolved;
    origin: RuleOrigin;
    /** Set when the rule is not written in the program but exists in AWS anyway (e.g. the default egress rule). */
    implicit?: string;
}

/** What an adapter makes of one resource. */
export interface ResourceRules {
    rules: Rule[];
    /** Whole properties that could not be read (e.g. `ingress` unknown during a preview): rules may hide there. */
    unreadable: Array<{ direction: Direction; unresolved: Unresolved }>;
}

// --- Reading peers from raw props ---------------------------------------------------------------

/** Reads a CIDR string into a peer; unknown and malformed values become unresolved peers. */
export function cidrPeer(raw: unknown, property: string): Peer {
    if (isUnknown(raw)) return { kind: "unresolved", unresolved: unknownAt(property), property };
    if (typeof raw !== "string") return { kind: "unresolved", unresolved: malformedAt(property, raw, "not a CIDR string"), property };
    const parsed = parseCidr(raw);
    if (typeof parsed === "string") return { kind: "unresolved", unresolved: malformedAt(property, raw, parsed), property };
    return { kind: "cidr", cidr: parsed, property };
}

/** Reads an id-like reference (security group, prefix list); an unknown id is still a reference of that kind. */
export function referencePeer(kind: "securityGroup" | "prefixList", raw: unknown, property: string): Peer {
    return { kind, id: typeof raw === "string" && !isUnknown(raw) ? raw : undefined, property };
}

/**
 * A rule whose whole content is unknown or malformed (an unknown or non-object list element): every
 * part is unresolved, so every check says "cannot verify"; its peer may be of any kind.
 */
export function unreadableRule(direction: Direction, path: string, why: Unresolved, origin: RuleOrigin): Rule {
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

export function peerLabel(peer: Peer): string {
    switch (peer.kind) {
        case "cidr": {
            const form = canonical(peer.cidr);
            return peer.cidr.text === form ? form : `${peer.cidr.text} (= ${form})`;
        }
        case "securityGroup":
            return peer.id ? `security group ${peer.id}` : "a security group (id not known yet)";
        case "self":
            return "the group itself (self)";
        case "prefixList":
            return peer.id ? `prefix list ${peer.id}` : "a prefix list (id not known yet)";
        case "unresolved":
            return peer.unresolved.kind === "unknown" ? `${peer.property} (not known yet)` : `${peer.property} = ${show(peer.unresolved.value)} (malformed)`;
    }
}

/** Several peers in words, as messages list them. */
export function peersLabel(peers: readonly Peer[]): string {
    return peers.map(peerLabel).join(", ");
}

/** "ingress[1]" for inline rules, the resource's own name for standalone rule resources. */
export function ruleLocation(rule: Rule): string {
    return rule.origin.path ? `${rule.origin.resourceName} ${rule.origin.path}` : `${rule.origin.resourceName} (standalone ${rule.direction} rule)`;
}

export function protocolAndPorts(rule: Rule): string {
    if (isUnresolved(rule.protocol)) return `protocol unknown (${rule.protocol.property})`;
    const label = protocolLabel(rule.protocol);
    if (opensEveryPort(rule.protocol)) return `${label}, all ports`;
    if (isUnresolved(rule.ports)) return `${label}, ports unknown (${rule.ports.property})`;
    return `${label} ${formatPortSpec(rule.ports)}`;
}

/** A rule as structured facts for reports and tools: where it is, its protocol and its ports, in the words messages use. */
export function ruleFacts(rule: Rule): { rule: string; ruleUrn: string; protocol: string; ports: string } {
    const protocol = isUnresolved(rule.protocol) ? "unknown" : protocolLabel(rule.protocol);
    const ports = isUnresolved(rule.protocol)
        ? "unknown"
        : opensEveryPort(rule.protocol)
          ? "all"
          : isUnresolved(rule.ports)
            ? "unknown"
            : formatPortSpec(rule.ports);
    return { rule: rule.origin.path || `standalone ${rule.direction} rule`, ruleUrn: rule.origin.urn, protocol, ports };
}

/** One line naming a rule: where it is, protocol, ports and peers. */
export function describeRule(rule: Rule, peers: Peer[] = rule.peers): string {
    const preposition = rule.direction === "ingress" ? "from" : "to";
    const action = rule.action === "deny" ? "denies" : rule.action === "allow" ? "allows" : "allows or denies (action unknown)";
    const number = rule.ruleNumber !== undefined && !isUnresolved(rule.ruleNumber) ? ` (rule #${rule.ruleNumber})` : "";
    return `${ruleLocation(rule)}${number} ${action} ${protocolAndPorts(rule)} ${preposition} ${peersLabel(peers)}`;
}
