"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.unknownAt = unknownAt;
exports.malformedAt = malformedAt;
exports.isUnresolved = isUnresolved;
exports.show = show;
exports.describeUnresolved = describeUnresolved;
/**
 * A value that could not be read: not known yet (a preview) or not valid for AWS. The model carries
 * these instead of guesses, so every verdict can say which property left it open.
 */
const ownProperties_1 = require("./ownProperties");
function unknownAt(property) {
    return { kind: "unknown", property };
}
function malformedAt(property, value, reason) {
    return { kind: "malformed", property, value, reason };
}
function isUnresolved(value) {
    return (0, ownProperties_1.isPlainObject)(value) && (value.kind === "unknown" || value.kind === "malformed") && (0, ownProperties_1.hasOwn)(value, "property");
}
/** A short, bounded rendering of a raw value for messages (never dumps a huge array into a diagnostic). */
function show(value) {
    let text;
    try {
        text = typeof value === "string" ? JSON.stringify(value) : (JSON.stringify(value) ?? String(value));
    }
    catch {
        text = String(value);
    }
    if (text === undefined)
        text = String(value);
    return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}
function describeUnresolved(u) {
    return u.kind === "unknown"
        ? `${u.property} is not known until the update (it depends on a resource not created yet)`
        : `${u.property} = ${show(u.value)} is malformed: ${u.reason}`;
}
