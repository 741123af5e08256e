"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.isUnknown = isUnknown;
exports.unwrapSecret = unwrapSecret;
exports.field = field;
exports.fieldAt = fieldAt;
exports.readInteger = readInteger;
exports.readBoolean = readBoolean;
exports.readString = readString;
exports.readList = readList;
/**
 * Reading raw property values exactly as the engine hands them to a pack.
 *
 * The engine may send anything: during a preview, values not known yet arrive as sentinel strings;
 * secrets may arrive wrapped; a buggy or hostile program can put any JSON value in any field. Every
 * adapter reads props through these helpers so that nothing downstream ever sees a raw sentinel or
 * throws on an unexpected type.
 */
const sentinels_1 = require("./sentinels");
const ownProperties_1 = require("./ownProperties");
const unresolved_1 = require("./unresolved");
function isUnknown(value) {
    return typeof value === "string" && sentinels_1.UNKNOWN_SENTINELS.has(value);
}
/** Unwraps a serialized secret (the SDK usually does this already; stack exports and other hosts may not). */
function unwrapSecret(value) {
    let current = value;
    // A secret cannot legitimately nest, but a malformed one might: unwrap a bounded number of times.
    for (let depth = 0; depth < 8 && (0, ownProperties_1.isPlainObject)(current) && current[sentinels_1.SIG_KEY] === sentinels_1.SECRET_SIG; depth++) {
        current = current.value;
    }
    return current;
}
/** Reads `object[key]` with secrets unwrapped; anything that is not an object yields undefined. */
function field(object, key) {
    const target = unwrapSecret(object);
    if (!(0, ownProperties_1.isPlainObject)(target) || !(0, ownProperties_1.hasOwn)(target, key)) {
        return undefined;
    }
    const value = unwrapSecret(target[key]);
    return value === null ? undefined : value;
}
/** Reads a nested field (`["portRange", "from"]`); an unknown on the way is the answer, as nothing below it is known. */
function fieldAt(object, path) {
    let value = object;
    for (let i = 0; i < path.length && !isUnknown(value); i++)
        value = field(value, path[i]);
    return value;
}
/**
 * Reads an integer the way the AWS provider accepts one: a JSON number or a decimal string.
 * Returns undefined when the field is absent.
 */
function readInteger(raw, property) {
    if (raw === undefined)
        return undefined;
    if (isUnknown(raw))
        return (0, unresolved_1.unknownAt)(property);
    if (typeof raw === "number") {
        return Number.isInteger(raw) ? raw : (0, unresolved_1.malformedAt)(property, raw, "not a whole number");
    }
    if (typeof raw === "string" && /^\s*-?\d{1,12}\s*$/.test(raw)) {
        return Number(raw.trim());
    }
    return (0, unresolved_1.malformedAt)(property, raw, "not a number");
}
/** Reads a boolean; the strings "true"/"false" (any case) are accepted as the provider would coerce them. */
function readBoolean(raw, property) {
    if (raw === undefined)
        return undefined;
    if (isUnknown(raw))
        return (0, unresolved_1.unknownAt)(property);
    if (typeof raw === "boolean")
        return raw;
    if (typeof raw === "string" && /^(true|false)$/i.test(raw.trim()))
        return raw.trim().toLowerCase() === "true";
    return (0, unresolved_1.malformedAt)(property, raw, "not a boolean");
}
/** Reads a string; numbers are not silently turned into strings. */
function readString(raw, property) {
    if (raw === undefined)
        return undefined;
    if (isUnknown(raw))
        return (0, unresolved_1.unknownAt)(property);
    if (typeof raw === "string")
        return raw;
    return (0, unresolved_1.malformedAt)(property, raw, "not a string");
}
/**
 * Reads a list. A single scalar where a list is expected is malformed; an unknown list is reported
 * as one unresolved value, an unknown element as an unresolved element.
 */
function readList(raw, property) {
    if (raw === undefined)
        return undefined;
    if (isUnknown(raw))
        return (0, unresolved_1.unknownAt)(property);
    if (Array.isArray(raw))
        return raw.map((element) => unwrapSecret(element));
    return (0, unresolved_1.malformedAt)(property, raw, "not a list");
}
