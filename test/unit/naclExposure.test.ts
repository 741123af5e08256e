/**
 * `naclInternetExposure` (which entries let the internet reach some ports: nacl-no-admin-ports-from-
 * internet, internet paths, reachability) against the plain formulation its shortcut skips: every piece
 * of traffic's full first-match walk, noting each allow that decides internet addresses. The shortcut
 * returns nothing at once when no entry may allow, matches the traffic and may let the internet in; this
 * holds it to the walk on generated ACLs with unknown rule numbers, actions, protocols, ports and CIDRs,
 * public, private and embedding IPv6 ranges (NAT64, 6to4), narrower internet definitions and every kind
 * of traffic callers ask about. Deterministic seeds.
 */
import fc from "fast-check";
import { intersect, isEmpty, subtract } from "../../policypack/model/addressSet";
import { InternetOptions, judgeAddressSet } from "../../policypack/model/addresses";
import {
    entryAddresses,
    everyAddress,
    FAMILIES,
    firstMatch,
    inEvaluationOrder,
    matches,
    ruleNumberDoubt,
    Traffic,
    trafficSegments,
} from "../../policypack/model/naclEvaluation";
import { TrafficKinds, naclInternetExposure } from "../../policypack/model/naclExposure";
import { PortSet } from "../../policypack/model/ports";
import { Rule } from "../../policypack/model/rule";
import { Unresolved, isUnresolved } from "../../policypack/model/unresolved";
import { CIDRS, addresses, naclEntry, rulesOf } from "./naclEntries";

const EXPOSURE_CIDRS = [...CIDRS, "8.0.0.0/7", "203.0.113.0/24", "100.64.0.0/10", "64:ff9b::/96", "2002::/16", "2002:cb00:7100::/40", "2600::/12"];

type Verdict = "yes" | "maybe";
type Found = { verdict: Verdict; traffic: Traffic[]; unresolved?: Unresolved };

/** Every traffic's whole walk; what each entry lets in: entry → verdict, traffic, the doubt behind a "maybe". */
function reference(entries: Rule[], ports: PortSet, options: InternetOptions, only: TrafficKinds): Map<Rule, Found> {
    const traffics: Traffic[] = [];
    for (const segment of trafficSegments(entries, ports)) {
        if (only.tcp) traffics.push({ protocol: "tcp", ports: segment });
        if (only.udp) traffics.push({ protocol: "udp", ports: segment });
    }
    if (only.otherProtocols) {
        const numbers = new Set(entries.flatMap((e) => (!isUnresolved(e.protocol) && e.protocol.kind === "number" ? [e.protocol.number] : [])));
        for (const number of numbers) traffics.push({ protocol: "other", number });
    }
    const found = new Map<Rule, Found>();
    // As the pack keeps its notes: the first note's doubt, cleared by a "yes"; each traffic once.
    const note = (entry: Rule, verdict: Verdict, traffic: Traffic, unresolved?: Unresolved) => {
        const known = found.get(entry);
        if (!known) found.set(entry, { verdict, traffic: [traffic], unresolved });
        else {
            if (verdict === "yes" && known.verdict === "maybe") Object.assign(known, { verdict: "yes", unresolved: undefined });
            if (!known.traffic.some((t) => JSON.stringify(t) === JSON.stringify(traffic))) known.traffic.push(traffic);
        }
    };
    const mayLetInternetIn = (entry: Rule) => {
        const { sets, unresolved } = entryAddresses(entry);
        return unresolved !== undefined || FAMILIES.some((family) => judgeAddressSet(sets[family], family, options).internet);
    };
    const { ordered, unordered } = inEvaluationOrder(entries);
    for (const entry of unordered) {
        if (entry.action === "deny" || !mayLetInternetIn(entry)) continue;
        for (const traffic of traffics) if (matches(entry, traffic).verdict !== "no") note(entry, "maybe", traffic, ruleNumberDoubt(entry));
    }
    const unorderedDeny = unordered.find((entry) => entry.action === "deny");
    for (const traffic of traffics) {
        let doubtfulDeny = unorderedDeny && ruleNumberDoubt(unorderedDeny);
        for (const step of firstMatch(ordered, traffic, everyAddress()).steps) {
            if ("doubt" in step) {
                if (step.entry.action === "deny") doubtfulDeny ??= step.doubt;
                else if (mayLetInternetIn(step.entry)) note(step.entry, "maybe", traffic, step.doubt);
            } else if (step.action === "allow") {
                for (const family of FAMILIES) {
                    if (isEmpty(step.decided[family]) || !judgeAddressSet(step.decided[family], family, options).internet) continue;
                    note(step.entry, doubtfulDeny ? "maybe" : "yes", traffic, doubtfulDeny);
                }
            }
        }
    }
    return found;
}

const portSets = fc.constantFrom<PortSet>(
    [[22, 22]],
    [
        [22, 22],
        [3389, 3389],
    ],
    [[0, 65535]],
    [
        [20, 25],
        [5432, 5432],
        [32768, 40000],
    ],
);
const options = fc.constantFrom<InternetOptions>(
    { internetPrefixV4: 16, internetPrefixV6: 32 },
    { internetPrefixV4: 8, internetPrefixV6: 16 },
    { internetPrefixV4: 25, internetPrefixV6: 64 },
);
// Every kind the callers ask about: all (the policies), TCP or UDP alone (reachability), other protocols alone.
const trafficKinds = fc.constantFrom<TrafficKinds>(
    { tcp: true, udp: true, otherProtocols: true },
    { tcp: true, udp: false, otherProtocols: false },
    { tcp: false, udp: true, otherProtocols: false },
    { tcp: false, udp: false, otherProtocols: true },
);

it("finds exactly what the full first-match walk of every piece of traffic finds", () => {
    let exposed = 0;
    fc.assert(
        fc.property(
            fc.array(naclEntry({ cidrs: EXPOSURE_CIDRS, unknowns: true }), { maxLength: 7 }),
            portSets,
            options,
            trafficKinds,
            (entries, ports, internet, only) => {
                const rules = rulesOf(entries);
                const found = naclInternetExposure(rules, ports, internet, only);
                const expected = [...reference(rules, ports, internet, only)].map(([entry, { verdict, traffic, unresolved }]) => [
                    entry,
                    verdict,
                    traffic,
                    unresolved,
                ]);
                expect(found.map((e) => [e.entry, e.verdict, e.traffic, e.unresolved])).toEqual(expected);
                if (found.length > 0) exposed++;
            },
        ),
        { seed: 20261130, numRuns: 4000 },
    );
    // The generated ACLs must exercise both outcomes, or the comparison says little.
    expect(exposed).toBeGreaterThan(300);
    expect(exposed).toBeLessThan(3700);
});

it("never judges part of an address set the internet when the whole set is not", () => {
    // What lets the shortcut skip entries confined to addresses that are not the internet: a walk only narrows them.
    const set = fc.subarray(EXPOSURE_CIDRS, { minLength: 1, maxLength: 3 }).map((cidrs) => addresses(cidrs));
    fc.assert(
        fc.property(set, fc.subarray(EXPOSURE_CIDRS, { minLength: 1, maxLength: 3 }), options, (whole, narrowing, internet) => {
            const part = addresses(narrowing);
            for (const family of FAMILIES) {
                // A walk narrows by what earlier entries decide: intersections, and differences (not aligned blocks).
                for (const subset of [intersect(whole[family], part[family]), subtract(whole[family], part[family])]) {
                    if (judgeAddressSet(subset, family, internet).internet) expect(judgeAddressSet(whole[family], family, internet).internet).toBe(true);
                }
            }
        }),
        { seed: 20261130, numRuns: 3000 },
    );
});

it("cuts the ports at every entry boundary and nowhere else", () => {
    // trafficSegments on its own (the walks above use it too): the pieces tile the ports in order, no entry's
    // range starts or ends inside a piece, and every cut inside a range is an entry's boundary.
    const spans = fc.array(fc.tuple(fc.integer({ min: 0, max: 65 }), fc.integer({ min: 0, max: 20 })), { maxLength: 3 });
    fc.assert(
        fc.property(fc.array(naclEntry({ unknowns: true }), { maxLength: 6 }), spans, (entries, ranges) => {
            const rules = rulesOf(entries);
            const ports = normalizedPorts(ranges.map(([from, length]): [number, number] => [from * 1000, Math.min(65535, from * 1000 + length * 50)]));
            const boundaries = new Set(rules.flatMap((r) => (!isUnresolved(r.ports) && r.ports.kind === "range" ? [r.ports.from, r.ports.to + 1] : [])));
            const pieces = trafficSegments(rules, ports);
            let at = 0;
            for (const [from, to] of ports) {
                for (let start = from; start <= to;) {
                    const [pieceFrom, pieceTo] = pieces[at++];
                    expect(pieceFrom).toBe(start);
                    expect(pieceTo).toBeLessThanOrEqual(to);
                    for (const boundary of boundaries)
                        if (boundary > pieceFrom && boundary <= pieceTo) throw new Error(`cut ${boundary} inside ${pieceFrom}-${pieceTo}`);
                    if (pieceTo < to) expect(boundaries.has(pieceTo + 1)).toBe(true);
                    start = pieceTo + 1;
                }
            }
            expect(at).toBe(pieces.length);
        }),
        { seed: 20261130, numRuns: 1000 },
    );
});

/** Sorted, disjoint, non-adjacent port ranges, as a PortSet is. */
function normalizedPorts(ranges: Array<[number, number]>): PortSet {
    const out: Array<[number, number]> = [];
    for (const [from, to] of [...ranges].sort((a, b) => a[0] - b[0])) {
        const last = out[out.length - 1];
        if (last && from <= last[1] + 1) last[1] = Math.max(last[1], to);
        else out.push([from, to]);
    }
    return out;
}
