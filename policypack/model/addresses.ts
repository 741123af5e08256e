/**
 * CIDRs and address classes. All parsing goes through ipaddr.js; the classes follow the pack's
 * definition of "the internet" (README, "What counts as the internet").
 */
import * as ipaddr from "ipaddr.js";
import { Family, FAMILY_BITS, Interval, coversFamily, familyMax, intersect, isEmpty, normalize, subtract, toBlocks } from "./addressSet";
import { AnswerCache } from "./answerCache";

/** A parsed CIDR; shared between everyone who parses the same text, so never modified. */
export interface Cidr {
    readonly family: Family;
    /** The text as written in the program. */
    readonly text: string;
    readonly prefix: number;
    readonly first: bigint;
    readonly last: bigint;
}

export interface InternetOptions {
    /** IPv4 CIDRs with a prefix shorter than this that contain a public address are "the internet". */
    internetPrefixV4: number;
    /** The same for IPv6. */
    internetPrefixV6: number;
}

export const DEFAULT_INTERNET_OPTIONS: InternetOptions = { internetPrefixV4: 16, internetPrefixV6: 32 };

/** The internet definition as a key, for caching answers that depend on it. */
export function definitionKey(options: InternetOptions): string {
    return `${options.internetPrefixV4}/${options.internetPrefixV6}`;
}

function bytesToBigInt(bytes: number[]): bigint {
    let value = 0n;
    for (const byte of bytes) value = (value << 8n) | BigInt(byte);
    return value;
}

function bigIntToBytes(value: bigint, family: Family): number[] {
    const count = FAMILY_BITS[family] / 8;
    const bytes: number[] = new Array(count);
    let rest = value;
    for (let i = count - 1; i >= 0; i--) {
        bytes[i] = Number(rest & 0xffn);
        rest >>= 8n;
    }
    return bytes;
}

export function formatAddress(value: bigint, family: Family): string {
    return ipaddr.fromByteArray(bigIntToBytes(value, family)).toString();
}

function blockOf(first: bigint, prefix: number, family: Family): Interval {
    const hostBits = BigInt(FAMILY_BITS[family] - prefix);
    const start = (first >> hostBits) << hostBits;
    return { first: start, last: start + (1n << hostBits) - 1n };
}

/**
 * Stacks repeat the same few CIDRs thousands of times, and every policy reads them: parse each text
 * once. Bounded so a stack of millions of distinct addresses cannot grow it without limit.
 */
const parsedCidrs = new Map<string, Readonly<Cidr> | string>();
const PARSED_CIDRS_LIMIT = 50_000;

/**
 * Parses a CIDR as AWS accepts it: an address and a decimal prefix. Four-part decimal IPv4 only
 * (no leading zeros, hex or octal), no zone index, prefix within the family. Host bits are allowed
 * and ignored (AWS judges the block); the block is what the rule opens.
 * Returns a reason string when the text is not a CIDR AWS would accept.
 */
export function parseCidr(text: string): Cidr | string {
    if (typeof text !== "string") return "not a string";
    let parsed = parsedCidrs.get(text);
    if (parsed === undefined) {
        if (parsedCidrs.size >= PARSED_CIDRS_LIMIT) parsedCidrs.clear();
        parsed = parseCidrText(text);
        if (typeof parsed !== "string") Object.freeze(parsed);
        parsedCidrs.set(text, parsed);
    }
    return parsed;
}

function parseCidrText(text: string): Cidr | string {
    const slash = text.indexOf("/");
    if (slash < 0) return "no prefix length (expected address/prefix, e.g. 203.0.113.10/32)";
    const addressText = text.slice(0, slash);
    const prefixText = text.slice(slash + 1);
    if (!/^(0|[1-9]\d{0,2})$/.test(prefixText)) return `prefix length "${prefixText}" is not a decimal number`;
    const prefix = Number(prefixText);
    let family: Family;
    if (addressText.includes(":")) {
        if (addressText.includes("%") || !ipaddr.IPv6.isValid(addressText)) return `"${addressText}" is not an IPv6 address`;
        family = 6;
    } else {
        if (!ipaddr.IPv4.isValidFourPartDecimal(addressText)) {
            return `"${addressText}" is not a dotted-decimal IPv4 address (leading zeros, hex and short forms are rejected by AWS)`;
        }
        family = 4;
    }
    if (prefix > FAMILY_BITS[family]) return `prefix /${prefix} is longer than /${FAMILY_BITS[family]}`;
    const address = bytesToBigInt(ipaddr.parse(addressText).toByteArray());
    const block = blockOf(address, prefix, family);
    return { family, text, prefix, first: block.first, last: block.last };
}

/** Canonical forms already written, per parsed CIDR (parseCidr hands out one frozen object per text). */
const canonicalForms = new WeakMap<Cidr, string>();

/** The CIDR in canonical form (host bits cleared), e.g. for messages. */
export function canonical(cidr: Cidr): string {
    let form = canonicalForms.get(cidr);
    if (form === undefined) {
        form = `${formatAddress(cidr.first, cidr.family)}/${cidr.prefix}`;
        canonicalForms.set(cidr, form);
    }
    return form;
}

// --- Reserved space, from ipaddr.js's own table of special ranges --------------------------------

type RangeTable = Record<string, [ipaddr.IPv4 | ipaddr.IPv6, number] | Array<[ipaddr.IPv4 | ipaddr.IPv6, number]>>;

function rangesOf(table: RangeTable, include: (name: string) => boolean): Interval[] {
    const intervals: Interval[] = [];
    for (const [name, value] of Object.entries(table)) {
        if (!include(name)) continue;
        const entries = (Array.isArray(value[0]) ? value : [value]) as Array<[ipaddr.IPv4 | ipaddr.IPv6, number]>;
        for (const [address, prefix] of entries) {
            const family: Family = address.kind() === "ipv4" ? 4 : 6;
            intervals.push(blockOf(bytesToBigInt(address.toByteArray()), prefix, family));
        }
    }
    return normalize(intervals);
}

/** IPv6 ranges that carry an IPv4 address: judged by the IPv4 space they cover. */
interface Embedding {
    name: string;
    range: Interval;
    prefix: number;
    /** How many bits after the embedding prefix the IPv4 address starts. */
    offset: number;
}

function embedding(name: string, text: string, offset: number): Embedding {
    const [address, prefix] = ipaddr.IPv6.parseCIDR(text);
    return { name, range: blockOf(bytesToBigInt(address.toByteArray()), prefix, 6), prefix, offset };
}

const EMBEDDINGS: Embedding[] = [
    embedding("IPv4-mapped", "::ffff:0:0/96", 0),
    embedding("IPv4-translated", "::ffff:0:0:0/96", 0),
    embedding("NAT64", "64:ff9b::/96", 0),
    embedding("6to4", "2002::/16", 0),
];

/** Address space that is not public: every special range ipaddr.js knows, except public anycast services. */
const PUBLIC_SPECIAL = new Set(["as112", "amt", "as112v6"]);
const RESERVED_V4 = rangesOf((ipaddr.IPv4.prototype as unknown as { SpecialRanges: RangeTable }).SpecialRanges, (name) => !PUBLIC_SPECIAL.has(name));
const RESERVED_V6 = normalize([
    ...rangesOf((ipaddr.IPv6.prototype as unknown as { SpecialRanges: RangeTable }).SpecialRanges, (name) => !PUBLIC_SPECIAL.has(name)),
    ...EMBEDDINGS.map((e) => e.range),
]);

function containsPublic(set: Interval[], family: Family): boolean {
    return !isEmpty(subtract(set, family === 4 ? RESERVED_V4 : RESERVED_V6));
}

// --- Classification --------------------------------------------------------------------------------

export interface InternetVerdict {
    readonly internet: boolean;
    /** Why, in words, for messages: "the whole IPv4 internet", "a /8 containing public addresses", ... */
    readonly reason: string;
}

function judgeIpv4Block(first: bigint, prefix: number, options: InternetOptions): InternetVerdict {
    if (prefix === 0) return { internet: true, reason: "the whole IPv4 internet" };
    const block = [blockOf(first, prefix, 4)];
    if (!containsPublic(block, 4)) return { internet: false, reason: "private or reserved IPv4 space" };
    if (prefix < options.internetPrefixV4) {
        return { internet: true, reason: `a /${prefix} of public IPv4 space (wider than /${options.internetPrefixV4})` };
    }
    return { internet: false, reason: prefix === 32 ? "a single public host" : "a narrow public range" };
}

/** The IPv4 block an IPv6 block carries inside an embedding range, if they overlap. */
function embeddedIpv4(first: bigint, prefix: number, e: Embedding): { first: bigint; prefix: number } | undefined {
    const block = blockOf(first, prefix, 6);
    if (isEmpty(intersect([block], [e.range]))) return undefined;
    if (prefix <= e.prefix) return { first: 0n, prefix: 0 }; // the IPv6 block contains the whole embedding range
    const shift = BigInt(128 - e.prefix - e.offset - 32);
    const v4First = (block.first >> shift) & familyMax(4);
    return { first: v4First, prefix: Math.min(32, prefix - e.prefix - e.offset) };
}

function judgeIpv6Block(first: bigint, prefix: number, options: InternetOptions): InternetVerdict {
    if (prefix === 0) return { internet: true, reason: "the whole IPv6 internet" };
    for (const e of EMBEDDINGS) {
        const v4 = embeddedIpv4(first, prefix, e);
        if (!v4) continue;
        const verdict = judgeIpv4Block(v4.first, v4.prefix, options);
        if (verdict.internet) {
            return { internet: true, reason: `${e.name} IPv6 space carrying ${formatAddress(v4.first, 4)}/${v4.prefix}, ${verdict.reason}` };
        }
    }
    const block = [blockOf(first, prefix, 6)];
    if (!containsPublic(block, 6)) return { internet: false, reason: "private or reserved IPv6 space" };
    if (prefix < options.internetPrefixV6) {
        return { internet: true, reason: `a /${prefix} of public IPv6 space (wider than /${options.internetPrefixV6})` };
    }
    return { internet: false, reason: prefix === 128 ? "a single public host" : "a narrow public range" };
}

/** Verdicts per parsed CIDR (shared, see parseCidr) and internet definition: every policy asks about the same few CIDRs. */
const verdicts = new AnswerCache<Cidr, InternetVerdict>();

/** Is one CIDR "the internet"? */
export function judgeCidr(cidr: Cidr, options: InternetOptions = DEFAULT_INTERNET_OPTIONS): InternetVerdict {
    return verdicts.get(cidr, definitionKey(options), () =>
        cidr.family === 4 ? judgeIpv4Block(cidr.first, cidr.prefix, options) : judgeIpv6Block(cidr.first, cidr.prefix, options),
    );
}

/**
 * Which of one rule's CIDRs make it "the internet", each with why: those that are the internet on
 * their own, or else all of a family's CIDRs when together they cover that whole family.
 */
export function internetCidrsOf(
    cidrs: readonly Cidr[],
    options: InternetOptions = DEFAULT_INTERNET_OPTIONS,
    /** What the CIDRs are, for the reason a union gives: a rule's, or a prefix list's entries. */
    others = "the rule's other CIDRs",
): Array<{ cidr: Cidr; reason: string }> {
    const alone = cidrs.map((cidr) => ({ cidr, verdict: judgeCidr(cidr, options) })).filter((c) => c.verdict.internet);
    if (alone.length > 0) return alone.map(({ cidr, verdict }) => ({ cidr, reason: verdict.reason }));
    for (const family of [4, 6] as const) {
        if (unionCoversFamily(cidrs, family)) {
            return cidrs.filter((c) => c.family === family).map((cidr) => ({ cidr, reason: `together with ${others}, all of IPv${family}` }));
        }
    }
    return [];
}

/** Does the union of these CIDRs cover a whole family (e.g. 0.0.0.0/1 + 128.0.0.0/1)? */
export function unionCoversFamily(cidrs: readonly Cidr[], family: Family): boolean {
    const own = cidrs.filter((c) => c.family === family);
    return own.length > 0 && coversFamily(normalize(own.map((c) => ({ first: c.first, last: c.last }))), family);
}

/**
 * Is an arbitrary address set (e.g. what a NACL entry still allows after earlier denies) the
 * internet? It is when it covers a whole family, or when any of the CIDR blocks it is made of is.
 */
export function judgeAddressSet(set: Interval[], family: Family, options: InternetOptions = DEFAULT_INTERNET_OPTIONS): InternetVerdict {
    if (coversFamily(set, family)) return { internet: true, reason: `the whole IPv${family} internet` };
    for (const block of toBlocks(set, family)) {
        const verdict = family === 4 ? judgeIpv4Block(block.first, block.prefix, options) : judgeIpv6Block(block.first, block.prefix, options);
        if (verdict.internet) {
            return { internet: true, reason: `${formatAddress(block.first, family)}/${block.prefix}, ${verdict.reason}` };
        }
    }
    return { internet: false, reason: "no internet-wide block" };
}

export function cidrInterval(cidr: Cidr): Interval[] {
    return [{ first: cidr.first, last: cidr.last }];
}

/** Is `inner` inside `outer` (same family)? */
export function cidrContains(outer: Cidr, inner: Cidr): boolean {
    return outer.family === inner.family && outer.first <= inner.first && inner.last <= outer.last;
}
