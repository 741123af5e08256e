/**
 * Which entries of a network ACL let the internet reach some ports, decided first-match (see
 * naclEvaluation.ts): what the NACL policies report and what reachability lets through.
 */
import { InternetOptions, judgeAddressSet } from "./addresses";
import { Family, isEmpty } from "./addressSet";
import {
    AddressSets,
    FAMILIES,
    Step,
    Traffic,
    entryAddresses,
    everyAddress,
    firstMatch,
    inEvaluationOrder,
    matches,
    ruleNumberDoubt,
    trafficSegments,
} from "./naclEvaluation";
import { PortSet } from "./ports";
import { Rule } from "./rule";
import { Unresolved, isUnresolved } from "./unresolved";

export interface NaclExposure {
    entry: Rule;
    verdict: "yes" | "maybe";
    /** What reaches through the entry (see describeTraffic for words). */
    traffic: Traffic[];
    /** Why the allowed addresses are the internet, or why the entry cannot be verified. */
    reason: string;
    unresolved?: Unresolved;
}

/** Which traffic to evaluate: TCP and UDP on the ports, and every other IP protocol the entries name. */
export interface TrafficKinds {
    tcp: boolean;
    udp: boolean;
    otherProtocols: boolean;
}

export const EVERY_KIND: TrafficKinds = { tcp: true, udp: true, otherProtocols: true };

/**
 * Which entries let the internet reach the `ports`, deciding first-match. `entries` are one
 * direction's entries of one ACL (or a single standalone entry, judged on its own).
 */
export function naclInternetExposure(entries: Rule[], ports: PortSet, options: InternetOptions, only: TrafficKinds = EVERY_KIND): NaclExposure[] {
    const traffics = trafficToEvaluate(entries, ports, only);
    const letIn = internetTest(options);
    // Every exposure noted below is an entry that is not a deny, matches some of the traffic and may let the
    // internet in. Most entries of a real ACL are private ranges or other ports: with none, nothing needs
    // walking (the walks' address arithmetic was most of an ACL's cost).
    if (!entries.some((entry) => entry.action !== "deny" && traffics.some((traffic) => matches(entry, traffic).verdict !== "no") && letIn(entry))) {
        return [];
    }
    const { ordered, unordered } = inEvaluationOrder(entries);
    const notes = new ExposureNotes();
    noteUnorderedAllows(unordered, traffics, letIn, notes);
    // A deny whose place in the order is unknown may or may not come before an allow.
    const unorderedDeny = unordered.find((entry) => entry.action === "deny");
    for (const traffic of traffics) {
        noteInternetAllows(firstMatch(ordered, traffic, everyAddress()).steps, traffic, unorderedDeny && ruleNumberDoubt(unorderedDeny), letIn, options, notes);
    }
    return notes.exposures();
}

/** TCP and UDP on each piece of the ports, cut at entry boundaries, and each other protocol an entry names. */
function trafficToEvaluate(entries: readonly Rule[], ports: PortSet, only: TrafficKinds): Traffic[] {
    const traffics: Traffic[] = [];
    for (const segment of trafficSegments(entries, ports)) {
        if (only.tcp) traffics.push({ protocol: "tcp", ports: segment });
        if (only.udp) traffics.push({ protocol: "udp", ports: segment });
    }
    if (!only.otherProtocols) return traffics;
    const others = new Set<number>();
    for (const entry of entries) {
        if (!isUnresolved(entry.protocol) && entry.protocol.kind === "number") others.add(entry.protocol.number);
    }
    for (const number of others) traffics.push({ protocol: "other", number });
    return traffics;
}

/**
 * Whether an entry may let the internet in, asked once per entry of a call. An entry whose addresses are
 * all known and hold no internet-wide block (private or reserved space, a named host) never does, whatever
 * its place in the order: an unknown rule number or protocol changes which private traffic it matches, not
 * whether the internet gets in. What a walk decides for an entry is part of its addresses, and part of a
 * set is never the internet when the whole is not (test/unit/naclExposure.test.ts), so the walk's notes
 * need look at these entries only.
 */
function internetTest(options: InternetOptions): (entry: Rule) => boolean {
    const answers = new Map<Rule, boolean>();
    return (entry) => {
        let answer = answers.get(entry);
        if (answer === undefined) {
            const { sets, unresolved } = entryAddresses(entry);
            answer = unresolved !== undefined || FAMILIES.some((family) => judgeAddressSet(sets[family], family, options).internet);
            answers.set(entry, answer);
        }
        return answer;
    };
}

/** Entries whose place in the order is unknown could come first: an allow among them is a doubt for all it matches. */
function noteUnorderedAllows(unordered: readonly Rule[], traffics: readonly Traffic[], letIn: (entry: Rule) => boolean, notes: ExposureNotes): void {
    for (const entry of unordered) {
        if (entry.action === "deny" || !letIn(entry)) continue;
        for (const traffic of traffics) {
            if (matches(entry, traffic).verdict === "no") continue;
            notes.add(entry, "maybe", traffic, "its rule number cannot be read, so its place in the evaluation order is unknown", ruleNumberDoubt(entry));
        }
    }
}

/** The allows of one walk that decide internet addresses; after a deny that cannot be read, only "maybe". */
function noteInternetAllows(
    steps: readonly Step[],
    traffic: Traffic,
    unorderedDeny: Unresolved | undefined,
    letIn: (entry: Rule) => boolean,
    options: InternetOptions,
    notes: ExposureNotes,
): void {
    // A deny we cannot fully read may or may not have stopped the traffic before a later allow.
    let doubtfulDenyBefore = unorderedDeny;
    for (const step of steps) {
        if ("doubt" in step) {
            if (step.entry.action === "deny") doubtfulDenyBefore = doubtfulDenyBefore ?? step.doubt;
            else if (letIn(step.entry)) notes.add(step.entry, "maybe", traffic, "part of the entry cannot be read", step.doubt);
            continue;
        }
        if (step.action !== "allow" || !letIn(step.entry)) continue;
        for (const family of FAMILIES) {
            const verdict = internetVerdict(step.decided, family, options);
            if (!verdict?.internet) continue;
            if (doubtfulDenyBefore) {
                notes.add(
                    step.entry,
                    "maybe",
                    traffic,
                    `it allows ${verdict.reason}, unless an earlier entry that cannot be read denies it`,
                    doubtfulDenyBefore,
                );
            } else {
                notes.add(step.entry, "yes", traffic, `it is the first entry matching this traffic from ${verdict.reason}`);
            }
        }
    }
}

function internetVerdict(decided: AddressSets, family: Family, options: InternetOptions) {
    return isEmpty(decided[family]) ? undefined : judgeAddressSet(decided[family], family, options);
}

/** The exposures found so far, one per entry: a "yes" wins over a "maybe", and the traffic adds up. */
class ExposureNotes {
    private readonly found = new Map<Rule, NaclExposure>();

    add(entry: Rule, verdict: "yes" | "maybe", traffic: Traffic, reason: string, unresolved?: Unresolved): void {
        const existing = this.found.get(entry);
        if (!existing) {
            this.found.set(entry, { entry, verdict, traffic: [traffic], reason, unresolved });
            return;
        }
        if (verdict === "yes" && existing.verdict === "maybe") Object.assign(existing, { verdict, reason, unresolved: undefined });
        if (!existing.traffic.some((known) => sameTraffic(known, traffic))) existing.traffic.push(traffic);
    }

    exposures(): NaclExposure[] {
        return [...this.found.values()];
    }
}

function sameTraffic(a: Traffic, b: Traffic): boolean {
    if (a.protocol === "other") return b.protocol === "other" && a.number === b.number;
    return b.protocol === a.protocol && a.ports[0] === b.ports[0] && a.ports[1] === b.ports[1];
}

/** Traffic in words, one phrase per protocol: "TCP ports 22, 3389", "UDP port 22", "IP protocol 47 (every port)". */
export function describeTraffic(traffic: readonly Traffic[]): string[] {
    const byTransport = new Map<string, Array<readonly [number, number]>>();
    const others: string[] = [];
    for (const t of traffic) {
        if (t.protocol === "other") others.push(`IP protocol ${t.number} (every port)`);
        else byTransport.set(t.protocol, [...(byTransport.get(t.protocol) ?? []), t.ports]);
    }
    const transports = [...byTransport].map(([protocol, ranges]) => {
        const single = ranges.length === 1 && ranges[0][0] === ranges[0][1];
        return `${protocol.toUpperCase()} ${single ? "port" : "ports"} ${ranges.map(([from, to]) => (from === to ? `${from}` : `${from}-${to}`)).join(", ")}`;
    });
    return [...transports, ...others];
}
