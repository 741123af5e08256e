/**
 * `portsNotAllowedBy` (nacl-allows-return-traffic's reply check, prepared once per ACL direction and
 * walked only as far as the answer is open) against the plain formulation it replaced: every segment's
 * full first-match walk (`firstMatch`), denied where a deny decides some wanted address or where
 * addresses are left undecided. Generated entries: both directions, allow and deny, TCP/UDP/all/ICMP/
 * other protocol numbers, overlapping port ranges, IPv4 and IPv6 CIDRs (two in one entry), duplicate
 * and unknown rule numbers; wanted addresses of either family or both. Deterministic seed.
 */
import fc from "fast-check";
import { inlineNetworkAcl } from "../../policypack/adapters/networkAcls";
import { intersect, intersects, isEmpty, normalize } from "../../policypack/model/addressSet";
import { cidrInterval, parseCidr } from "../../policypack/model/addresses";
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

const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
const CIDRS = ["0.0.0.0/0", "10.0.0.0/8", "10.0.0.0/16", "10.0.1.0/24", "10.0.1.5/32", "192.168.0.0/16", "::/0", "2001:db8::/32", "2001:db8::/64"];

const entry = fc.record({
    ruleNo: fc.oneof(fc.constantFrom(90, 100, 110, 120, 200, 32766), fc.constant(UNKNOWN)),
    action: fc.constantFrom("allow", "allow", "deny"),
    protocol: fc.constantFrom("tcp", "udp", "-1", "all", "6", "17", "icmp", "1", "47"),
    fromPort: fc.constantFrom(0, 22, 443, 1024, 5432, 32768, 40000),
    span: fc.constantFrom(0, 1, 100, 30000, 65535),
    cidrs: fc.subarray(CIDRS, { minLength: 0, maxLength: 2 }),
});

type Entry = typeof entry extends fc.Arbitrary<infer T> ? T : never;

function toProps(entries: Entry[]): Record<string, unknown> {
    return entries.map((e) => {
        const v4 = e.cidrs.find((c) => !c.includes(":"));
        const v6 = e.cidrs.find((c) => c.includes(":"));
        return {
            ruleNo: e.ruleNo,
            action: e.action,
            protocol: e.protocol,
            fromPort: e.fromPort,
            toPort: Math.min(65535, e.fromPort + e.span),
            ...(v4 ? { cidrBlock: v4 } : {}),
            ...(v6 ? { ipv6CidrBlock: v6 } : {}),
        };
    }) as unknown as Record<string, unknown>;
}

function rulesOf(entries: Entry[]): Rule[] {
    const origin = {
        urn: "urn:pulumi:dev::p::aws:ec2/networkAcl:NetworkAcl::acl",
        resourceName: "acl",
        resourceType: "aws:ec2/networkAcl:NetworkAcl",
        path: "",
    };
    return inlineNetworkAcl({ ingress: toProps(entries) }, origin).rules;
}

function addresses(cidrs: string[]): AddressSets {
    const sets: AddressSets = { 4: [], 6: [] };
    for (const text of cidrs) {
        const cidr = parseCidr(text);
        if (typeof cidr === "string") throw new Error(cidr);
        sets[cidr.family] = normalize([...sets[cidr.family], ...cidrInterval(cidr)]);
    }
    return sets;
}

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
