/**
 * Exemptions: `{ resource, reason, expires? }` entries in a policy's config. `resource` is a logical
 * name or URN, `*` matching any run of characters. An exemption without a reason is never applied
 * (and is reported); one past its expiry date (inclusive, UTC) no longer applies, and the violation
 * it used to hide says so.
 */
import { ConfigKey } from "./config";
import { isPlainObject } from "../model/ownProperties";
import { show } from "../model/unresolved";
import { globMatches } from "./glob";

export interface Exemption {
    index: number;
    resource: string;
    reason?: string;
    expires?: string;
    /** The `resource` pattern to match, when it names one. */
    pattern?: string;
    /** Why the exemption is not applied, if it is invalid. */
    invalid?: string;
}

function isCalendarDate(text: string): boolean {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
    const date = new Date(`${text}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

function readExemption(raw: unknown, index: number): Exemption {
    if (!isPlainObject(raw)) return { index, resource: "", invalid: `exemptions[${index}] = ${show(raw)} is not an object` };
    const resource = typeof raw.resource === "string" ? raw.resource.trim() : "";
    const exemption: Exemption = { index, resource };
    if (!resource)
        return { ...exemption, invalid: `exemptions[${index}].resource must name a resource (logical name or URN, * as wildcard), got ${show(raw.resource)}` };
    exemption.pattern = resource;
    if (typeof raw.reason !== "string" || raw.reason.trim() === "") {
        return { ...exemption, invalid: `exemptions[${index}] for "${resource}" has no reason; an exemption needs a reason to be applied` };
    }
    exemption.reason = raw.reason.trim();
    if (raw.expires !== undefined && raw.expires !== null) {
        if (typeof raw.expires !== "string" || !isCalendarDate(raw.expires)) {
            return { ...exemption, invalid: `exemptions[${index}] for "${resource}" has expires = ${show(raw.expires)}, not a date in the form YYYY-MM-DD` };
        }
        exemption.expires = raw.expires;
    }
    return exemption;
}

/** An exemption as a user writes it. */
export interface ExemptionSetting {
    /** Logical name or URN; `*` matches any run of characters. */
    resource: string;
    /** Required: an exemption without a reason is not applied. */
    reason: string;
    /** YYYY-MM-DD, inclusive, UTC. */
    expires?: string;
}

export const exemptionsKey: ConfigKey<Exemption[], readonly ExemptionSetting[]> = {
    schema: {
        type: "array",
        description:
            "Resources this policy does not apply to: { resource: logical name or URN (* matches any run of characters), reason (required), expires: YYYY-MM-DD (optional, inclusive, UTC) }.",
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
        if (!Array.isArray(raw)) return { invalid: `${show(raw)} is not a list of exemptions` };
        return raw.map(readExemption);
    },
};

export interface ExemptionMatch {
    /** Valid, unexpired exemptions that cover the resource. */
    active?: Exemption;
    /** Valid exemptions that covered it but have expired. */
    expired?: Exemption;
    /** Invalid exemptions whose pattern names the resource (or that name nothing). */
    invalid: Exemption[];
}

export function todayUtc(): string {
    return new Date().toISOString().slice(0, 10);
}

export function matchExemptions(exemptions: readonly Exemption[], name: string, urn: string, today?: string): ExemptionMatch {
    const result: ExemptionMatch = { invalid: [] };
    if (exemptions.length === 0) return result;
    today ??= todayUtc();
    for (const exemption of exemptions) {
        const covers = exemption.pattern !== undefined && (globMatches(exemption.pattern, name) || globMatches(exemption.pattern, urn));
        if (exemption.invalid) {
            if (covers || !exemption.pattern) result.invalid.push(exemption);
            continue;
        }
        if (!covers) continue;
        if (exemption.expires !== undefined && exemption.expires < today) result.expired = result.expired ?? exemption;
        else result.active = result.active ?? exemption;
    }
    return result;
}
