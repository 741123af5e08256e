/**
 * A JSON file's bytes as text. JSON is UTF-8, but files come as editors and shells write them: with
 * a UTF-8 byte-order mark (Windows tools), or as UTF-16 (PowerShell's `>` writes UTF-16 LE with a
 * byte-order mark). Without a mark, UTF-16 is still recognised by its zero bytes, since JSON text
 * starts with an ASCII character (RFC 4627, section 3).
 */

/** Bytes that cannot be read as text in any of these encodings: what is wrong, in words. */
export class UndecodableText extends Error {}

type Encoding = { name: "UTF-8" | "UTF-16 LE" | "UTF-16 BE"; skip: number };

function encodingOf(bytes: Uint8Array): Encoding {
    const [b0, b1, b2, b3] = bytes;
    if (b0 === 0xef && b1 === 0xbb && b2 === 0xbf) return { name: "UTF-8", skip: 3 };
    if ((b0 === 0xff && b1 === 0xfe && b2 === 0 && b3 === 0) || (b0 === 0 && b1 === 0 && b2 === 0xfe && b3 === 0xff)) {
        throw new UndecodableText("it is UTF-32 text (by its byte-order mark); save it as UTF-8");
    }
    if (b0 === 0xff && b1 === 0xfe) return { name: "UTF-16 LE", skip: 2 };
    if (b0 === 0xfe && b1 === 0xff) return { name: "UTF-16 BE", skip: 2 };
    if (bytes.length >= 2 && b0 !== 0 && b1 === 0) return { name: "UTF-16 LE", skip: 0 };
    if (bytes.length >= 2 && b0 === 0 && b1 !== 0) return { name: "UTF-16 BE", skip: 0 };
    return { name: "UTF-8", skip: 0 };
}

const utf8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: true });

/** The text of a JSON file's bytes, its byte-order mark removed; throws UndecodableText. */
export function decodeJsonText(bytes: Buffer): string {
    const { name, skip } = encodingOf(bytes);
    const body = bytes.subarray(skip);
    if (name === "UTF-8") {
        try {
            return utf8.decode(body);
        } catch {
            throw new UndecodableText(`it is not UTF-8 text (nor UTF-16): it has a byte sequence UTF-8 does not allow`);
        }
    }
    if (body.length % 2 !== 0) throw new UndecodableText(`it looks like ${name} text but has an odd number of bytes`);
    if (name === "UTF-16 LE") return body.toString("utf16le");
    // Node decodes only little-endian UTF-16: swap each pair of bytes (on a copy) first.
    return Buffer.from(body).swap16().toString("utf16le");
}
