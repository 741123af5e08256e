/**
 * The shape of a JSON text, found before it is parsed, in one pass without recursion (strings skipped
 * whole: a bracket inside a string does not count):
 *
 * - how deeply it nests. JSON.parse itself copes with deep nesting, but everything after it walks
 *   values recursively (reading secrets, encoding protobuf, the pack decoding it), and a stack
 *   overflow there is not a clear error;
 * - how many arrays, objects and values it holds, which is what parsing it costs in memory (a text
 *   of `[[1],[1],...]` takes 17 bytes of heap per character, a typical export 1.5).
 */

export interface JsonShape {
    /** Where arrays and objects first nest deeper than the limit (1-based line), if they do. */
    tooDeep?: { line: number };
    /** Arrays and objects (up to where it nests too deep). */
    containers: number;
    /** Values inside arrays and objects, about (one per comma, and the first of each). */
    values: number;
}

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const NEWLINE = 0x0a;
const COMMA = 0x2c;
const OPEN_BRACE = 0x7b;
const OPEN_BRACKET = 0x5b;
const CLOSE_BRACE = 0x7d;
const CLOSE_BRACKET = 0x5d;

/** Measures `text`, stopping where arrays and objects nest more than `depthLimit` deep. */
export function measureJson(text: string, depthLimit: number): JsonShape {
    let depth = 0;
    let line = 1;
    let containers = 0;
    let commas = 0;
    for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        if (c === QUOTE) {
            i = endOfString(text, i);
        } else if (c === COMMA) {
            commas++;
        } else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
            containers++;
            if (++depth > depthLimit) return { tooDeep: { line }, containers, values: commas + containers };
        } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
            depth--;
        } else if (c === NEWLINE) {
            line++;
        }
    }
    return { containers, values: commas + containers };
}

/** The index of the quote that closes the string opened at `open` (the text's end if none does). */
function endOfString(text: string, open: number): number {
    let from = open + 1;
    for (;;) {
        const quote = text.indexOf('"', from);
        if (quote < 0) return text.length;
        // Escaped when preceded by an odd number of backslashes.
        let backslashes = 0;
        while (text.charCodeAt(quote - 1 - backslashes) === BACKSLASH) backslashes++;
        if (backslashes % 2 === 0) return quote;
        from = quote + 1;
    }
}
