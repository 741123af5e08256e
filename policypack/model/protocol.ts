/** IP protocols as AWS security groups and network ACLs write them, normalised. */
import { isUnknown } from "./propertyReaders";
import { Unresolved, malformedAt, unknownAt } from "./unresolved";

export type Protocol =
    | { kind: "all" }
    | { kind: "tcp" }
    | { kind: "udp" }
    | { kind: "icmp" }
    | { kind: "icmpv6" }
    /** Any other IP protocol number (e.g. 47 GRE, 50 ESP): AWS opens it on every port. */
    | { kind: "number"; number: number };

// Maps, not object literals: a protocol written "constructor" or "toString" must not find an Object member.
const BY_NAME: ReadonlyMap<string, Protocol> = new Map<string, Protocol>([
    ["-1", { kind: "all" }],
    ["all", { kind: "all" }],
    ["tcp", { kind: "tcp" }],
    ["udp", { kind: "udp" }],
    ["icmp", { kind: "icmp" }],
    ["icmpv6", { kind: "icmpv6" }],
]);

const BY_NUMBER: ReadonlyMap<number, Protocol> = new Map<number, Protocol>([
    [-1, { kind: "all" }],
    [6, { kind: "tcp" }],
    [17, { kind: "udp" }],
    [1, { kind: "icmp" }],
    [58, { kind: "icmpv6" }],
]);

function fromNumber(n: number, property: string, raw: unknown): Protocol | Unresolved {
    const known = BY_NUMBER.get(n);
    if (known) return known;
    if (n >= 0 && n <= 255) return { kind: "number", number: n };
    return malformedAt(property, raw, "protocol numbers run from 0 to 255 (or -1 for all)");
}

/** Reads a protocol: "-1", -1, "all", names and numbers in any letter case. */
export function parseProtocol(raw: unknown, property: string): Protocol | Unresolved {
    if (raw === undefined) return malformedAt(property, raw, "missing");
    if (isUnknown(raw)) return unknownAt(property);
    if (typeof raw === "number") {
        return Number.isInteger(raw) ? fromNumber(raw, property, raw) : malformedAt(property, raw, "not a protocol name or number");
    }
    if (typeof raw !== "string") return malformedAt(property, raw, "not a protocol name or number");
    const text = raw.trim().toLowerCase();
    const named = BY_NAME.get(text);
    if (named) return named;
    if (/^-?\d{1,4}$/.test(text)) return fromNumber(Number(text), property, raw);
    return malformedAt(property, raw, 'expected "-1"/"all", "tcp", "udp", "icmp", "icmpv6" or a protocol number');
}

/** True for protocols whose rules carry no port range and so open every port (all, and other numbers). */
export function opensEveryPort(protocol: Protocol): protocol is Extract<Protocol, { kind: "all" | "number" }> {
    return protocol.kind === "all" || protocol.kind === "number";
}

export function protocolLabel(protocol: Protocol): string {
    switch (protocol.kind) {
        case "all":
            return "all protocols";
        case "tcp":
            return "TCP";
        case "udp":
            return "UDP";
        case "icmp":
            return "ICMP";
        case "icmpv6":
            return "ICMPv6";
        case "number":
            return `IP protocol ${protocol.number}`;
    }
}
