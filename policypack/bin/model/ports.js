"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ALL_PORTS = void 0;
exports.parsePortSpec = parsePortSpec;
exports.portSet = portSet;
exports.intersectPorts = intersectPorts;
exports.subtractPorts = subtractPorts;
exports.portCount = portCount;
exports.portsOf = portsOf;
exports.formatPortSet = formatPortSet;
exports.formatPortSpec = formatPortSpec;
exports.readPortRangeText = readPortRangeText;
exports.parsePortItem = parsePortItem;
/** Port ranges (inclusive) and ICMP type/code, as rules carry them: reading, set arithmetic, wording. */
const protocol_1 = require("./protocol");
const propertyReaders_1 = require("./propertyReaders");
const unresolved_1 = require("./unresolved");
exports.ALL_PORTS = [[0, 65535]];
/**
 * Reads a rule's ports for its protocol: the one reader of ports, for every adapter and the components.
 * For TCP/UDP `from`/`to` are a port range (-1 meaning every port); for ICMP they are the type and code
 * (-1 or absent meaning all; a NACL keeps them in icmpType/icmpCode, a security group in
 * fromPort/toPort); other protocols ignore them (every port).
 */
function parsePortSpec(protocol, rawFrom, rawTo, fromProperty, toProperty) {
    if (!(0, unresolved_1.isUnresolved)(protocol) && (0, protocol_1.opensEveryPort)(protocol))
        return { kind: "all" };
    // With the protocol unknown and no ports given, the rule may well be all-protocol: the protocol says.
    if ((0, unresolved_1.isUnresolved)(protocol) && rawFrom === undefined && rawTo === undefined)
        return protocol;
    const from = (0, propertyReaders_1.readInteger)(rawFrom, fromProperty);
    const to = (0, propertyReaders_1.readInteger)(rawTo, toProperty);
    if ((0, unresolved_1.isUnresolved)(from))
        return from;
    if ((0, unresolved_1.isUnresolved)(to))
        return to;
    const isIcmp = !(0, unresolved_1.isUnresolved)(protocol) && (protocol.kind === "icmp" || protocol.kind === "icmpv6");
    if (isIcmp) {
        if (from !== undefined && (from < -1 || from > 255))
            return (0, unresolved_1.malformedAt)(fromProperty, rawFrom, "outside 0-255 for an ICMP type (-1 for every type)");
        if (to !== undefined && (to < -1 || to > 255))
            return (0, unresolved_1.malformedAt)(toProperty, rawTo, "outside 0-255 for an ICMP code (-1 for every code)");
        const type = from === undefined || from === -1 ? undefined : from;
        const code = to === undefined || to === -1 || type === undefined ? undefined : to;
        return { kind: "icmp", type, code };
    }
    return portRange(from, to, rawFrom, rawTo, fromProperty, toProperty);
}
/** A TCP/UDP port range with AWS's rules: both ends given, 0-65535, from <= to; -1 means every port. */
function portRange(from, to, rawFrom, rawTo, fromProperty, toProperty) {
    if (from === undefined)
        return (0, unresolved_1.malformedAt)(fromProperty, rawFrom, "missing (TCP and UDP rules need a port range)");
    if (to === undefined)
        return (0, unresolved_1.malformedAt)(toProperty, rawTo, "missing (TCP and UDP rules need a port range)");
    if (from === -1 || to === -1)
        return { kind: "all" };
    if (from < 0 || from > 65535)
        return (0, unresolved_1.malformedAt)(fromProperty, rawFrom, "outside 0-65535 (TCP and UDP ports run from 0 to 65535)");
    if (to < 0 || to > 65535)
        return (0, unresolved_1.malformedAt)(toProperty, rawTo, "outside 0-65535 (TCP and UDP ports run from 0 to 65535)");
    if (from > to)
        return (0, unresolved_1.malformedAt)(`${fromProperty}/${toProperty}`, `${from}-${to}`, "a reversed range (from is greater than to)");
    if (from === 0 && to === 65535)
        return { kind: "all" };
    return { kind: "range", from, to };
}
function portSet(ranges) {
    const sorted = [...ranges].map(([a, b]) => [Math.min(a, b), Math.max(a, b)]).sort((x, y) => x[0] - y[0]);
    const merged = [];
    for (const [from, to] of sorted) {
        const last = merged[merged.length - 1];
        if (last && from <= last[1] + 1)
            last[1] = Math.max(last[1], to);
        else
            merged.push([from, to]);
    }
    return merged;
}
function intersectPorts(a, b) {
    const out = [];
    let i = 0;
    let j = 0;
    while (i < a.length && j < b.length) {
        const from = Math.max(a[i][0], b[j][0]);
        const to = Math.min(a[i][1], b[j][1]);
        if (from <= to)
            out.push([from, to]);
        if (a[i][1] < b[j][1])
            i++;
        else
            j++;
    }
    return out;
}
function subtractPorts(a, b) {
    const out = [];
    // Indexed, nothing destructured: asked for every rule and NACL entry (README, "Loops V8 compiles quickly").
    for (let i = 0; i < a.length; i++) {
        let from = a[i][0];
        const to = a[i][1];
        for (let j = 0; j < b.length; j++) {
            const bf = b[j][0];
            const bt = b[j][1];
            if (bt < from || bf > to)
                continue;
            if (bf > from)
                out.push([from, bf - 1]);
            from = bt + 1;
            if (from > to)
                break;
        }
        if (from <= to)
            out.push([from, to]);
    }
    return out;
}
function portCount(set) {
    return set.reduce((sum, [from, to]) => sum + (to - from + 1), 0);
}
/** The ports a TCP/UDP-style spec opens (ICMP opens none). */
function portsOf(spec) {
    if (spec.kind === "all")
        return exports.ALL_PORTS;
    if (spec.kind === "range")
        return [[spec.from, spec.to]];
    return [];
}
function formatPortSet(set) {
    if (set.length === 1 && set[0][0] === 0 && set[0][1] === 65535)
        return "all ports";
    const parts = set.map(([from, to]) => (from === to ? `${from}` : `${from}-${to}`));
    const shown = parts.length > 8 ? [...parts.slice(0, 8), `... (${parts.length - 8} more)`] : parts;
    return `${portCount(set) === 1 ? "port" : "ports"} ${shown.join(", ")}`;
}
function formatPortSpec(spec) {
    if (spec.kind === "icmp") {
        const type = spec.type === undefined ? "all types" : `type ${spec.type}`;
        const code = spec.code === undefined ? "" : ` code ${spec.code}`;
        return `${type}${code}`;
    }
    return formatPortSet(portsOf(spec));
}
/**
 * One item of a ports list as components write it — a port (443 or "443"), a "from-to" range
 * ("8000-8100") or `{ from, to }` — read by parsePortSpec, so its bounds mean what a rule's mean.
 */
/**
 * A range written as text, "from-to" (spaces around the numbers allowed): the one spelling shared by the
 * pack's config lists, the components' ports lists and parsePortItem. The numbers are not range-checked here.
 */
function readPortRangeText(text) {
    const match = /^\s*(\d{1,5})\s*-\s*(\d{1,5})\s*$/.exec(text);
    return match ? [Number(match[1]), Number(match[2])] : undefined;
}
function parsePortItem(protocol, raw, property) {
    const range = typeof raw === "string" ? readPortRangeText(raw) : undefined;
    if (range)
        return parsePortSpec(protocol, range[0], range[1], property, property);
    if (raw !== null && typeof raw === "object" && !Array.isArray(raw)) {
        const { from, to } = raw;
        return parsePortSpec(protocol, from, to, `${property}.from`, `${property}.to`);
    }
    return parsePortSpec(protocol, raw, raw, property, property);
}
