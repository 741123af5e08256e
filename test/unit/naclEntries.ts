/**
 * Generated network ACL entries for the NACL property tests: both directions' fields as the provider
 * writes them (rule number, action, protocol, ports, an IPv4 and/or IPv6 CIDR), read into rules by the
 * pack's own adapter. `unknowns` also makes action, protocol, ports and CIDRs unknown now and then.
 */
import fc from "fast-check";
import { inlineNetworkAcl } from "../../policypack/adapters/networkAcls";
import { normalize } from "../../policypack/model/addressSet";
import { cidrInterval, parseCidr } from "../../policypack/model/addresses";
import { AddressSets } from "../../policypack/model/naclEvaluation";
import { Rule } from "../../policypack/model/rule";

export const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";

export const CIDRS = ["0.0.0.0/0", "10.0.0.0/8", "10.0.0.0/16", "10.0.1.0/24", "10.0.1.5/32", "192.168.0.0/16", "::/0", "2001:db8::/32", "2001:db8::/64"];

export interface GeneratedEntry {
    ruleNo: number | string;
    action: string;
    protocol: string;
    fromPort: number | string;
    span: number;
    cidrs: string[];
}

export function naclEntry(options: { cidrs?: string[]; unknowns?: boolean } = {}): fc.Arbitrary<GeneratedEntry> {
    const sometimesUnknown = <T>(arbitrary: fc.Arbitrary<T>): fc.Arbitrary<T | string> =>
        options.unknowns ? fc.oneof({ arbitrary, weight: 12 }, { arbitrary: fc.constant(UNKNOWN), weight: 1 }) : arbitrary;
    const cidrs = options.cidrs ?? CIDRS;
    return fc.record({
        ruleNo: fc.oneof(fc.constantFrom(90, 100, 110, 120, 200, 32766), fc.constant(UNKNOWN)),
        action: sometimesUnknown(fc.constantFrom("allow", "allow", "deny")),
        protocol: sometimesUnknown(fc.constantFrom("tcp", "udp", "-1", "all", "6", "17", "icmp", "1", "47")),
        fromPort: sometimesUnknown(fc.constantFrom(0, 22, 443, 1024, 3389, 5432, 32768, 40000)),
        span: fc.constantFrom(0, 1, 100, 30000, 65535),
        cidrs: fc.subarray(options.unknowns ? [...cidrs, UNKNOWN] : cidrs, { minLength: 0, maxLength: 2 }),
    });
}

function toProps(entries: GeneratedEntry[]): Record<string, unknown> {
    return entries.map((e) => {
        const v4 = e.cidrs.find((c) => c === UNKNOWN || !c.includes(":"));
        const v6 = e.cidrs.find((c) => c !== v4 && (c === UNKNOWN || c.includes(":")));
        return {
            ruleNo: e.ruleNo,
            action: e.action,
            protocol: e.protocol,
            fromPort: e.fromPort,
            toPort: typeof e.fromPort === "number" ? Math.min(65535, e.fromPort + e.span) : e.fromPort,
            ...(v4 ? { cidrBlock: v4 } : {}),
            ...(v6 ? { ipv6CidrBlock: v6 } : {}),
        };
    }) as unknown as Record<string, unknown>;
}

/** The entries as one direction of an inline ACL, read by the pack's adapter. */
export function rulesOf(entries: GeneratedEntry[]): Rule[] {
    const origin = {
        urn: "urn:pulumi:dev::p::aws:ec2/networkAcl:NetworkAcl::acl",
        resourceName: "acl",
        resourceType: "aws:ec2/networkAcl:NetworkAcl",
        path: "",
    };
    return inlineNetworkAcl({ ingress: toProps(entries) }, origin).rules;
}

export function addresses(cidrs: string[]): AddressSets {
    const sets: AddressSets = { 4: [], 6: [] };
    for (const text of cidrs) {
        const cidr = parseCidr(text);
        if (typeof cidr === "string") throw new Error(cidr);
        sets[cidr.family] = normalize([...sets[cidr.family], ...cidrInterval(cidr)]);
    }
    return sets;
}
