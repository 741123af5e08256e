/**
 * One escaper per language a report is written in. Whatever reaches a report from outside
 * tierguard — resource names, types, URNs, ids, tags, the policy messages that embed them,
 * component details, offline answers, program errors, file paths, project and stack names — goes
 * through the escaper of the report's language, so it reads as data and can never be taken for
 * tierguard's own markup or words. Text tierguard writes itself is left as it is.
 */

/**
 * Characters that act instead of showing, beyond C0: DEL, C1 controls (U+009B is a one-character
 * CSI to many terminals), and the Unicode controls that reorder text (bidirectional marks,
 * embeddings, overrides, isolates) or break lines (LS, PS). A regular-expression class body.
 */
const ACTING_BEYOND_C0 = String.raw`\u007f-\u009f\u061c\u200e\u200f\u2028\u2029\u202a-\u202e\u2066-\u2069`;

/** Every character that controls a terminal or a renderer instead of showing: C0 and the above. */
const CONTROLS = new RegExp(String.raw`[\u0000-\u001f${ACTING_BEYOND_C0}]`, "g");

/** Every form of line break a renderer may honour, and the other whitespace controls (tab, VT, FF). */
const BREAKS_AND_TABS = /\r\n|[\t\n\v\f\r\u0085\u2028\u2029]/g;

const NAMED_CONTROLS: Record<string, string> = { "\t": "\\t", "\n": "\\n", "\r": "\\r" };

/** A control character as the escape sequence a programmer would write for it: \x1b, \r, \u202e. */
function visible(control: string): string {
    const code = control.charCodeAt(0);
    return NAMED_CONTROLS[control] ?? (code <= 0xff ? `\\x${code.toString(16).padStart(2, "0")}` : `\\u${code.toString(16).padStart(4, "0")}`);
}

/** One line: line breaks and tabs become spaces, other controls their visible escape sequence. */
function oneLine(text: string): string {
    return text.replace(BREAKS_AND_TABS, " ").replace(CONTROLS, visible);
}

/**
 * For a terminal (the text report, messages on stderr): every control character and escape
 * sequence shown as it would be written (`\x1b[2J`), so outside text can neither move the cursor,
 * clear the screen, recolour nor overwrite a line. With `multiline`, line feeds are kept (the
 * caller indents the lines that follow, so they cannot pass for tierguard's own lines).
 */
export function terminalText(text: string, options: { multiline?: boolean } = {}): string {
    if (!options.multiline) return text.replace(CONTROLS, visible);
    return text.replace(/\r\n/g, "\n").replace(CONTROLS, (control) => (control === "\n" ? control : visible(control)));
}

const HTML_ENTITIES: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" };

/**
 * For the content of an HTML element or attribute (the `<summary>` of a Markdown report): one
 * line (a blank line would end GitHub's HTML block), with `& < > " '` as entities.
 */
export function htmlText(text: string): string {
    return oneLine(text).replace(/[&<>"']/g, (c) => HTML_ENTITIES[c]);
}

/**
 * For Markdown inline text (list items, table cells, headings): one line, so it cannot start a
 * block (a heading, a fence, an HTML comment), `& < >` as entities, so it cannot open a tag or a
 * comment, and the punctuation that formats inline text backslash-escaped: code (`), emphasis
 * (* _ ~), links and images ([ ]), table cells (|), math ($), heading closers (#) and backslash
 * itself. Entities and backslash escapes both render as the character they stand for.
 */
export function markdownText(text: string): string {
    return oneLine(text).replace(/[&<>\\`*_~[\]|$#]/g, (c) => HTML_ENTITIES[c] ?? `\\${c}`);
}

/**
 * Text as code in Markdown inline text. A code span holds it verbatim: delimited by one backtick
 * more than its longest run of backticks, so nothing in it can close it early, and padded with a
 * space where it starts or ends with a backtick (CommonMark strips one space on each side). Text
 * with `<`, `>` or `&` becomes a `<code>` element of escaped inline text instead: inert in a code
 * span too, but the comment then holds no raw HTML character at all, for any renderer. Not for
 * table cells (a `|` in a code span still splits the cell) nor for HTML blocks (use htmlText).
 */
export function markdownCode(text: string): string {
    const content = oneLine(text);
    if (/[<>&]/.test(content)) return `<code>${markdownText(content)}</code>`;
    if (content === "") return "` `";
    const longestRun = Math.max(0, ...(content.match(/`+/g) ?? []).map((run) => run.length));
    const fence = "`".repeat(longestRun + 1);
    const pad = content.startsWith("`") || content.endsWith("`") || (content.startsWith(" ") && content.endsWith(" ") && content.trim() !== "") ? " " : "";
    return `${fence}${pad}${content}${pad}${fence}`;
}

/**
 * Mermaid's named entity codes; every other character mermaidString escapes gets its decimal code
 * (`#35;`). Escaped are what would end a quoted label (`"`), start an entity (`#`), a directive or
 * a comment (`%`), become HTML or Markdown in a label (`<`, `>`, `&`, the backtick), end an edge
 * label (`|`) or open a directive's object (`{`, `}`), and the backslash.
 */
const MERMAID_ENTITIES: Record<string, string> = { '"': "#quot;", "&": "#amp;", "<": "#lt;", ">": "#gt;" };

/**
 * A Mermaid string, quotes included: one line (a line break would start a statement of its own —
 * `click`, `%%{init}%%`, or a line closing the Markdown fence around the graph) and every
 * character with a meaning to Mermaid's preprocessor or to the label's renderer as an entity code.
 */
export function mermaidString(text: string): string {
    const escaped = oneLine(text).replace(/["#%&<>\\`|{}]/g, (c) => MERMAID_ENTITIES[c] ?? `#${c.charCodeAt(0)};`);
    return `"${escaped}"`;
}

/**
 * A DOT quoted string, quotes included: one line (DOT joins a backslash-newline to the next line),
 * backslashes doubled (a label's `\N`, `\G` or `\l` would otherwise be expanded, and a trailing
 * backslash would escape the closing quote) and quotes escaped, so the string ends where tierguard
 * ends it.
 */
export function dotString(text: string): string {
    return `"${oneLine(text).replace(/[\\"]/g, (c) => `\\${c}`)}"`;
}

/**
 * Characters a URI path segment keeps as they are (RFC 3986: unreserved and sub-delims, and `@`).
 * `:` is left out: in the first segment of a relative reference it would read as a scheme.
 */
const URI_PATH_CHARACTER = /[A-Za-z0-9\-._~!$&'()*+,;=@]/;

/**
 * A relative file path as a URI reference (SARIF's `artifactLocation.uri`): `/`-separated, with
 * every other byte of its UTF-8 form that a path segment may not hold percent-encoded (spaces,
 * `#`, `?`, `%`, `:`, non-ASCII).
 */
export function uriPath(relativePath: string): string {
    return relativePath.split("/").map(uriSegment).join("/");
}

function uriSegment(segment: string): string {
    let encoded = "";
    for (const character of segment) {
        if (URI_PATH_CHARACTER.test(character)) encoded += character;
        // A lone surrogate (not valid UTF-16) becomes U+FFFD, as Buffer.from writes it.
        else for (const byte of Buffer.from(character, "utf8")) encoded += `%${byte.toString(16).toUpperCase().padStart(2, "0")}`;
    }
    return encoded;
}

/**
 * SARIF plain-text message (§3.11): braces doubled (a `{0}` is a placeholder to a SARIF viewer)
 * and `](` split, so text from outside cannot form an embedded link (`[text](target)`) that a
 * viewer would make clickable.
 */
export function sarifText(text: string): string {
    return text.replace(/[{}]/g, (brace) => brace + brace).replace(/\]\(/g, "] (");
}

/** What JSON.stringify leaves raw (it escapes C0 only) but a terminal or a viewer would act on. */
const RAW_IN_JSON = new RegExp(`[${ACTING_BEYOND_C0}]`, "g");

/**
 * JSON as JSON.stringify writes it, with DEL, C1, bidirectional controls, LS and PS written as \u
 * escapes: the same strings to any JSON reader (JSON's own structure is ASCII, so they only occur
 * inside strings), but nothing a terminal showing the report would act on.
 */
export function jsonText(value: unknown, indent = 2): string {
    return JSON.stringify(value, null, indent).replace(RAW_IN_JSON, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}
