/**
 * `naclInternetExposure` (which entries let the internet reach some ports: nacl-no-admin-ports-from-
 * internet, internet paths, reachability) against the plain formulation its shortcut skips: every piece
 * of traffic's full first-match walk, noting each allow that decides internet addresses. The shortcut
 * returns nothing at once when no entry may allow, matches the traffic and may let the internet in; this
 * holds it to the walk on generated ACLs with unknown rule numbers, actions, protocols, ports and CIDRs,
 * public, private and embedding IPv6 ranges (NAT64, 6to4), and narrower internet definitions.
 * Deterministic seed.
 */
import fc from "fast-check";
import { intersect, isEmpty } from "../../policypack/model/addressSet";
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
import { naclInternetExposure } from "../../policypack/model/naclExposure";
import { PortSet } from "../../policypack/model/ports";
import { Rule } from "../../policypack/model/rule";
import { isUnresolved } from "../../policypack/model/unresolved";
import { CIDRS, addresses, naclEntry, rulesOf } from "./naclEntries";

const EXPOSURE_CIDRS = [...CIDRS, "8.0.0.0/7", "203.0.113.0/24", "100.64.0.0/10", "64:ff9b::/96", "2002::/16", "2002:cb00:7100::/40", "2600::/12"];

type Verdict = "yes" | "maybe";

/** Every traffic's whole walk; what each entry lets in, as { entry → verdict, traffic }. */
function reference(entries: Rule[], ports: PortSet, options: InternetOptions): Map<Rule, { verdict: Verdict; traffic: Traffic[] }> {
    const traffics: Traffic[] = trafficSegments(entries, ports).flatMap((segment): Traffic[] => [
        { protocol: "tcp", ports: segment },
        { protocol: "udp", ports: segment },
    ]);
    for (const number of new Set(entries.flatMap((e) => (!isUnresolved(e.protocol) && e.protocol.kind === "number" ? [e.protocol.number] : []))))
        traffics.push({ protocol: "other", number });
    const found = new Map<Rule, { verdict: Verdict; traffic: Traffic[] }>();
    const note = (entry: Rule, verdict: Verdict, traffic: Traffic) => {
        const known = found.get(entry);
        if (!known) found.set(entry, { verdict, traffic: [traffic] });
        else {
            if (verdict === "yes") known.verdict = "yes";
            if (!known.traffic.some((t) => JSON.stringify(t) === JSON.stringify(traffic))) known.traffic.push(traffic);
        }
    };
    const mayLetInternetIn = (entry: Rule) => {
        const { sets, unresolved } = entryAddresses(entry);
        return unresolved !== undefined || FAMILIES.some((family) => judgeAddressSet(sets[family], family, options).internet);
    };
    const { ordered, unordered } = inEvaluationOrder(entries);
    for (const entry of unordered)
        if (entry.action !== "deny" && mayLetInternetIn(entry))
            for (const traffic of traffics) if (matches(entry, traffic).verdict !== "no") note(entry, "maybe", traffic);
    const unorderedDeny = unordered.find((entry) => entry.action === "deny");
    for (const traffic of traffics) {
        let doubtfulDeny = unorderedDeny && ruleNumberDoubt(unorderedDeny);
        for (const step of firstMatch(ordered, traffic, everyAddress()).steps) {
            if ("doubt" in step) {
                if (step.entry.action === "deny") doubtfulDeny ??= step.doubt;
                else if (mayLetInternetIn(step.entry)) note(step.entry, "maybe", traffic);
            } else if (step.action === "allow") {
                for (const family of FAMILIES)
                    if (!isEmpty(step.decided[family]) && judgeAddressSet(step.decided[family], family, options).internet)
                        note(step.entry, doubtfulDeny ? "maybe" : "yes", traffic);
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

it("finds exactly what the full first-match walk of every piece of traffic finds", () => {
    let exposed = 0;
    fc.assert(
        fc.property(fc.array(naclEntry({ cidrs: EXPOSURE_CIDRS, unknowns: true }), { maxLength: 7 }), portSets, options, (entries, ports, internet) => {
            const rules = rulesOf(entries);
            const found = naclInternetExposure(rules, ports, internet);
            const expected = reference(rules, ports, internet);
            expect(found.map((e) => [e.entry, e.verdict, e.traffic])).toEqual([...expected].map(([entry, { verdict, traffic }]) => [entry, verdict, traffic]));
            if (found.length > 0) exposed++;
        }),
        { seed: 20261130, numRuns: 3000 },
    );
    // The generated ACLs must exercise both outcomes, or the comparison says little.
    expect(exposed).toBeGreaterThan(300);
    expect(exposed).toBeLessThan(2700);
});

it("never judges part of an address set the internet when the whole set is not", () => {
    // What lets the shortcut skip entries confined to addresses that are not the internet: a walk only narrows them.
    const set = fc.subarray(EXPOSURE_CIDRS, { minLength: 1, maxLength: 3 }).map((cidrs) => addresses(cidrs));
    fc.assert(
        fc.property(set, fc.subarray(EXPOSURE_CIDRS, { minLength: 1, maxLength: 3 }), options, (whole, narrowing, internet) => {
            const part = addresses(narrowing);
            for (const family of FAMILIES) {
                const subset = intersect(whole[family], part[family]);
                if (judgeAddressSet(subset, family, internet).internet) expect(judgeAddressSet(whole[family], family, internet).internet).toBe(true);
            }
        }),
        { seed: 20261130, numRuns: 3000 },
    );
});
