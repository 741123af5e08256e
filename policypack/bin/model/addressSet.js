"use strict";
/**
 * Sets of IP addresses as sorted, disjoint, inclusive intervals of BigInt, one list per family.
 * Parsing goes through ipaddr.js (see addresses.ts); this module only does the set arithmetic that
 * unions of CIDRs and first-match NACL evaluation need.
 */
Object.defineProperty(exports, "__esModule", { value: true });
exports.FAMILY_BITS = void 0;
exports.familyMax = familyMax;
exports.normalize = normalize;
exports.subtract = subtract;
exports.intersect = intersect;
exports.intersects = intersects;
exports.isEmpty = isEmpty;
exports.coversFamily = coversFamily;
exports.toBlocks = toBlocks;
exports.FAMILY_BITS = { 4: 32, 6: 128 };
function familyMax(family) {
    return (1n << BigInt(exports.FAMILY_BITS[family])) - 1n;
}
/** Normalises any list of intervals into sorted, disjoint, non-adjacent intervals. */
function normalize(intervals) {
    const sorted = [...intervals].sort((a, b) => (a.first < b.first ? -1 : a.first > b.first ? 1 : 0));
    const merged = [];
    for (const next of sorted) {
        const last = merged[merged.length - 1];
        if (last && next.first <= last.last + 1n) {
            if (next.last > last.last)
                last.last = next.last;
        }
        else {
            merged.push({ first: next.first, last: next.last });
        }
    }
    return merged;
}
/** a minus b; both must be normalised. */
function subtract(a, b) {
    const result = [];
    let j = 0;
    for (const interval of a) {
        let first = interval.first;
        const last = interval.last;
        while (j < b.length && b[j].last < first)
            j++;
        let k = j;
        while (k < b.length && b[k].first <= last && first <= last) {
            if (b[k].first > first)
                result.push({ first, last: b[k].first - 1n });
            first = b[k].last + 1n;
            k++;
        }
        if (first <= last)
            result.push({ first, last });
    }
    return result;
}
/** a intersected with b; both must be normalised. */
function intersect(a, b) {
    const result = [];
    let i = 0;
    let j = 0;
    while (i < a.length && j < b.length) {
        const first = a[i].first > b[j].first ? a[i].first : b[j].first;
        const last = a[i].last < b[j].last ? a[i].last : b[j].last;
        if (first <= last)
            result.push({ first, last });
        if (a[i].last < b[j].last)
            i++;
        else
            j++;
    }
    return result;
}
/** Whether a and b share an address; both must be normalised. */
function intersects(a, b) {
    let i = 0;
    let j = 0;
    while (i < a.length && j < b.length) {
        if (a[i].first <= b[j].last && b[j].first <= a[i].last)
            return true;
        if (a[i].last < b[j].last)
            i++;
        else
            j++;
    }
    return false;
}
function isEmpty(set) {
    return set.length === 0;
}
function coversFamily(set, family) {
    return set.length === 1 && set[0].first === 0n && set[0].last === familyMax(family);
}
/** Splits an interval set into the fewest aligned CIDR blocks (first address and prefix length). */
function toBlocks(set, family) {
    const bits = exports.FAMILY_BITS[family];
    const blocks = [];
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
