/**
 * Analyze and AnalyzeStack requests written straight from the resources' JavaScript values into the
 * bytes gRPC sends: no protobuf message objects, no `google.protobuf.Value` tree per property
 * (Struct.fromJavaScript), no per-message byte arrays joined later, no copy on the way out.
 *
 * The bytes are those `@pulumi/pulumi`'s generated messages serialize (test/unit/requestEncoding.test.ts
 * compares them): fields in field-number order, proto3 defaults left out, map entries (a Struct's
 * fields, property dependencies) in sorted key order as google-protobuf sorts them. One difference, on
 * purpose: a lone UTF-16 surrogate in a string is sent as U+FFFD, as Node.js and the Pulumi engine
 * (Go) encode it, where google-protobuf drops it.
 */
import type { PackResource, ProviderReference } from "./packProcess";

// Wire types.
const VARINT = 0;
const FIXED64 = 1;
const LENGTH = 2;

/** A growing buffer that protobuf fields are written into. */
class ProtoWriter {
    private buffer: Buffer;
    private at = 0;

    constructor(capacity: number) {
        this.buffer = Buffer.allocUnsafe(capacity);
    }

    private room(bytes: number): void {
        if (this.at + bytes <= this.buffer.length) return;
        let size = this.buffer.length * 2;
        while (size < this.at + bytes) size *= 2;
        const grown = Buffer.allocUnsafe(size);
        this.buffer.copy(grown, 0, 0, this.at);
        this.buffer = grown;
    }

    /** The bytes written (a view, not a copy). */
    finish(): Buffer {
        return this.buffer.subarray(0, this.at);
    }

    private varint(value: number): void {
        this.room(10);
        while (value > 0x7f) {
            this.buffer[this.at++] = (value & 0x7f) | 0x80;
            value = Math.floor(value / 128);
        }
        this.buffer[this.at++] = value;
    }

    private tag(field: number, wireType: number): void {
        // Every field number here is below 16: the tag is one byte.
        this.room(1);
        this.buffer[this.at++] = (field << 3) | wireType;
    }

    /** A string field, always written (a proto3 string that is empty is left out by the caller). */
    string(field: number, text: string): void {
        this.tag(field, LENGTH);
        const length = text.length;
        if (length < 43) {
            // At most 126 bytes of UTF-8: a one-byte length. ASCII is copied here; anything else by Node.js.
            this.room(1 + length * 3);
            const lengthAt = this.at++;
            let i = 0;
            for (; i < length; i++) {
                const code = text.charCodeAt(i);
                if (code >= 0x80) break;
                this.buffer[this.at + i] = code;
            }
            const written = i === length ? length : this.buffer.write(text, this.at, "utf8");
            this.buffer[lengthAt] = written;
            this.at += written;
            return;
        }
        const bytes = Buffer.byteLength(text, "utf8");
        this.varint(bytes);
        this.room(bytes);
        this.at += this.buffer.write(text, this.at, "utf8");
    }

    /** A proto3 string field: left out when empty. */
    optionalString(field: number, text: string | undefined): void {
        if (text) this.string(field, text);
    }

    double(field: number, value: number): void {
        this.tag(field, FIXED64);
        this.room(8);
        this.at = this.buffer.writeDoubleLE(value, this.at);
    }

    varintField(field: number, value: number): void {
        this.tag(field, VARINT);
        this.varint(value);
    }

    /** Starts a length-delimited field (a message); end it with `end` and what this returned. */
    begin(field: number): number {
        this.tag(field, LENGTH);
        this.room(1);
        return this.at++;
    }

    /** Ends the message begun at `lengthAt`: its length, one byte reserved, widened (content moved) when longer. */
    end(lengthAt: number): void {
        const start = lengthAt + 1;
        const length = this.at - start;
        if (length < 0x80) {
            this.buffer[lengthAt] = length;
            return;
        }
        let width = 1;
        for (let rest = length; rest > 0x7f; rest = Math.floor(rest / 128)) width++;
        this.room(width - 1);
        this.buffer.copyWithin(lengthAt + width, start, this.at);
        this.at = lengthAt;
        this.varint(length);
        this.at += length;
    }
}

/** A value google-protobuf's Struct.fromJavaScript refuses (undefined, a function, a symbol, a bigint). */
function unexpected(): never {
    throw new Error("Unexpected struct type.");
}

/** `google.protobuf.Value` fields: null 1, number 2, string 3, bool 4, struct 5, list 6. */
function value(writer: ProtoWriter, field: number, data: unknown): void {
    const at = writer.begin(field);
    if (data === null) writer.varintField(1, 0);
    else if (typeof data === "string") writer.string(3, data);
    else if (typeof data === "number") writer.double(2, data);
    else if (typeof data === "boolean") writer.varintField(4, data ? 1 : 0);
    else if (Array.isArray(data)) {
        const list = writer.begin(6);
        for (const item of data) value(writer, 1, item);
        writer.end(list);
    } else if (typeof data === "object") struct(writer, 5, data as Record<string, unknown>);
    else unexpected();
    writer.end(at);
}

/** `google.protobuf.Struct` (field 1: map<string, Value>), keys sorted as google-protobuf writes a map. */
function struct(writer: ProtoWriter, field: number, data: Record<string, unknown>): void {
    const at = writer.begin(field);
    const keys: string[] = [];
    // As Struct.fromJavaScript reads an object: every enumerable key, own or inherited.
    for (const key in data) keys.push(key);
    keys.sort();
    for (const key of keys) {
        const entry = writer.begin(1);
        writer.string(1, key);
        value(writer, 2, data[key]);
        writer.end(entry);
    }
    writer.end(at);
}

/** `AnalyzerProviderResource`: type 1, properties 2, urn 3, name 4. */
function provider(writer: ProtoWriter, field: number, reference: ProviderReference): void {
    const at = writer.begin(field);
    writer.optionalString(1, reference.type);
    struct(writer, 2, reference.props);
    writer.optionalString(3, reference.urn);
    writer.optionalString(4, reference.name);
    writer.end(at);
}

/**
 * What AnalyzeRequest and AnalyzerResource share (type 1, properties 2, urn 3, name 4, options 5,
 * provider 6): the options and default provider the engine always sends (the SDK refuses a request
 * without options; its `protect` is false, so only the parent is written).
 */
function describe(writer: ProtoWriter, resource: PackResource, urn: string, reference: ProviderReference): void {
    writer.optionalString(1, resource.type);
    struct(writer, 2, resource.props as Record<string, unknown>);
    writer.optionalString(3, urn);
    writer.optionalString(4, resource.name);
    const options = writer.begin(5);
    writer.optionalString(8, resource.parent);
    writer.end(options);
    provider(writer, 6, reference);
}

/** The URN and provider a resource is described with: its own, else as the engine makes them. */
export interface Described {
    urn: string;
    provider: ProviderReference;
}

/** An encoded AnalyzeRequest: one resource's inputs. */
export function encodeAnalyzeRequest(resource: PackResource, described: Described): Buffer {
    const writer = new ProtoWriter(1024);
    describe(writer, resource, described.urn, described.provider);
    return writer.finish();
}

/**
 * An encoded AnalyzeStackRequest (field 1: repeated AnalyzerResource), one buffer written one
 * resource at a time: AnalyzerResource adds parent 7, dependencies 8 and property dependencies 9.
 */
export function encodeAnalyzeStackRequest(resources: Iterable<PackResource>, describedOf: (resource: PackResource) => Described): Buffer {
    const writer = new ProtoWriter(64 * 1024);
    for (const resource of resources) {
        const described = describedOf(resource);
        const at = writer.begin(1);
        describe(writer, resource, described.urn, described.provider);
        writer.optionalString(7, resource.parent);
        for (const dependency of resource.dependencies ?? []) writer.string(8, dependency);
        const dependencies = resource.propertyDependencies ?? {};
        for (const key of Object.keys(dependencies).sort()) {
            const entry = writer.begin(9);
            writer.string(1, key);
            const urns = writer.begin(2);
            for (const urn of dependencies[key]) writer.string(1, urn);
            writer.end(urns);
            writer.end(entry);
        }
        writer.end(at);
    }
    return writer.finish();
}
