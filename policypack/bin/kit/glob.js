"use strict";
/**
 * `*` wildcards (any run of characters, none included), matched without backtracking.
 *
 * A regular expression built from a pattern such as `*-*-*-*-bastion` backtracks through every way of
 * splitting a long name among its stars before giving up: minutes on a long name, during which the
 * pack judges nothing. Here the pattern is taken as literal pieces between stars, each looked for once.
 */
Object.defineProperty(exports, "__esModule", { value: true });
exports.globMatches = globMatches;
/** Whether `text` matches `pattern` in full, `*` matching any run of characters (every other character itself). */
function globMatches(pattern, text) {
    const pieces = pattern.split("*");
    if (pieces.length === 1)
        return pattern === text;
    const first = pieces[0];
    const last = pieces[pieces.length - 1];
    // The first piece must start the text and the last end it, without overlapping.
    if (text.length < first.length + last.length || !text.startsWith(first) || !text.endsWith(last))
        return false;
    // Each piece between two stars is taken at its leftmost place after the one before: that never
    // loses a match (it leaves the most text for the pieces after it), so nothing is ever retried and
    // the text is searched once from left to right.
    let from = first.length;
    const end = text.length - last.length;
    for (let i = 1; i < pieces.length - 1; i++) {
        const piece = pieces[i];
        if (piece === "")
            continue;
        const at = text.indexOf(piece, from);
        if (at < 0 || at + piece.length > end)
            return false;
        from = at + piece.length;
    }
    return true;
}
