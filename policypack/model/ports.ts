/** Port ranges (inclusive) and ICMP type/code, as rules carry them. */

/** A set of ports as sorted, disjoint, inclusive ranges. */
export type PortSet = ReadonlyArray<readonly [number, number]>;

export type PortSpec =
    /** Every port (protocol all or another protocol number, or TCP/UDP -1 / 0-65535). */
    | { kind: "all" }
    | { kind: "range"; from: number; to: number }
    /** ICMP/ICMPv6: type and code, `undefined` meaning every type or code. */
    | { kind: "icmp"; type?: number; code?: number };

export const ALL_PORTS: PortSet = [[0, 65535]];

export function portSet(ranges: Iterable<readonly [number, number]>): PortSet {
    const sorted = [...ranges].map(([a, b]) => [Math.min(a, b), Math.max(a, b)] as [number, number]).sort((x, y) => x[0] - y[0]);
    const merged: Array<[number, number]> = [];
    for (const [from, to] of sorted) {
        const last = merged[merged.length - 1];
        if (last && from <= last[1] + 1) last[1] = Math.max(last[1], to);
        else merged.push([from, to]);
    }
    return merged;
}

export function intersectPorts(a: PortSet, b: PortSet): PortSet {
    const out: Array<[number, number]> = [];
    let i = 0;
    let j = 0;
    while (i < a.length && j < b.length) {
        const from = Math.max(a[i][0], b[j][0]);
        const to = Math.min(a[i][1], b[j][1]);
        if (from <= to) out.push([from, to]);
        if (a[i][1] < b[j][1]) i++;
        else j++;
    }
    return out;
}

export function subtractPorts(a: PortSet, b: PortSet): PortSet {
    const out: Array<[number, number]> = [];
    for (const [from0, to] of a) {
        let from = from0;
        for (const [bf, bt] of b) {
            if (bt < from || bf > to) continue;
            if (bf > from) out.push([from, bf - 1]);
            from = bt + 1;
            if (from > to) break;
        }
        if (from <= to) out.push([from, to]);
    }
    return out;
}

export function portCount(set: PortSet): number {
    return set.reduce((sum, [from, to]) => sum + (to - from + 1), 0);
}

/** The ports a TCP/UDP-style spec opens (ICMP opens none). */
export function portsOf(spec: PortSpec): PortSet {
    if (spec.kind === "all") return ALL_PORTS;
    if (spec.kind === "range") return [[spec.from, spec.to]];
    return [];
}

export function formatPortSet(set: PortSet): string {
    if (set.length === 1 && set[0][0] === 0 && set[0][1] === 65535) return "all ports";
    const parts = set.map(([from, to]) => (from === to ? `${from}` : `${from}-${to}`));
    const shown = parts.length > 8 ? [...parts.slice(0, 8), `... (${parts.length - 8} more)`] : parts;
    return `${portCount(set) === 1 ? "port" : "ports"} ${shown.join(", ")}`;
}

export function formatPortSpec(spec: PortSpec): string {
    if (spec.kind === "icmp") {
        const type = spec.type === undefined ? "all types" : `type ${spec.type}`;
        const code = spec.code === undefined ? "" : ` code ${spec.code}`;
        return `${type}${code}`;
    }
    return formatPortSet(portsOf(spec));
}
