"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.exemptionsKey = void 0;
exports.todayUtc = todayUtc;
exports.matchExemptions = matchExemptions;
const ownProperties_1 = require("../model/ownProperties");
const unresolved_1 = require("../model/unresolved");
const glob_1 = require("./glob");
function isCalendarDate(text) {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(text))
        return false;
    const date = new Date(`${text}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}
function readExemption(raw, index) {
    if (!(0, ownProperties_1.isPlainObject)(raw))
        return { index, resource: "", invalid: `exemptions[${index}] = ${(0, unresolved_1.show)(raw)} is not an object` };
    const resource = typeof raw.resource === "string" ? raw.resource.trim() : "";
    const exemption = { index, resource };
    if (!resource)
        return { ...exemption, invalid: `exemptions[${index}].resource must name a resource (logical name or URN, * as wildcard), got ${(0, unresolved_1.show)(raw.resource)}` };
    exemption.pattern = resource;
    if (typeof raw.reason !== "string" || raw.reason.trim() === "") {
        return { ...exemption, invalid: `exemptions[${index}] for "${resource}" has no reason; an exemption needs a reason to be applied` };
    }
    exemption.reason = raw.reason.trim();
    if (raw.expires !== undefined && raw.expires !== null) {
        if (typeof raw.expires !== "string" || !isCalendarDate(raw.expires)) {
            return { ...exemption, invalid: `exemptions[${index}] for "${resource}" has expires = ${(0, unresolved_1.show)(raw.expires)}, not a date in the form YYYY-MM-DD` };
        }
        exemption.expires = raw.expires;
    }
    return exemption;
}
exports.exemptionsKey = {
    schema: {
        type: "array",
        description: "Resources this policy does not apply to: { resource: logical name or URN (* matches any run of characters), reason (required), expires: YYYY-MM-DD (optional, inclusive, UTC) }.",
        items: {
            type: "object",
            properties: {
                resource: { type: "string" },
                reason: { type: "string" },
                expires: { type: "string" },
            },
        },
        default: [],
    },
    defaultValue: [],
    read(raw) {
        if (!Array.isArray(raw))
            return { invalid: `${(0, unresolved_1.show)(raw)} is not a list of exemptions` };
        return raw.map(readExemption);
    },
};
function todayUtc() {
    return new Date().toISOString().slice(0, 10);
}
function matchExemptions(exemptions, name, urn, today) {
    const result = { invalid: [] };
    if (exemptions.length === 0)
        return result;
    today ?? (today = todayUtc());
    for (const exemption of exemptions) {
        const covers = exemption.pattern !== undefined && ((0, glob_1.globMatches)(exemption.pattern, name) || (0, glob_1.globMatches)(exemption.pattern, urn));
        if (exemption.invalid) {
            if (covers || !exemption.pattern)
                result.invalid.push(exemption);
            continue;
        }
        if (!covers)
            continue;
        if (exemption.expires !== undefined && exemption.expires < today)
            result.expired = result.expired ?? exemption;
        else
            result.active = result.active ?? exemption;
    }
    return result;
}
