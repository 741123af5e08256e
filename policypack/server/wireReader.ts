/**
 * A protobuf reader for the encodings the Pulumi engine writes (each singular field once, known wire
 * types, well-formed lengths). Anything else — truncation, a group, a varint longer than the field
 * allows, a string running past its end — throws `LeftToGeneratedCode`, and the request is decoded
 * by the generated code instead, so an odd request gets exactly the answer it gets from the SDK's
 * server (requestDecoding.ts). Strings decode as google-protobuf 3.21 decodes them, which is not
 * Node's decoder when the bytes are not valid UTF-8.
 */
import { isUtf8 } from "buffer";

/** This encoding is left to the generated decoder, whose answer to it is the reference. */
export class LeftToGeneratedCode extends Error {}

/** What Node's UTF-8 decoder puts in place of each malformed sequence. */
const REPLACEMENT_CHARACTER = "\ufffd";

export const enum WireType {
    Varint = 0,
    Fixed64 = 1,
    Delimited = 2,
    Fixed32 = 5,
}

export class WireReader {
    pos = 0;
    /** One past the last byte of the message being read. */
    end: number;

    constructor(readonly bytes: Buffer) {
        this.end = bytes.length;
    }

    more(): boolean {
        return this.pos < this.end;
    }

    /** Enters the length-delimited message whose length comes next: reads stop at its end. Returns the end to restore. */
    enter(): number {
        const outer = this.end;
        this.end = this.delimitedEnd();
        return outer;
    }

    /** Leaves a message entered with enter(), which must have been read to its last byte. */
    leave(outer: number): void {
        if (this.pos !== this.end) throw new LeftToGeneratedCode();
        this.end = outer;
    }

    /** The next field's tag: field number × 8 + wire type. */
    tag(): number {
        const tag = this.varint32();
        if (tag >>> 3 === 0) throw new LeftToGeneratedCode();
        return tag;
    }

    /** An unsigned varint below 2^32 in at most five bytes, as the generated code reads tags, lengths and bools. */
    varint32(): number {
        // Tags, lengths and bools are nearly all one byte.
        if (this.pos < this.end) {
            const first = this.bytes[this.pos];
            if (first < 0x80) {
                this.pos++;
                return first;
            }
        }
        return this.longVarint32();
    }

    private longVarint32(): number {
        let result = 0;
        for (let shift = 0; shift < 35; shift += 7) {
            if (this.pos >= this.end) throw new LeftToGeneratedCode();
            const byte = this.bytes[this.pos++];
            if (shift === 28 && byte > 0x0f) throw new LeftToGeneratedCode();
            result += (byte & 0x7f) * 2 ** shift;
            if (byte < 0x80) return result;
        }
        throw new LeftToGeneratedCode();
    }

    /**
     * A double, and an integral one in the int32 range (a port, a rule number) as V8's small integer: read by
     * unoptimised code, readDoubleLE gives a boxed number even for 22, and by optimised code a small integer,
     * so the same field of a rule held one kind in a pack's first passes and the other later, and V8 threw
     * away the code it had optimised for one when it met the other. -0 stays -0.
     */
    double(): number {
        if (this.pos + 8 > this.end) throw new LeftToGeneratedCode();
        const value = this.bytes.readDoubleLE(this.pos);
        this.pos += 8;
        return value === (value | 0) && (value !== 0 || 1 / value > 0) ? value | 0 : value;
    }

    /** The end of the length-delimited field whose length comes next; the reader is at its first byte. */
    delimitedEnd(): number {
        const length = this.varint32();
        const end = this.pos + length;
        if (end > this.end) throw new LeftToGeneratedCode();
        return end;
    }

    string(): string {
        const end = this.delimitedEnd();
        const start = this.pos;
        this.pos = end;
        return this.text(start, end);
    }

    /**
     * A string that names something (a property, a resource type), read as string() reads it. Names repeat
     * across a stack's resources: a short ASCII one read recently is returned again (see recentNames). Only
     * names: values may be secrets, and the reader keeps nothing of a request's values after it.
     */
    name(): string {
        const end = this.delimitedEnd();
        const start = this.pos;
        this.pos = end;
        if (end - start > SHORT_NAME) return this.text(start, end);
        const bytes = this.bytes;
        let hash = 0;
        for (let i = start; i < end; i++) {
            const byte = bytes[i];
            if (byte >= 0x80) return decodeLikeGoogleProtobuf(bytes, start, end);
            hash = (Math.imul(hash, 31) + byte) | 0;
        }
        return recentName(bytes, start, end, hash);
    }

    /**
     * Node's decoder replaces every malformed sequence with U+FFFD, so a result without one was valid
     * UTF-8, which google-protobuf reads the same way. Decoding first and looking for U+FFFD runs in
     * native code; scanning the bytes in JavaScript first was the costliest step of reading a stack
     * (its URNs are long) while V8 has not yet optimised the reader.
     */
    private text(start: number, end: number): string {
        const text = this.bytes.toString("utf8", start, end);
        return text.indexOf(REPLACEMENT_CHARACTER) === -1 ? text : decodeLikeGoogleProtobuf(this.bytes, start, end);
    }

    /**
     * Skips a field numbered above the message's last known field, as the generated code skips it; a known
     * field here (a wire type the generated code would misread, or a repeat it would handle its own way)
     * is left to the generated code.
     */
    skipUnknown(tag: number, lastKnownField: number): void {
        if (tag >>> 3 <= lastKnownField) throw new LeftToGeneratedCode();
        this.skip(tag & 7);
    }

    /** Skips a field of the given wire type. */
    skip(wireType: number): void {
        switch (wireType) {
            case WireType.Varint:
                for (;;) {
                    if (this.pos >= this.end) throw new LeftToGeneratedCode();
                    if (this.bytes[this.pos++] < 0x80) return;
                }
            case WireType.Fixed64:
                this.pos += 8;
                break;
            case WireType.Delimited:
                this.pos = this.delimitedEnd();
                return;
            case WireType.Fixed32:
                this.pos += 4;
                break;
            default:
                throw new LeftToGeneratedCode();
        }
        if (this.pos > this.end) throw new LeftToGeneratedCode();
    }
}

/**
 * Short ASCII names recently read, by a hash of their bytes: property names and resource types repeat
 * across a stack's resources, and returning the string read before spares a decoding call, an allocation
 * and V8 looking the name up again when it becomes a key. A slot holds the last name that hashed to it;
 * it is returned only when its characters are the bytes read.
 */
const SHORT_NAME = 32;
const SLOTS = 4096;
const recentNames: Array<string | undefined> = new Array<string | undefined>(SLOTS).fill(undefined);

function recentName(bytes: Buffer, start: number, end: number, hash: number): string {
    const slot = hash & (SLOTS - 1);
    const known = recentNames[slot];
    if (known !== undefined && known.length === end - start) {
        let same = true;
        for (let i = 0; i < known.length; i++) {
            if (known.charCodeAt(i) !== bytes[start + i]) {
                same = false;
                break;
            }
        }
        if (same) return known;
    }
    const text = bytes.toString("latin1", start, end);
    recentNames[slot] = text;
    return text;
}

/**
 * google-protobuf 3.21's string decoding: valid UTF-8 as any decoder reads it; otherwise stray
 * continuation bytes and lead bytes above 0xF7 are dropped and sequences are not checked (an overlong or
 * surrogate form gives its code unit). A sequence running past the string's end makes the generated
 * reader read into the next field, which is left to it.
 */
function decodeLikeGoogleProtobuf(bytes: Buffer, start: number, end: number): string {
    if (isUtf8(bytes.subarray(start, end))) return bytes.toString("utf8", start, end);
    const units: number[] = [];
    let i = start;
    const next = () => {
        if (i >= end) throw new LeftToGeneratedCode();
        return bytes[i++] & 0x3f;
    };
    while (i < end) {
        const lead = bytes[i++];
        if (lead < 0x80) units.push(lead);
        else if (lead < 0xc0) continue;
        else if (lead < 0xe0) units.push(((lead & 0x1f) << 6) | next());
        else if (lead < 0xf0) units.push(((lead & 0x0f) << 12) | (next() << 6) | next());
        else if (lead < 0xf8) {
            const point = (((lead & 0x07) << 18) | (next() << 12) | (next() << 6) | next()) - 0x10000;
            units.push(((point >> 10) & 0x3ff) + 0xd800, (point & 0x3ff) + 0xdc00);
        }
    }
    let text = "";
    for (let k = 0; k < units.length; k += 8192) text += String.fromCharCode(...units.slice(k, k + 8192));
    return text;
}
