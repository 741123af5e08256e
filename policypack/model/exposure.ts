/**
 * Questions policies ask of one rule, answered in three values: "yes", "no", or "maybe" when an
 * unknown or malformed value leaves the answer open. A policy reports a violation when every
 * question it asks is "yes", and "cannot be verified" when none is "no" and some are "maybe".
 */
import { InternetOptions, definitionKey, internetCidrsOf } from "./addresses";
import { AnswerCache } from "./answerCache";
import { ALL_PORTS, PortSet, intersectPorts, portsOf, subtractPorts } from "./ports";
import { opensEveryPort } from "./protocol";
import { Peer, Rule } from "./rule";
import { Unresolved, isUnresolved } from "./unresolved";

export type Tri = "yes" | "no" | "maybe";

/** Combines the answers of several questions that must all be "yes". */
export function all(...answers: Tri[]): Tri {
    if (answers.includes("no")) return "no";
    return answers.includes("maybe") ? "maybe" : "yes";
}

export interface InternetExposure {
    verdict: Tri;
    /** The peers that are the internet, each with why. */
    internet: Array<{ peer: Peer; reason: string }>;
    /** Values that could be the internet but cannot be read. */
    unresolved: Unresolved[];
}

/**
 * Answers per rule and internet definition. Rule models are shared by the policies of a request
 * (and a group's rules by every resource carrying it), so several policies ask the same question.
 */
const exposures = new AnswerCache<Rule, Readonly<InternetExposure>>();

/** Does the rule's peer set include the internet (by the pack's definition)? The answer is shared: never modify it. */
export function internetExposure(rule: Rule, options: InternetOptions): Readonly<InternetExposure> {
    return exposures.get(rule, definitionKey(options), () => computeInternetExposure(rule, options));
}

function computeInternetExposure(rule: Rule, options: InternetOptions): InternetExposure {
    return peersInternetExposure(rule.peers, options);
}

/**
 * Does a set of address peers include the internet: one rule's peers, or the entries of a prefix list
 * (a rule naming the list opens its ports to all of them)? CIDRs count alone or together (a union
 * covering a family); unknown or malformed ones leave the answer open.
 */
export function peersInternetExposure(peers: readonly Peer[], options: InternetOptions, others?: string): InternetExposure {
    const cidrPeers = peers.filter((p): p is Peer & { kind: "cidr" } => p.kind === "cidr");
    const unresolved = peers.filter((p): p is Peer & { kind: "unresolved" } => p.kind === "unresolved").map((p) => p.unresolved);
    const internet = internetCidrsOf(
        cidrPeers.map((p) => p.cidr),
        options,
        others,
    ).map(({ cidr, reason }) => ({ peer: cidrPeers.find((p) => p.cidr === cidr)!, reason }));
    return { verdict: internet.length > 0 ? "yes" : unresolved.length > 0 ? "maybe" : "no", internet, unresolved };
}

export interface PortOverlap {
    verdict: Tri;
    /** The sensitive ports the rule opens (for "yes"). */
    overlap: PortSet;
    unresolved?: Unresolved;
}

/**
 * Does the rule open any of these ports? TCP, UDP and every protocol that opens all ports match;
 * ICMP carries types, not ports, and never matches.
 */
export function opensAnyPort(rule: Rule, ports: PortSet): PortOverlap {
    if (isUnresolved(rule.protocol)) return { verdict: "maybe", overlap: [], unresolved: rule.protocol };
    if (rule.protocol.kind === "icmp" || rule.protocol.kind === "icmpv6") return { verdict: "no", overlap: [] };
    if (opensEveryPort(rule.protocol)) {
        const overlap = intersectPorts(ALL_PORTS, ports);
        return { verdict: overlap.length > 0 ? "yes" : "no", overlap };
    }
    if (isUnresolved(rule.ports)) return { verdict: "maybe", overlap: [], unresolved: rule.ports };
    const overlap = intersectPorts(portsOf(rule.ports), ports);
    return { verdict: overlap.length > 0 ? "yes" : "no", overlap };
}

export interface AllowList {
    tcp: PortSet;
    udp: PortSet;
    icmpTypes: readonly number[];
    icmpv6Types: readonly number[];
}

export interface AllowListCheck {
    verdict: Tri;
    /** What the rule opens beyond the allow-list, in words. */
    outside: string;
    unresolved?: Unresolved;
}

/** Does the rule open anything beyond the allow-list? */
export function beyondAllowList(rule: Rule, allow: AllowList): AllowListCheck {
    const protocol = rule.protocol;
    if (isUnresolved(protocol)) return { verdict: "maybe", outside: "", unresolved: protocol };
    if (opensEveryPort(protocol)) {
        return { verdict: "yes", outside: protocol.kind === "all" ? "every protocol and port" : `IP protocol ${protocol.number} (every port)` };
    }
    if (isUnresolved(rule.ports)) return { verdict: "maybe", outside: "", unresolved: rule.ports };
    const spec = rule.ports;
    if (protocol.kind === "icmp" || protocol.kind === "icmpv6") {
        const allowed = protocol.kind === "icmp" ? allow.icmpTypes : allow.icmpv6Types;
        const label = protocol.kind === "icmp" ? "ICMP" : "ICMPv6";
        if (spec.kind !== "icmp" || spec.type === undefined) return { verdict: "yes", outside: `${label} of every type` };
        return allowed.includes(spec.type) ? { verdict: "no", outside: "" } : { verdict: "yes", outside: `${label} type ${spec.type}` };
    }
    const label = protocol.kind === "tcp" ? "TCP" : "UDP";
    if (spec.kind === "all") return { verdict: "yes", outside: `${label} on every port` };
    const outsidePorts = subtractPorts(portsOf(spec), protocol.kind === "tcp" ? allow.tcp : allow.udp);
    if (outsidePorts.length === 0) return { verdict: "no", outside: "" };
    const text = outsidePorts.map(([from, to]) => (from === to ? `${from}` : `${from}-${to}`)).join(", ");
    return { verdict: "yes", outside: `${label} ${outsidePorts.length === 1 && outsidePorts[0][0] === outsidePorts[0][1] ? "port" : "ports"} ${text}` };
}
