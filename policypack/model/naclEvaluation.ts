/**
 * First-match evaluation of network ACL entries, as AWS does it: entries in rule-number order, the
 * first entry that matches a packet decides, and a packet no entry matches is denied. Evaluated with
 * address-set arithmetic: a deny that covers part of a later allow removes that part. One walk,
 * `firstMatch`, answers every question asked of an ACL: which entries let the internet reach a port
 * (naclExposure.ts, for policies and reachability) and which replies a direction drops (below).
 */
import { cidrInterval } from "./addresses";
import { Family, FAMILY_BITS, Interval, intersect, intersects, normalize, subtract } from "./addressSet";
import { PortSet, portsOf } from "./ports";
import { Rule } from "./rule";
import { Unresolved, isUnresolved } from "./unresolved";
import { Tri } from "./exposure";

export type Transport = "tcp" | "udp";

/** A kind of traffic to evaluate: TCP or UDP on a range of ports, or another IP protocol (which has no ports). */
export type Traffic = { protocol: Transport; ports: readonly [number, number] } | { protocol: "other"; number: number };

export const FAMILIES: readonly Family[] = [4, 6];

/** Addresses by family, as entries match them and walks narrow them. */
export type AddressSets = Record<Family, Interval[]>;

/** Every address of both families. */
export function everyAddress(): AddressSets {
    return { 4: [{ first: 0n, last: (1n << BigInt(FAMILY_BITS[4])) - 1n }], 6: [{ first: 0n, last: (1n << BigInt(FAMILY_BITS[6])) - 1n }] };
}

/** The entries whose rule number is known, in evaluation order, and those whose place in the order is unknown. */
export function inEvaluationOrder(entries: readonly Rule[]): { ordered: Rule[]; unordered: Rule[] } {
    const numbered = entries.flatMap((entry) => (typeof entry.ruleNumber === "number" ? [{ entry, number: entry.ruleNumber }] : []));
    numbered.sort((a, b) => a.number - b.number);
    return { ordered: numbered.map(({ entry }) => entry), unordered: entries.filter((entry) => typeof entry.ruleNumber !== "number") };
}

/** Why an entry's place in the evaluation order is unknown. */
export function ruleNumberDoubt(entry: Rule): Unresolved | undefined {
    return isUnresolved(entry.ruleNumber) ? entry.ruleNumber : undefined;
}

/** Splits port ranges at every entry's range boundary, so that each piece is matched by an entry wholly or not at all. */
export function trafficSegments(entries: readonly Rule[], ports: PortSet): Array<readonly [number, number]> {
    // Indexed loops, nothing destructured: every NACL of every request comes here (README, "Loops V8 compiles quickly").
    const cuts: number[] = [];
    for (let i = 0; i < entries.length; i++) {
        const entryPorts = entries[i].ports;
        if (isUnresolved(entryPorts) || entryPorts.kind !== "range") continue;
        cuts.push(entryPorts.from, entryPorts.to + 1);
    }
    cuts.sort((a, b) => a - b);
    const out: Array<readonly [number, number]> = [];
    for (let p = 0; p < ports.length; p++) {
        let start = ports[p][0];
        const to = ports[p][1];
        // A repeated cut changes nothing: the second finds start already there.
        for (let c = 0; c < cuts.length; c++) {
            const cut = cuts[c];
            if (cut > start && cut <= to) {
                out.push([start, cut - 1]);
                start = cut;
            }
        }
        out.push([start, to]);
    }
    return out;
}

type Match = Readonly<{ verdict: Tri; unresolved?: Unresolved }>;
const MATCHES: Match = Object.freeze({ verdict: "yes" });
const DOES_NOT_MATCH: Match = Object.freeze({ verdict: "no" });

/** Does the entry match this traffic? Traffic is cut at entry boundaries (trafficSegments), so containment decides. */
export function matches(entry: Rule, traffic: Traffic): Match {
    const protocol = entry.protocol;
    if (isUnresolved(protocol)) return { verdict: "maybe", unresolved: protocol };
    if (protocol.kind === "all") return MATCHES;
    if (traffic.protocol === "other") return protocol.kind === "number" && protocol.number === traffic.number ? MATCHES : DOES_NOT_MATCH;
    if (protocol.kind !== traffic.protocol) return DOES_NOT_MATCH;
    const ports = entry.ports;
    if (isUnresolved(ports)) return { verdict: "maybe", unresolved: ports };
    const [from, to] = traffic.ports;
    // As portsOf(entry.ports) reads them: "all" is 0-65535, a range itself, anything else no port.
    if (ports.kind === "all") return 0 <= from && to <= 65535 ? MATCHES : DOES_NOT_MATCH;
    if (ports.kind === "range") return ports.from <= from && to <= ports.to ? MATCHES : DOES_NOT_MATCH;
    return DOES_NOT_MATCH;
}

type EntryAddresses = Readonly<{ sets: Readonly<AddressSets>; unresolved?: Unresolved }>;

/** Computed once per entry: every walk, segment and overlap question of its ACL asks again. */
const addressesOfEntry = new WeakMap<Rule, EntryAddresses>();

/** The addresses an entry matches, by family (an entry has a CIDR of one family, or none). Frozen: shared by every caller. */
export function entryAddresses(entry: Rule): EntryAddresses {
    let addresses = addressesOfEntry.get(entry);
    if (!addresses) {
        addresses = computeEntryAddresses(entry);
        for (const family of FAMILIES) Object.freeze(addresses.sets[family]);
        Object.freeze(addresses.sets);
        addressesOfEntry.set(entry, Object.freeze(addresses));
    }
    return addresses;
}

function computeEntryAddresses(entry: Rule): { sets: AddressSets; unresolved?: Unresolved } {
    const sets: AddressSets = { 4: [], 6: [] };
    for (const peer of entry.peers) {
        if (peer.kind === "unresolved") return { sets, unresolved: peer.unresolved };
        if (peer.kind === "cidr") sets[peer.cidr.family] = normalize([...sets[peer.cidr.family], ...cidrInterval(peer.cidr)]);
    }
    return { sets };
}

/** What one entry does in a first-match walk. */
export type Step =
    /** The entry matches: it decides these addresses (those no earlier entry decided), by its action. */
    | { entry: Rule; action: "allow" | "deny"; decided: AddressSets }
    /** The entry may match, or its action or addresses cannot be read: it decides nothing for certain. */
    | { entry: Rule; doubt: Unresolved };

/**
 * Walks `ordered` entries (see inEvaluationOrder) for one kind of traffic from the `from` addresses:
 * each matching entry decides the addresses no earlier one decided. Returns every step, and the
 * addresses no entry decided (which AWS denies).
 */
export function firstMatch(ordered: readonly Rule[], traffic: Traffic, from: AddressSets): { steps: Step[]; undecided: AddressSets } {
    const undecided: AddressSets = { 4: from[4], 6: from[6] };
    const steps: Step[] = [];
    for (const entry of ordered) {
        const match = matches(entry, traffic);
        if (match.verdict === "no") continue;
        const addresses = entryAddresses(entry);
        // What cannot be read is named in this order: the match, the addresses, the action.
        const doubt = match.unresolved ?? addresses.unresolved;
        const action = entry.action;
        if (isUnresolved(action)) {
            steps.push({ entry, doubt: doubt ?? action });
            continue;
        }
        if (doubt !== undefined) {
            steps.push({ entry, doubt });
            continue;
        }
        const decided: AddressSets = { 4: [], 6: [] };
        for (const family of FAMILIES) {
            decided[family] = intersect(undecided[family], addresses.sets[family]);
            undecided[family] = subtract(undecided[family], addresses.sets[family]);
        }
        steps.push({ entry, action, decided });
    }
    return { steps, undecided };
}

// --- Which traffic a direction allows, for stateless replies -------------------------------------

/** Whether every part of an entry is known (rule number, action, protocol, ports, CIDRs). */
export function fullyKnown(entry: Rule): boolean {
    return (
        !isUnresolved(entry.protocol) &&
        !isUnresolved(entry.ports) &&
        !isUnresolved(entry.action) &&
        typeof entry.ruleNumber === "number" &&
        entry.peers.every((p) => p.kind === "cidr")
    );
}

const BOTH_TRANSPORTS: readonly Transport[] = Object.freeze(["tcp", "udp"]);
const TCP: readonly Transport[] = Object.freeze(["tcp"]);
const UDP: readonly Transport[] = Object.freeze(["udp"]);
const NO_TRANSPORT: readonly Transport[] = Object.freeze([]);

/** The transports (TCP, UDP) an entry matches; none for ICMP or other protocols. */
export function transportsOf(entry: Rule): readonly Transport[] {
    if (isUnresolved(entry.protocol)) return NO_TRANSPORT;
    if (entry.protocol.kind === "all") return BOTH_TRANSPORTS;
    return entry.protocol.kind === "tcp" ? TCP : entry.protocol.kind === "udp" ? UDP : NO_TRANSPORT;
}

/** The TCP/UDP ports an entry matches. */
export function entryPorts(entry: Rule): PortSet {
    if (isUnresolved(entry.protocol) || isUnresolved(entry.ports)) return [];
    return entry.protocol.kind === "all" ? [[0, 65535]] : portsOf(entry.ports);
}

/**
 * What part of `ports` the entries of one direction do NOT allow for `transport` traffic with any of
 * the `wanted` addresses: the pieces where some wanted address meets a deny first, or no entry at all.
 * Entries that are not fully known are left out: callers say "cannot verify" for those. Prepared once
 * for a direction's entries and ports, then asked for each transport and set of addresses.
 */
export function portsNotAllowedBy(entries: readonly Rule[], ports: PortSet): (transport: Transport, wanted: AddressSets) => PortSet {
    const { ordered } = inEvaluationOrder(entries.filter(fullyKnown));
    const segments = trafficSegments(ordered, ports);
    return (transport, wanted) => segments.filter((segment) => !allowsEvery(ordered, { protocol: transport, ports: segment }, wanted));
}

/**
 * Whether every one of `wanted` meets an allow before any deny, walking `ordered` fully known entries
 * as firstMatch does, but only as far as the answer is open.
 */
function allowsEvery(ordered: readonly Rule[], traffic: Traffic, wanted: AddressSets): boolean {
    let undecided4 = wanted[4];
    let undecided6 = wanted[6];
    for (const entry of ordered) {
        if (undecided4.length === 0 && undecided6.length === 0) return true;
        // Fully known entries only (portsNotAllowedBy): a match is "yes" or "no", never "maybe".
        if (matches(entry, traffic).verdict === "no") continue;
        const sets = entryAddresses(entry).sets;
        if (entry.action === "deny" && (intersects(undecided4, sets[4]) || intersects(undecided6, sets[6]))) return false;
        undecided4 = subtract(undecided4, sets[4]);
        undecided6 = subtract(undecided6, sets[6]);
    }
    return undecided4.length === 0 && undecided6.length === 0;
}
