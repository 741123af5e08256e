"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.parseProtocol = parseProtocol;
exports.opensEveryPort = opensEveryPort;
exports.protocolLabel = protocolLabel;
/** IP protocols as AWS security groups and network ACLs write them, normalised. */
const propertyReaders_1 = require("./propertyReaders");
const unresolved_1 = require("./unresolved");
// Maps, not object literals: a protocol written "constructor" or "toString" must not find an Object member.
const BY_NAME = new Map([
    ["-1", { kind: "all" }],
    ["all", { kind: "all" }],
    ["tcp", { kind: "tcp" }],
    ["udp", { kind: "udp" }],
    ["icmp", { kind: "icmp" }],
    ["icmpv6", { kind: "icmpv6" }],
]);
const BY_NUMBER = new Map([
    [-1, { kind: "all" }],
    [6, { kind: "tcp" }],
    [17, { kind: "udp" }],
    [1, { kind: "icmp" }],
    [58, { kind: "icmpv6" }],
]);
function fromNumber(n, property, raw) {
    const known = BY_NUMBER.get(n);
    if (known)
        return known;
    if (n >= 0 && n <= 255)
        return { kind: "number", number: n };
    return (0, unresolved_1.malformedAt)(property, raw, "protocol numbers run from 0 to 255 (or -1 for all)");
}
/** Reads a protocol: "-1", -1, "all", names and numbers in any letter case. */
function parseProtocol(raw, property) {
    if (raw === undefined)
        return (0, unresolved_1.malformedAt)(property, raw, "missing");
    if ((0, propertyReaders_1.isUnknown)(raw))
        return (0, unresolved_1.unknownAt)(property);
    if (typeof raw === "number") {
        return Number.isInteger(raw) ? fromNumber(raw, property, raw) : (0, unresolved_1.malformedAt)(property, raw, "not a protocol name or number");
    }
    if (typeof raw !== "string")
        return (0, unresolved_1.malformedAt)(property, raw, "not a protocol name or number");
    const text = raw.trim().toLowerCase();
    const named = BY_NAME.get(text);
    if (named)
        return named;
    if (/^-?\d{1,4}$/.test(text))
        return fromNumber(Number(text), property, raw);
    return (0, unresolved_1.malformedAt)(property, raw, 'expected "-1"/"all", "tcp", "udp", "icmp", "icmpv6" or a protocol number');
}
/** True for protocols whose rules carry no port range and so open every port (all, and other numbers). */
function opensEveryPort(protocol) {
    return protocol.kind === "all" || protocol.kind === "number";
}
function protocolLabel(protocol) {
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
