/**
 * First-match evaluation of network ACL entries, as AWS does it: entries in rule-number order, the
 * first entry that matches a packet decides, and a packet no entry matches is denied. Evaluated with
 * address-set arithmetic: a deny that covers part of a later allow removes that part.
 */
import { InternetOptions, cidrInterval, judgeAddressSet } from "./addresses";
import { Family, FAMILY_BITS, Interval, intersect, isEmpty, normalize, subtract } from "./addressSet";
import { PortSet, intersectPorts, portsOf } from "./ports";
import { Rule } from "./rule";
import { Unresolved, isUnresolved } from "./unresolved";
import { Tri } from "./exposure";

/** A kind of traffic to evaluate: TCP or UDP on some ports, or another IP protocol (which has no ports). */
type Traffic = { protocol: "tcp" | "udp"; ports: readonly [number, number] } | { protocol: number };

export interface NaclExposure {
    entry: Rule;
    verdict: "yes" | "maybe";
    /** What reaches through the entry: "TCP port 22", ... (merged per entry). */
    traffic: string[];
    /** Why the allowed addresses are the internet, or why the entry cannot be verified. */
    reason: string;
    unresolved?: Unresolved;
}

function fullSpace(family: Family): Interval[] {
    return [{ first: 0n, last: (1n << BigInt(FAMILY_BITS[family])) - 1n }];
}

function trafficLabel(traffic: Traffic): string {
    if (typeof traffic.protocol === "number") return `IP protocol ${traffic.protocol} (every port)`;
    const [from, to] = (traffic as { ports: readonly [number, number] }).ports;
    return `${traffic.protocol.toUpperCase()} ${from === to ? `port ${from}` : `ports ${from}-${to}`}`;
}

/** Does the entry match this traffic? */
function matches(entry: Rule, traffic: Traffic): { verdict: Tri; unresolved?: Unresolved } {
    const protocol = entry.protocol;
    if (isUnresolved(protocol)) return { verdict: "maybe", unresolved: protocol };
    if (protocol.kind === "all") return { verdict: "yes" };
    if (typeof traffic.protocol === "number") return { verdict: protocol.kind === "number" && protocol.number === traffic.protocol ? "yes" : "no" };
    if (protocol.kind !== traffic.protocol) return { verdict: "no" };
    if (isUnresolved(entry.ports)) return { verdict: "maybe", unresolved: entry.ports };
    const [from, to] = (traffic as { ports: readonly [number, number] }).ports;
    const ports = portsOf(entry.ports);
    // Traffic segments never straddle an entry's range boundary (see segments()), so containment of `from` decides.
    return { verdict: ports.some(([a, b]) => a <= from && to <= b) ? "yes" : "no" };
}

/** Splits the sensitive ports at every entry boundary, so each segment is matched wholly or not at all. */
function segments(entries: Rule[], sensitive: PortSet): Array<readonly [number, number]> {
    const cuts = new Set<number>();
    for (const entry of entries) {
        if (isUnresolved(entry.ports) || entry.ports.kind !== "range") continue;
        cuts.add(entry.ports.from);
        cuts.add(entry.ports.to + 1);
    }
    const sortedCuts = [...cuts].sort((a, b) => a - b);
    const out: Array<readonly [number, number]> = [];
    for (const [from, to] of sensitive) {
        let start = from;
        for (const cut of sortedCuts) {
            if (cut > start && cut <= to) {
                out.push([start, cut - 1]);
                start = cut;
            }
        }
        out.push([start, to]);
    }
    return out;
}

/** The addresses an entry matches, by family (an entry has a CIDR of one family, or none). */
export function entryAddresses(entry: Rule): { sets: Record<Family, Interval[]>; unresolved?: Unresolved } {
    const sets: Record<Family, Interval[]> = { 4: [], 6: [] };
    for (const peer of entry.peers) {
        if (peer.kind === "unresolved") return { sets, unresolved: peer.unresolved };
        if (peer.kind === "cidr") sets[peer.cidr.family] = normalize([...sets[peer.cidr.family], ...cidrInterval(peer.cidr)]);
    }
    return { sets };
}

/**
 * An allow entry whose addresses are all known and hold no internet-wide block (private or reserved
 * space, a named host) can never let the internet in, whatever its place in the order: an unknown rule
 * number or protocol changes which private traffic it matches, not whether the internet gets in.
 */
function neverLetsInternetIn(entry: Rule, options: InternetOptions): boolean {
    const { sets, unresolved } = entryAddresses(entry);
    if (unresolved) return false;
    return ([4, 6] as Family[]).every((family) => !judgeAddressSet(sets[family], family, options).internet);
}

/**
 * Which entries let the internet reach the sensitive ports, deciding first-match. `entries` are one
 * direction's entries of one ACL (or a single standalone entry, judged on its own).
 */
export function naclInternetExposure(
    entries: Rule[],
    sensitive: PortSet,
    options: InternetOptions,
    /** Which traffic to evaluate: TCP and UDP on the ports plus every other protocol the entries name (default), or only these. */
    only?: { tcp: boolean; udp: boolean; otherProtocols: boolean },
): NaclExposure[] {
    const known = entries.filter((e) => !isUnresolved(e.ruleNumber) && e.ruleNumber !== undefined);
    const unordered = entries.filter((e) => isUnresolved(e.ruleNumber) || e.ruleNumber === undefined);
    known.sort((a, b) => (a.ruleNumber as number) - (b.ruleNumber as number));

    const otherProtocols = new Set<number>();
    for (const entry of entries) {
        if (!isUnresolved(entry.protocol) && entry.protocol.kind === "number") otherProtocols.add(entry.protocol.number);
    }
    const want = only ?? { tcp: true, udp: true, otherProtocols: true };
    const traffics: Traffic[] = [];
    for (const segment of segments(entries, sensitive)) {
        if (want.tcp) traffics.push({ protocol: "tcp", ports: segment });
        if (want.udp) traffics.push({ protocol: "udp", ports: segment });
    }
    if (want.otherProtocols) for (const number of otherProtocols) traffics.push({ protocol: number });

    const found = new Map<Rule, NaclExposure>();
    const note = (entry: Rule, verdict: "yes" | "maybe", traffic: Traffic, reason: string, unresolved?: Unresolved) => {
        const existing = found.get(entry);
        if (existing) {
            if (verdict === "yes" && existing.verdict === "maybe") Object.assign(existing, { verdict, reason, unresolved: undefined });
            existing.traffic.push(trafficLabel(traffic));
        } else {
            found.set(entry, { entry, verdict, traffic: [trafficLabel(traffic)], reason, unresolved });
        }
    };

    // Entries whose place in the order is unknown could come first: an allow among them is a doubt everywhere.
    for (const entry of unordered) {
        if (entry.action === "deny" || neverLetsInternetIn(entry, options)) continue;
        for (const traffic of traffics) {
            if (matches(entry, traffic).verdict !== "no") {
                note(entry, "maybe", traffic, "its rule number cannot be read, so its place in the evaluation order is unknown", entry.ruleNumber as Unresolved);
            }
        }
    }

    for (const traffic of traffics) {
        const remaining: Record<Family, Interval[]> = { 4: fullSpace(4), 6: fullSpace(6) };
        // A deny we cannot fully read may or may not have stopped the traffic before a later allow.
        const unorderedDeny = unordered.find((e) => e.action === "deny");
        let doubtfulDenyBefore: Unresolved | undefined = unorderedDeny ? (unorderedDeny.ruleNumber as Unresolved) : undefined;
        for (const entry of known) {
            const match = matches(entry, traffic);
            if (match.verdict === "no") continue;
            const addresses = entryAddresses(entry);
            const actionUnresolved = isUnresolved(entry.action) ? entry.action : undefined;
            const doubt = match.unresolved ?? addresses.unresolved ?? actionUnresolved;
            if (doubt) {
                if (entry.action === "deny") doubtfulDenyBefore = doubtfulDenyBefore ?? doubt;
                else if (!neverLetsInternetIn(entry, options)) note(entry, "maybe", traffic, "part of the entry cannot be read", doubt);
                continue;
            }
            for (const family of [4, 6] as Family[]) {
                const matched = intersect(remaining[family], addresses.sets[family]);
                if (isEmpty(matched)) continue;
                if (entry.action === "allow") {
                    const verdict = judgeAddressSet(matched, family, options);
                    if (verdict.internet) {
                        if (doubtfulDenyBefore) {
                            note(entry, "maybe", traffic, `it allows ${verdict.reason}, unless an earlier entry that cannot be read denies it`, doubtfulDenyBefore);
                        } else {
                            note(entry, "yes", traffic, `it is the first entry matching this traffic from ${verdict.reason}`);
                        }
                    }
                }
                remaining[family] = subtract(remaining[family], addresses.sets[family]);
            }
        }
    }
    for (const exposure of found.values()) exposure.traffic = compressTraffic(exposure.traffic);
    return [...found.values()];
}

/** "TCP port 22", "UDP port 22", "TCP port 3389" → "TCP ports 22, 3389", "UDP port 22". */
function compressTraffic(labels: string[]): string[] {
    const byProtocol = new Map<string, string[]>();
    const others: string[] = [];
    for (const label of labels) {
        const match = /^(TCP|UDP) ports? (.+)$/.exec(label);
        if (!match) {
            if (!others.includes(label)) others.push(label);
            continue;
        }
        const list = byProtocol.get(match[1]) ?? [];
        if (!list.includes(match[2])) list.push(match[2]);
        byProtocol.set(match[1], list);
    }
    const merged = [...byProtocol.entries()].map(([protocol, ports]) => {
        const single = ports.length === 1 && !ports[0].includes("-");
        return `${protocol} ${single ? "port" : "ports"} ${ports.join(", ")}`;
    });
    return [...merged, ...others];
}

// --- Which traffic a direction allows, for stateless replies -------------------------------------

export type Transport = "tcp" | "udp";

/** Whether every part of an entry is known (rule number, action, protocol, ports, CIDRs). */
export function fullyKnown(entry: Rule): boolean {
    return !isUnresolved(entry.protocol) && !isUnresolved(entry.ports) && !isUnresolved(entry.action) && typeof entry.ruleNumber === "number" && entry.peers.every((p) => p.kind === "cidr");
}

/** The transports (TCP, UDP) an entry matches; none for ICMP or other protocols. */
export function transportsOf(entry: Rule): Transport[] {
    if (isUnresolved(entry.protocol)) return [];
    if (entry.protocol.kind === "all") return ["tcp", "udp"];
    return entry.protocol.kind === "tcp" || entry.protocol.kind === "udp" ? [entry.protocol.kind] : [];
}

/** The TCP/UDP ports an entry matches. */
export function entryPorts(entry: Rule): PortSet {
    if (isUnresolved(entry.protocol) || isUnresolved(entry.ports)) return [];
    return entry.protocol.kind === "all" ? [[0, 65535]] : portsOf(entry.ports);
}

/**
 * What part of `ports` the entries of one direction do NOT allow for `transport` traffic with any of
 * the `wanted` addresses, deciding first match in rule-number order (a packet no entry matches is
 * denied). Entries that are not fully known are left out: callers say "cannot verify" for those.
 */
export function portsNotAllowed(entries: Rule[], transport: Transport, ports: PortSet, wanted: Record<Family, Interval[]>): PortSet {
    const sorted = entries.filter(fullyKnown).sort((a, b) => (a.ruleNumber as number) - (b.ruleNumber as number));
    const cuts = new Set<number>();
    for (const e of sorted) for (const [from, to] of entryPorts(e)) cuts.add(from).add(to + 1);
    const missing: Array<[number, number]> = [];
    for (const [from, to] of ports) {
        const bounds = [from, ...[...cuts].filter((c) => c > from && c <= to).sort((a, b) => a - b), to + 1];
        for (let i = 0; i + 1 < bounds.length; i++) {
            const segment: [number, number] = [bounds[i], bounds[i + 1] - 1];
            if (segmentDenied(sorted, transport, segment, wanted)) missing.push(segment);
        }
    }
    return missing;
}

/** Does any wanted address meet a deny, or no entry at all, for traffic on this port segment? */
function segmentDenied(sorted: Rule[], transport: Transport, segment: [number, number], wanted: Record<Family, Interval[]>): boolean {
    for (const family of [4, 6] as Family[]) {
        let remaining = wanted[family];
        for (const e of sorted) {
            if (isEmpty(remaining)) break;
            if (!transportsOf(e).includes(transport) || intersectPorts(entryPorts(e), [segment]).length === 0) continue;
            const addresses = entryAddresses(e).sets[family];
            if (e.action === "deny" && !isEmpty(intersect(remaining, addresses))) return true;
            remaining = subtract(remaining, addresses);
        }
        if (!isEmpty(remaining)) return true; // no entry matches: the implicit deny
    }
    return false;
}
