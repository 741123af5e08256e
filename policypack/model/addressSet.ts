/**
 * Sets of IP addresses as sorted, disjoint, inclusive intervals of BigInt, one list per family.
 * Parsing goes through ipaddr.js (see addresses.ts); this module only does the set arithmetic that
 * unions of CIDRs and first-match NACL evaluation need.
 */

export type Family = 4 | 6;
export interface Interval {
    first: bigint;
    last: bigint;
}

export const FAMILY_BITS: Record<Family, number> = { 4: 32, 6: 128 };

export function familyMax(family: Family): bigint {
    return (1n << BigInt(FAMILY_BITS[family])) - 1n;
}

/** Normalises any list of intervals into sorted, disjoint, non-adjacent intervals. */
export function normalize(intervals: readonly Interval[]): Interval[] {
    const sorted = [...intervals].sort((a, b) => (a.first < b.first ? -1 : a.first > b.first ? 1 : 0));
    const merged: Interval[] = [];
    for (const next of sorted) {
        const last = merged[merged.length - 1];
        if (last && next.first <= last.last + 1n) {
            if (next.last > last.last) last.last = next.last;
        } else {
            merged.push({ first: next.first, last: next.last });
        }
    }
    return merged;
}

/** a minus b; both must be normalised. */
export function subtract(a: readonly Interval[], b: readonly Interval[]): Interval[] {
    const result: Interval[] = [];
    let j = 0;
    for (const interval of a) {
        let first = interval.first;
        const last = interval.last;
        while (j < b.length && b[j].last < first) j++;
        let k = j;
        while (k < b.length && b[k].first <= last && first <= last) {
            if (b[k].first > first) result.push({ first, last: b[k].first - 1n });
            first = b[k].last + 1n;
            k++;
        }
        if (first <= last) result.push({ first, last });
    }
    return result;
}

/** a intersected with b; both must be normalised. */
export function intersect(a: readonly Interval[], b: readonly Interval[]): Interval[] {
    const result: Interval[] = [];
    let i = 0;
    let j = 0;
    while (i < a.length && j < b.length) {
        const first = a[i].first > b[j].first ? a[i].first : b[j].first;
        const last = a[i].last < b[j].last ? a[i].last : b[j].last;
        if (first <= last) result.push({ first, last });
        if (a[i].last < b[j].last) i++;
        else j++;
    }
    return result;
}

/** Whether a and b share an address; both must be normalised. */
export function intersects(a: readonly Interval[], b: readonly Interval[]): boolean {
    let i = 0;
    let j = 0;
    while (i < a.length && j < b.length) {
        if (a[i].first <= b[j].last && b[j].first <= a[i].last) return true;
        if (a[i].last < b[j].last) i++;
        else j++;
    }
    return false;
}

export function isEmpty(set: readonly Interval[]): boolean {
    return set.length === 0;
}

export function coversFamily(set: readonly Interval[], family: Family): boolean {
    return set.length === 1 && set[0].first === 0n && set[0].last === familyMax(family);
}

/** Splits an interval set into the fewest aligned CIDR blocks (first address and prefix length). */
export function toBlocks(set: readonly Interval[], family: Family): Array<{ first: bigint; prefix: number }> {
    const bits = FAMILY_BITS[family];
    const blocks: Array<{ first: bigint; prefix: number }> = [];
    for (const interval of set) {
        let first = interval.first;
        while (first <= interval.last) {
            // The largest block that starts at `first` (alignment) and stays inside the interval.
            let size = 0;
            while (size < bits && (first & ((1n << BigInt(size + 1)) - 1n)) === 0n && first + (1n << BigInt(size + 1)) - 1n <= interval.last) {
                size++;
            }
            blocks.push({ first, prefix: bits - size });
            first += 1n << BigInt(size);
        }
    }
    return blocks;
}
