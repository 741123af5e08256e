/**
 * The pack's server reads Analyze, Remediate and AnalyzeStack requests from their bytes
 * (policypack/server/requestDecoding.ts). Whatever the bytes, what it reads must be what the generated
 * code (google-protobuf, as the SDK's server decodes) reads, converted by the SDK's own conversion:
 * well-formed requests of every shape, hostile keys and values, odd encodings the engine never writes
 * (which the fast reader leaves to the generated code), and random corruption.
 */
import * as fc from "fast-check";
import { PackResource, analyzeRequest, encodeAnalyzeStack, secret, UNKNOWN } from "../../cli/engine/packProcess";
import {
    ResourceData,
    analyzeRequestFrom,
    analyzeRequestViaGeneratedCode,
    analyzeStackRequestFrom,
    analyzeStackRequestViaGeneratedCode,
    propertiesOf,
} from "../../policypack/server/requestDecoding";
import { deserialize } from "../../policypack/server/sdk";
import { WireReader } from "../../policypack/server/wireReader";

const SG = "aws:ec2/securityGroup:SecurityGroup";
const SIG = "4dabf18193072939515e22adb298388d";

/** A value as a policy could tell it apart: key order, prototypes, -0 and NaN, class instances. */
function shape(value: unknown, depth = 0): unknown {
    if (depth > 300) return "(too deep)";
    if (typeof value === "number") return Object.is(value, -0) ? "-0" : Number.isNaN(value) ? "NaN" : value;
    if (value === null || typeof value !== "object") return value;
    if (Array.isArray(value)) return value.map((v) => shape(v, depth + 1));
    const proto = Object.getPrototypeOf(value);
    return {
        proto: proto === Object.prototype ? "Object" : proto === null ? "null" : `${proto.constructor?.name}:${JSON.stringify(shape(proto, depth + 1))}`,
        entries: Object.keys(value).map((k) => [k, shape((value as Record<string, unknown>)[k], depth + 1)]),
    };
}

/** An outcome: the value, or the error thrown, by message. */
function settle(read: () => unknown): unknown {
    try {
        return { value: shape(read()) };
    } catch (error) {
        return { error: String((error as Error).message) };
    }
}

/** What the server takes from a decoded resource, each part as the policies and the responses see it. */
function observable(data: ResourceData): unknown {
    return {
        type: data.type,
        urn: data.urn,
        name: data.name,
        options: data.options,
        provider: data.provider && {
            type: data.provider.type,
            urn: data.provider.urn,
            name: data.provider.name,
            props: settle(() => propertiesOf(data.provider!.properties)),
        },
        parent: data.parent,
        dependencies: data.dependencies,
        propertyDependencies: shape(data.propertyDependencies),
        props: settle(() => propertiesOf(data.properties)),
        // The SDK's conversion as such (Remediate's, with secrets kept): it must get the same input.
        converted: settle(() => deserialize.deserializeProperties(data.properties!, false)),
        withSecrets: settle(() => JSON.stringify(deserialize.deserializeProperties(data.properties!, true))),
    };
}

function decodedBoth(kind: "analyze" | "stack", bytes: Uint8Array): { fast: unknown; reference: unknown } {
    const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
    const read = (decode: () => ResourceData | ResourceData[]) =>
        settle(() => {
            const decoded = decode();
            return JSON.stringify(Array.isArray(decoded) ? decoded.map(observable) : observable(decoded));
        });
    return kind === "analyze"
        ? { fast: read(() => analyzeRequestFrom(buffer)), reference: read(() => analyzeRequestViaGeneratedCode(bytes)) }
        : { fast: read(() => analyzeStackRequestFrom(buffer)), reference: read(() => analyzeStackRequestViaGeneratedCode(bytes)) };
}

function expectSame(kind: "analyze" | "stack", bytes: Uint8Array): void {
    const { fast, reference } = decodedBoth(kind, bytes);
    expect(fast).toEqual(reference);
}

const hostileText = fc.oneof(
    fc.string({ unit: "grapheme", maxLength: 20 }),
    fc.string({ unit: "binary", maxLength: 12 }),
    fc.constantFrom("__proto__", "constructor", "prototype", "toString", SIG, "", "0", "1", "10", "-1", "a", "B", "é", "\u0000", "\ud800"),
);
const json = fc.letrec((tie) => ({
    value: fc.oneof(
        { depthSize: "small" },
        fc.constant(null),
        fc.boolean(),
        fc.double(),
        fc.constantFrom(0, -0, 1e-310, Number.MAX_VALUE, Infinity, -Infinity),
        hostileText,
        fc.constant(UNKNOWN),
        fc.array(tie("value"), { maxLength: 4 }),
        fc.dictionary(hostileText, tie("value"), { maxKeys: 4 }),
        tie("value").map((v) => secret(v)),
        fc.constantFrom(
            { [SIG]: "c44067f5952c0a294b673a41bacd8c17", text: "an asset" },
            { [SIG]: "0def7320c3a5731c473e5ecbe6d01bc7", path: "./dir" },
            { [SIG]: "5cf8f73096256a8f31e491e813e4eb8e", urn: "urn:x", id: "i" },
            { [SIG]: "not a signature" },
        ),
    ),
})).value;

const resource: fc.Arbitrary<PackResource> = fc.record(
    {
        type: fc.oneof(fc.constant(SG), hostileText),
        name: hostileText,
        urn: hostileText,
        props: fc.dictionary(hostileText, json, { maxKeys: 6 }),
        parent: hostileText,
        dependencies: fc.array(hostileText, { maxLength: 3 }),
        propertyDependencies: fc.dictionary(hostileText, fc.array(hostileText, { maxLength: 2 }), { maxKeys: 3 }),
        provider: fc.record({ type: hostileText, name: hostileText, urn: hostileText, props: fc.dictionary(hostileText, json, { maxKeys: 3 }) }),
    },
    { requiredKeys: ["type", "name", "props"] },
);

const analyzeBytes = (r: PackResource) => analyzeRequest(r).serializeBinary();

it("reads well-formed requests of every shape as the generated code and the SDK's conversion do", () => {
    fc.assert(
        fc.property(resource, (r) => {
            expectSame("analyze", analyzeBytes(r));
            expectSame("stack", encodeAnalyzeStack([r, r]));
        }),
        { numRuns: 250, seed: 17 },
    );
});

it("reads short names that share a slot of the reader's recent names as themselves", () => {
    // "Aa" and "BB" have the same 31-based hash, so every string made of them of one length shares a slot.
    const colliding = ["AaAa", "AaBB", "BBAa", "BBBB", "Aa", "BB", "Aa", "AaAa"];
    // "A" and "Ad$" share a slot too, with different lengths; "" is the shortest string there is.
    const names = [...colliding, "A", "Ad$", "A", "", "Ad$", "k".repeat(31), "k".repeat(32), "k".repeat(33), "é", "Aa"];
    const reader = new WireReader(Buffer.concat(names.map((text) => Buffer.concat([Buffer.from([Buffer.byteLength(text)]), Buffer.from(text)]))));
    expect(names.map(() => reader.name())).toEqual(names);
    // The same strings as property names in a request, and as values (which are never kept).
    const r: PackResource = { type: SG, name: "BB", urn: "Aa", props: { Aa: colliding, BB: { AaAa: "BB", BBBB: "Aa" }, Ad$: "BBBB", A: "Ad$" } };
    expectSame("analyze", analyzeBytes(r));
    expectSame("stack", encodeAnalyzeStack([r, { ...r, name: "Aa", urn: "BB" }]));
});

it("reads every double as itself: integral ones in the int32 range as integers, -0 as -0", () => {
    const values = [22, 0, -0, 1, -1, 2.5, -2.5, 2 ** 31 - 1, 2 ** 31, -(2 ** 31), -(2 ** 31) - 1, 2 ** 53, NaN, Infinity, -Infinity, Number.MIN_VALUE];
    const bytes = Buffer.alloc(8 * values.length);
    values.forEach((value, i) => bytes.writeDoubleLE(value, 8 * i));
    const reader = new WireReader(bytes);
    const read = values.map(() => reader.double());
    read.forEach((value, i) => expect([i, Object.is(value, values[i])]).toEqual([i, true]));
    const r: PackResource = { type: SG, name: "n", props: { ports: values, zero: -0, port: 22 } };
    expectSame("analyze", analyzeBytes(r));
    expectSame("stack", encodeAnalyzeStack([r]));
});

it("keeps no value of a request after it: only names are remembered", () => {
    // A short secret read as a value, then a name with the same bytes: the name is a fresh string, not the value's.
    const bytes = Buffer.concat([Buffer.from([6]), Buffer.from("hunter"), Buffer.from([6]), Buffer.from("hunter")]);
    const reader = new WireReader(bytes);
    const value = reader.string();
    const spy = jest.spyOn(Buffer.prototype, "toString");
    expect(reader.name()).toBe(value);
    // Decoded again: had the value been remembered, the name would have been found without decoding.
    expect(spy).toHaveBeenCalledTimes(1);
    spy.mockRestore();
});

it("reads corrupted requests as the generated code does: the same values, or the same error", () => {
    const corruption = fc.record({
        at: fc.nat(),
        kind: fc.constantFrom("flip", "truncate", "insert", "delete"),
        byte: fc.integer({ min: 0, max: 255 }),
    });
    fc.assert(
        fc.property(resource, fc.array(corruption, { minLength: 1, maxLength: 3 }), fc.boolean(), (r, changes, inStack) => {
            let bytes = Buffer.from(inStack ? encodeAnalyzeStack([r]) : analyzeBytes(r));
            for (const { at, kind, byte } of changes) {
                if (bytes.length === 0) break;
                const i = at % bytes.length;
                if (kind === "flip") bytes[i] = byte;
                else if (kind === "truncate") bytes = bytes.subarray(0, i);
                else if (kind === "insert") bytes = Buffer.concat([bytes.subarray(0, i), Buffer.from([byte]), bytes.subarray(i)]);
                else bytes = Buffer.concat([bytes.subarray(0, i), bytes.subarray(i + 1)]);
            }
            expectSame(inStack ? "stack" : "analyze", new Uint8Array(bytes));
        }),
        { numRuns: 500, seed: 29 },
    );
});

// Hand-written encodings the engine never sends, each of which the fast reader must either read exactly
// as the generated code does or leave to it.
const varint = (n: number): number[] => {
    const out: number[] = [];
    while (n > 0x7f) {
        out.push((n & 0x7f) | 0x80);
        n = Math.floor(n / 128);
    }
    out.push(n);
    return out;
};
const field = (number: number, wireType: number, payload: number[]): number[] => [...varint(number * 8 + wireType), ...payload];
const delimited = (number: number, payload: number[]): number[] => field(number, 2, [...varint(payload.length), ...payload]);
const text = (s: string): number[] => [...Buffer.from(s, "utf8")];
const raw = (...bytes: number[]): number[] => bytes;
const double = (n: number): number[] => {
    const b = Buffer.alloc(8);
    b.writeDoubleLE(n);
    return [...b];
};
const value = (...parts: number[][]): number[] => parts.flat();
const entry = (key: number[] | undefined, val: number[] | undefined): number[] =>
    delimited(1, [...(key ? delimited(1, key) : []), ...(val ? delimited(2, val) : [])]);
const struct = (...entries: number[][]): number[] => entries.flat();
const str = (s: string) => delimited(3, text(s));
const options = delimited(5, []);

const oddRequests: Array<[string, number[]]> = [
    ["type twice (the last wins)", [...delimited(1, text("a")), ...delimited(1, text("b")), ...delimited(2, []), ...options]],
    ["properties twice (replaced, not merged)", [...delimited(2, entry(text("a"), str("1"))), ...delimited(2, entry(text("b"), str("2"))), ...options]],
    ["options twice", [...delimited(2, []), ...delimited(5, field(1, 0, [1])), ...delimited(5, field(3, 0, [1]))]],
    [
        "unknown fields of every wire type",
        [...field(20, 0, [0x96, 0x01]), ...field(21, 1, double(1)), ...delimited(22, [1, 2]), ...field(23, 5, [1, 2, 3, 4]), ...delimited(2, []), ...options],
    ],
    ["a group", [...field(20, 3, []), ...field(20, 4, []), ...delimited(2, []), ...options]],
    ["wire types 6 and 7", [...field(20, 6, []), ...delimited(2, [])]],
    ["field number 0", [...field(0, 0, [1]), ...delimited(2, [])]],
    ["a string field sent as a varint", [...field(1, 0, [5]), ...delimited(2, []), ...options]],
    ["a bool of two bytes", [...delimited(2, []), ...delimited(5, field(1, 0, [0x81, 0x00]))]],
    ["a bool of value 2", [...delimited(2, []), ...delimited(5, field(1, 0, [2]))]],
    ["a ten-byte bool", [...delimited(2, []), ...delimited(5, field(1, 0, [0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01]))]],
    [
        "custom timeouts, read twice",
        [...delimited(2, []), ...delimited(5, delimited(7, [...field(1, 1, double(5)), ...field(1, 1, double(7)), ...field(4, 1, double(9))]))],
    ],
    ["a Value of no kind", [...delimited(2, entry(text("a"), [])), ...options]],
    ["a Value of two kinds", [...delimited(2, entry(text("a"), value(str("s"), field(4, 0, [1])))), ...options]],
    ["a Value of the same kind twice", [...delimited(2, entry(text("a"), value(str("s"), str("t")))), ...options]],
    ["a null of value 7", [...delimited(2, entry(text("a"), field(1, 0, [7]))), ...options]],
    ["a null of a negative value", [...delimited(2, entry(text("a"), field(1, 0, [0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x01]))), ...options]],
    ["a map entry without a key", [...delimited(2, entry(undefined, str("v"))), ...options]],
    ["a map entry without a value", [...delimited(2, entry(text("k"), undefined)), ...options]],
    [
        "a map entry with its key twice",
        [...delimited(2, delimited(1, [...delimited(1, text("a")), ...delimited(1, text("b")), ...delimited(2, str("v"))])), ...options],
    ],
    [
        "a map entry with a field it does not define",
        [...delimited(2, delimited(1, [...delimited(1, text("a")), ...delimited(2, field(4, 0, [1])), ...field(3, 5, [0x0a, 0x01, 0x62, 0x00])])), ...options],
    ],
    [
        "a map entry with a field it does not define before its key",
        [...delimited(2, delimited(1, [...field(9, 0, [1]), ...delimited(1, text("a")), ...delimited(2, str("v"))])), ...options],
    ],
    [
        "values nested 150 deep",
        [
            ...delimited(
                2,
                entry(
                    text("a"),
                    Array.from({ length: 150 }).reduce<number[]>((inner) => delimited(6, delimited(1, inner)), str("x")),
                ),
            ),
            ...options,
        ],
    ],
    ["a map entry with its value first", [...delimited(2, delimited(1, [...delimited(2, str("v")), ...delimited(1, text("k"))])), ...options]],
    ["a duplicate key", [...delimited(2, struct(entry(text("k"), str("1")), entry(text("k"), str("2")))), ...options]],
    [
        "keys out of order",
        [...delimited(2, struct(entry(text("b"), str("1")), entry(text("a"), str("2")), entry(text("10"), str("3")), entry(text("9"), str("4")))), ...options],
    ],
    [
        "a __proto__ key",
        [...delimited(2, struct(entry(text("__proto__"), delimited(5, entry(text("polluted"), str("yes")))), entry(text("a"), str("1")))), ...options],
    ],
    ["a __proto__ key with a scalar", [...delimited(2, struct(entry(text("__proto__"), str("x")))), ...options]],
    [
        "a nested __proto__ key",
        [...delimited(2, entry(text("a"), delimited(5, entry(text("__proto__"), delimited(5, entry(text("x"), str("1"))))))), ...options],
    ],
    ["overlong UTF-8", [...delimited(2, entry(text("k"), delimited(3, [0xc0, 0x80, 0x41]))), ...options]],
    ["a lone continuation byte", [...delimited(2, entry(text("k"), delimited(3, [0x41, 0x80, 0x42]))), ...options]],
    ["an encoded surrogate", [...delimited(2, entry(text("k"), delimited(3, [0xed, 0xa0, 0x80]))), ...options]],
    ["a lead byte above 0xF7", [...delimited(2, entry(text("k"), delimited(3, [0xf8, 0x41, 0xff]))), ...options]],
    ["a sequence cut by the string's end", [...delimited(2, entry(text("k"), delimited(3, [0x41, 0xe6]))), ...options]],
    // The reader takes a string without U+FFFD from Node's decoder as valid UTF-8 (wireReader.ts).
    ["a valid U+FFFD", [...delimited(2, entry(text("k"), delimited(3, [0x41, 0xef, 0xbf, 0xbd]))), ...options]],
    ["a valid U+FFFD and a malformed sequence", [...delimited(2, entry(text("k"), delimited(3, [0xef, 0xbf, 0xbd, 0xc0, 0x80]))), ...options]],
    ["a malformed URN", [...delimited(1, text("type")), ...delimited(3, [...text("urn:pulumi:s::p::t::"), 0xff, ...text("x".repeat(40))]), ...options]],
    ["a four-byte sequence beyond U+10FFFF", [...delimited(2, entry(text("k"), delimited(3, [0xf7, 0xbf, 0xbf, 0xbf]))), ...options]],
    ["a string longer than its message", [...delimited(1, text("type")), ...raw(0x12, 0x05, 0x0a, 0x10), ...options]],
    ["a length past the end", [...raw(0x0a, 0x7f, 0x41)]],
    ["an empty request", []],
    ["no options", [...delimited(2, [])]],
    [
        "NaN payloads and -0",
        [...delimited(2, struct(entry(text("a"), field(2, 1, [1, 0, 0, 0, 0, 0, 0xf8, 0x7f])), entry(text("b"), field(2, 1, double(-0))))), ...options],
    ],
];

it.each(oddRequests)("reads an Analyze request with %s as the generated code does", (_, bytes) => {
    expectSame("analyze", Uint8Array.from(bytes));
});

const stackOdd: Array<[string, number[]]> = [
    [
        "property dependencies out of order",
        delimited(1, [
            ...delimited(2, []),
            ...options,
            ...delimited(9, [...delimited(1, text("b")), ...delimited(2, delimited(1, text("u")))]),
            ...delimited(9, [...delimited(1, text("a")), ...delimited(2, [])]),
        ]),
    ],
    [
        "a property dependency named __proto__",
        delimited(1, [...delimited(2, []), ...options, ...delimited(9, [...delimited(1, text("__proto__")), ...delimited(2, delimited(1, text("u")))])]),
    ],
    [
        "a duplicate property dependency",
        delimited(1, [
            ...delimited(2, []),
            ...options,
            ...delimited(9, [...delimited(1, text("a")), ...delimited(2, [])]),
            ...delimited(9, [...delimited(1, text("a")), ...delimited(2, delimited(1, text("u")))]),
        ]),
    ],
    [
        "a property dependency entry with a field it does not define",
        delimited(1, [
            ...delimited(2, []),
            ...options,
            ...delimited(9, [...delimited(1, text("a")), ...delimited(2, []), ...field(3, 5, [0x0a, 0x01, 0x62, 0x00])]),
        ]),
    ],
    ["a property dependency without URNs", delimited(1, [...delimited(2, []), ...options, ...delimited(9, delimited(1, text("a")))])],
    ["parent twice", delimited(1, [...delimited(2, []), ...options, ...delimited(7, text("p")), ...delimited(7, text("q"))])],
    ["dependencies", delimited(1, [...delimited(2, []), ...options, ...delimited(8, text("b")), ...delimited(8, text("a")), ...delimited(8, text("b"))])],
    ["an empty resource", delimited(1, [])],
    ["unknown top-level fields", [...field(2, 0, [1]), ...delimited(1, [...delimited(2, []), ...options])]],
    ["a resource cut short", raw(0x0a, 0x10, 0x0a, 0x01)],
];

it.each(stackOdd)("reads an AnalyzeStack request with %s as the generated code does", (_, bytes) => {
    expectSame("stack", Uint8Array.from(bytes));
});

it("reads the analyze fields 7-9 of an AnalyzeRequest as unknown fields, as the generated code does", () => {
    expectSame("analyze", Uint8Array.from([...delimited(2, []), ...options, ...delimited(7, text("p")), ...delimited(8, text("d"))]));
});

it("skips the SDK's copy only for properties with no Pulumi signature, and hands both the same values", () => {
    const plain = analyzeRequestFrom(Buffer.from(analyzeBytes({ type: SG, name: "a", props: { a: [1, { b: "c" }] } })));
    expect(propertiesOf(plain.properties)).toBe(plain.properties!.toJavaScript());
    const signed = analyzeRequestFrom(Buffer.from(analyzeBytes({ type: SG, name: "a", props: { a: secret("s") } })));
    expect(propertiesOf(signed.properties)).toEqual({ a: "s" });
});
