/**
 * `portsNotAllowedBy` (nacl-allows-return-traffic's reply check, prepared once per ACL direction and
 * walked only as far as the answer is open) against the plain formulation it replaced: every segment's
 * full first-match walk (`firstMatch`), denied where a deny decides some wanted address or where
 * addresses are left undecided. Generated entries: both directions, allow and deny, TCP/UDP/all/ICMP/
 * other protocol numbers, overlapping port ranges, IPv4 and IPv6 CIDRs (two in one entry), duplicate
 * and unknown rule numbers; wanted addresses of either family or both. Deterministic seed.
 */
import fc from "fast-check";
import { intersect, intersects, isEmpty } from "../../policypack/model/addressSet";
import {
    AddressSets,
    FAMILIES,
    Transport,
    firstMatch,
    fullyKnown,
    inEvaluationOrder,
    portsNotAllowedBy,
    trafficSegments,
} from "../../policypack/model/naclEvaluation";
import { PortSet } from "../../policypack/model/ports";
import { Rule } from "../../policypack/model/rule";
import { CIDRS, addresses, naclEntry, rulesOf } from "./naclEntries";

const entry = naclEntry();

/** The formulation portsNotAllowedBy replaced: each segment's whole first-match walk. */
function reference(entries: readonly Rule[], transport: Transport, ports: PortSet, wanted: AddressSets): PortSet {
    const { ordered } = inEvaluationOrder(entries.filter(fullyKnown));
    return trafficSegments(ordered, ports).filter((segment) => {
        const { steps, undecided } = firstMatch(ordered, { protocol: transport, ports: segment }, wanted);
        const denied = steps.some((step) => "action" in step && step.action === "deny" && FAMILIES.some((family) => !isEmpty(step.decided[family])));
        return denied || FAMILIES.some((family) => !isEmpty(undecided[family]));
    });
}

it("answers as the full first-match walk of every segment, for every transport, port set and peer", () => {
    const ephemeral = fc.constantFrom<PortSet>(
        [[32768, 65535]],
        [[1024, 65535]],
        [[0, 65535]],
        [[443, 443]],
        [
            [1024, 2047],
            [40000, 40010],
        ],
    );
    fc.assert(
        fc.property(
            fc.array(entry, { maxLength: 8 }),
            ephemeral,
            fc.constantFrom<Transport>("tcp", "udp"),
            fc.subarray(CIDRS, { minLength: 1, maxLength: 3 }),
            (entries, ports, transport, wantedCidrs) => {
                const rules = rulesOf(entries);
                const wanted = addresses(wantedCidrs);
                expect(portsNotAllowedBy(rules, ports)(transport, wanted)).toEqual(reference(rules, transport, ports, wanted));
            },
        ),
        { seed: 20261130, numRuns: 3000 },
    );
});

it("intersects exactly where the intersection is not empty", () => {
    const set = fc.subarray(CIDRS, { maxLength: 3 }).map((cidrs) => addresses(cidrs));
    fc.assert(
        fc.property(set, set, (a, b) => {
            for (const family of FAMILIES) expect(intersects(a[family], b[family])).toBe(!isEmpty(intersect(a[family], b[family])));
        }),
        { seed: 20261130, numRuns: 2000 },
    );
});
