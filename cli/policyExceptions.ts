/**
 * Policy exceptions in Pulumi's shape: the reserved top-level `exceptions` key of the policy config file
 * (the file `pulumi preview --policy-pack-config` takes), an object of exceptions keyed by ID:
 *
 *     "exceptions": {
 *         "EXC-1": {
 *             "reason": "The bastion is reached from the office only; its firewall is the appliance in front of it",
 *             "match": [{ "policies": ["no-admin-ports-from-internet"], "targets": ["urn:pulumi:prod::web::aws:ec2/securityGroup:SecurityGroup::bastion"] }],
 *             "expiresAt": "2027-03-31"
 *         }
 *     }
 *
 * A violation is exempted when its policy and its resource URN are both listed in one match entry of an
 * exception that has not expired; when several exceptions match, the lowest ID wins (digits compared as
 * numbers, EXC-2 before EXC-10), as the Pulumi CLI picks. An exempted violation is still reported, marked
 * with the exception, and never fails the run; it does not change the policy's level elsewhere.
 *
 * These are applied by the engine side — `tierguard check`/`scan` here, the Pulumi CLI under `pulumi
 * preview` — to the violations the pack reports; the pack itself never reads them (its Configure only
 * carries per-policy settings), so nothing is waived twice. tierguard's own per-policy `exemptions`
 * (kit/exemptions.ts) are applied inside the pack: what one of them hides is never reported, so no
 * exception can waive it again.
 *
 * Stricter than the Pulumi CLI, like the rest of the policy config: a policy name this pack does not
 * have, a malformed URN, a pattern where an exact name is matched, or a field no exception has, is an
 * error before anything runs, naming the file, the exception's ID, the match entry and the field.
 */
import { didYouMean } from "../policypack/kit/didYouMean";
import { Violation } from "./engine/violation";

/** The reserved key of the policy config file (never a policy name). */
export const EXCEPTIONS_KEY = "exceptions";

const EXCEPTION_FIELDS = ["reason", "match", "expiresAt"] as const;
const MATCH_FIELDS = ["policies", "targets"] as const;
/** Pulumi Cloud's limits on an exception (its REST API), kept so that a local exception can be moved there. */
const MAX_REASON = 2048;
const MAX_URN = 2048;

export interface PolicyExceptionMatch {
    policies: string[];
    targets: string[];
}

export interface PolicyException {
    id: string;
    reason: string;
    match: PolicyExceptionMatch[];
    /** As written: a date (YYYY-MM-DD, valid through that day, UTC) or an RFC 3339 time. Absent: permanent. */
    expiresAt?: string;
}

/** What a violation says of the exception that waived it (or that would have, had it not expired). */
export interface ExceptionRef {
    id: string;
    reason: string;
    expiresAt?: string;
}

/** An exception as a report lists it: whether it applies, and what it waived in this stack. */
export interface ExceptionStatus extends PolicyException {
    /** "permanent": no expiry; "active": applies until expiresAt; "expired": no longer applies. */
    status: "permanent" | "active" | "expired";
    /** The violations it waived (for an expired one: those it would have waived, which now count). */
    waived: Array<{ policy: string; urn: string; resourceName: string; enforcementLevel: string }>;
}

const show = (value: unknown) => JSON.stringify(value) ?? String(value);
const isObject = (value: unknown): value is Record<string, unknown> => !!value && typeof value === "object" && !Array.isArray(value);

/** Exception IDs as the Pulumi CLI accepts them (tokens.IsName). */
const ID_PATTERN = /^[A-Za-z0-9_.-]+$/;

function isCalendarDate(text: string): boolean {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
    const date = new Date(`${text}T00:00:00Z`);
    return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === text;
}

/** The instant an exception stops applying, in ms: the end of a date's day (UTC), or the time given. */
export function expiryInstant(expiresAt: string): number {
    if (isCalendarDate(expiresAt)) return Date.parse(`${expiresAt}T00:00:00Z`) + 24 * 3600 * 1000;
    return Date.parse(expiresAt);
}

function expiryProblem(value: unknown): string | undefined {
    if (typeof value === "string") {
        if (isCalendarDate(value)) return undefined;
        if (/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/i.test(value) && !Number.isNaN(Date.parse(value))) return undefined;
    }
    return `is not a date (YYYY-MM-DD, valid through that day, UTC) or a time with its zone (2027-03-31T12:00:00Z); leave it out for an exception that never expires`;
}

/** Why a string is not a resource URN as Pulumi writes them, or undefined when it is one. */
export function urnProblem(urn: string): string | undefined {
    if (urn.length > MAX_URN) return `is longer than ${MAX_URN} characters`;
    if (urn.includes("*")) return `contains "*": targets are matched exactly, as the Pulumi CLI matches them (for patterns, use the policy's own "exemptions")`;
    if (!urn.startsWith("urn:pulumi:")) return `is not a resource URN: it must start with "urn:pulumi:" (urn:pulumi:<stack>::<project>::<type>::<name>)`;
    const [stack, project, type, ...name] = urn.slice("urn:pulumi:".length).split("::");
    if (!stack || !project || !type || name.join("::") === "")
        return `is not a resource URN of the form urn:pulumi:<stack>::<project>::<type>::<name> (copy it from \`pulumi stack --show-urns\` or a report)`;
    return undefined;
}

function fieldProblems(where: string, value: Record<string, unknown>, known: readonly string[], what: string): string[] {
    return Object.keys(value)
        .filter((field) => !known.includes(field))
        .map((field) => `${where}.${field} is not a field of ${what}${didYouMean(field, known)} (its fields: ${known.join(", ")})`);
}

function stringListProblems(where: string, value: unknown, what: string): string[] {
    if (!Array.isArray(value) || value.length === 0) return [`${where} = ${show(value)} must be a non-empty list of ${what}`];
    return value.flatMap((item, i) => (typeof item === "string" && item.trim() !== "" ? [] : [`${where}[${i}] = ${show(item)} must be a non-blank string`]));
}

/**
 * Every problem of the `exceptions` value of a policy config file, for a pack with the given policy
 * names; each names the exception's ID, its match entry and the field.
 */
export function exceptionProblems(raw: unknown, policyNames: readonly string[]): string[] {
    if (raw === undefined || raw === null) return [];
    if (!isObject(raw)) {
        return [
            `"${EXCEPTIONS_KEY}" = ${show(raw)} must be an object that maps exception IDs to exceptions, as the Pulumi CLI reads it: ` +
                `{ "EXC-1": { "reason": "...", "match": [{ "policies": [...], "targets": [<URN>, ...] }], "expiresAt": "YYYY-MM-DD" } }`,
        ];
    }
    const problems: string[] = [];
    for (const [id, entry] of Object.entries(raw)) {
        const where = `${EXCEPTIONS_KEY}[${show(id)}]`;
        if (!ID_PATTERN.test(id)) problems.push(`${where}: an exception ID may contain only letters, digits, "-", "." and "_"`);
        if (!isObject(entry)) {
            problems.push(`${where} = ${show(entry)} must be an object with "reason", "match" and optionally "expiresAt"`);
            continue;
        }
        problems.push(...fieldProblems(where, entry, EXCEPTION_FIELDS, "an exception"));
        if (typeof entry.reason !== "string" || entry.reason.trim() === "")
            problems.push(`${where}.reason is required: say why the violations are acceptable (got ${show(entry.reason)})`);
        else if (entry.reason.length > MAX_REASON) problems.push(`${where}.reason is longer than ${MAX_REASON} characters`);
        if (entry.expiresAt !== undefined) {
            const problem = expiryProblem(entry.expiresAt);
            if (problem) problems.push(`${where}.expiresAt = ${show(entry.expiresAt)} ${problem}`);
        }
        if (!Array.isArray(entry.match) || entry.match.length === 0) {
            problems.push(`${where}.match = ${show(entry.match)} must be a non-empty list of { "policies": [...], "targets": [<resource URN>, ...] }`);
            continue;
        }
        entry.match.forEach((item: unknown, i: number) => {
            const at = `${where}.match[${i}]`;
            if (!isObject(item)) {
                problems.push(`${at} = ${show(item)} must be an object { "policies": [...], "targets": [...] }`);
                return;
            }
            problems.push(...fieldProblems(at, item, MATCH_FIELDS, "a match entry"));
            const policyProblems = stringListProblems(`${at}.policies`, item.policies, "policy names");
            problems.push(...policyProblems);
            if (policyProblems.length === 0) {
                (item.policies as string[]).forEach((name, j) => {
                    if (policyNames.includes(name)) return;
                    const why =
                        name === "all"
                            ? `: an exception names each policy (for every policy of a resource, list them all)`
                            : name.includes("*")
                              ? `: policies are matched by exact name, without patterns`
                              : ` is not a policy of this pack${didYouMean(name, policyNames)}`;
                    problems.push(`${at}.policies[${j}] = ${show(name)}${why}`);
                });
            }
            const targetProblems = stringListProblems(`${at}.targets`, item.targets, "resource URNs");
            problems.push(...targetProblems);
            if (targetProblems.length === 0) {
                (item.targets as string[]).forEach((urn, j) => {
                    const problem = urnProblem(urn);
                    if (problem) problems.push(`${at}.targets[${j}] = ${show(urn)} ${problem}`);
                });
            }
        });
    }
    return problems;
}

/** Orders IDs naturally, runs of digits as numbers: EXC-2 before EXC-10 (the Pulumi CLI's order). */
export function compareExceptionIds(a: string, b: string): number {
    const runs = (s: string) => s.match(/\d+|\D+/g) ?? [];
    const ra = runs(a);
    const rb = runs(b);
    for (let i = 0; i < Math.min(ra.length, rb.length); i++) {
        const x = ra[i];
        const y = rb[i];
        if (/^\d/.test(x) && /^\d/.test(y)) {
            const nx = x.replace(/^0+/, "");
            const ny = y.replace(/^0+/, "");
            if (nx.length !== ny.length) return nx.length - ny.length;
            if (nx !== ny) return nx < ny ? -1 : 1;
        } else if (x !== y) return x < y ? -1 : 1;
    }
    return ra.length - rb.length || (a < b ? -1 : a > b ? 1 : 0);
}

/** The exceptions of a policy config file's `exceptions` value, in match order (validate it first: what is malformed is left out). */
export function readExceptions(raw: unknown): PolicyException[] {
    if (!isObject(raw)) return [];
    const result: PolicyException[] = [];
    for (const id of Object.keys(raw).sort(compareExceptionIds)) {
        const entry = raw[id];
        if (!isObject(entry) || typeof entry.reason !== "string" || !Array.isArray(entry.match)) continue;
        const match = entry.match.filter(isObject).map((m) => ({
            policies: Array.isArray(m.policies) ? m.policies.filter((p): p is string => typeof p === "string") : [],
            targets: Array.isArray(m.targets) ? m.targets.filter((t): t is string => typeof t === "string") : [],
        }));
        result.push({ id, reason: entry.reason.trim(), match, ...(typeof entry.expiresAt === "string" ? { expiresAt: entry.expiresAt } : {}) });
    }
    return result;
}

function covers(exception: PolicyException, violation: Pick<Violation, "policy" | "urn">): boolean {
    return exception.match.some((m) => m.policies.includes(violation.policy) && m.targets.includes(violation.urn));
}

export function isExpired(exception: PolicyException, now: number): boolean {
    return exception.expiresAt !== undefined && now >= expiryInstant(exception.expiresAt);
}

const refOf = (e: PolicyException): ExceptionRef => ({ id: e.id, reason: e.reason, ...(e.expiresAt ? { expiresAt: e.expiresAt } : {}) });

/** What an expired exception adds to the message of a violation it no longer waives. */
export function expiredNote(e: ExceptionRef): string {
    return `exception "${e.id}" (${e.reason}) expired ${e.expiresAt ?? ""}, so it no longer applies`;
}

export interface ExceptionsApplied {
    /** The violations that still count (one an expired exception covers says so in its message). */
    violations: Violation[];
    /** The violations an exception waived, each with it. */
    exempted: Violation[];
    /** Every exception with its status and what it waived here. */
    exceptions: ExceptionStatus[];
}

/** Applies exceptions to a stack's violations as the Pulumi CLI does: the lowest matching ID that has not expired waives a violation. */
export function applyExceptions(violations: Violation[], exceptions: readonly PolicyException[], now: number = Date.now()): ExceptionsApplied {
    const statuses: ExceptionStatus[] = exceptions.map((e) => ({
        ...e,
        status: e.expiresAt === undefined ? "permanent" : isExpired(e, now) ? "expired" : "active",
        waived: [],
    }));
    if (exceptions.length === 0) return { violations, exempted: [], exceptions: statuses };
    const kept: Violation[] = [];
    const exempted: Violation[] = [];
    for (const violation of violations) {
        const matching = statuses.filter((s) => covers(s, violation));
        const active = matching.find((s) => s.status !== "expired");
        const record = { policy: violation.policy, urn: violation.urn, resourceName: violation.resourceName, enforcementLevel: violation.enforcementLevel };
        if (active) {
            active.waived.push(record);
            exempted.push({ ...violation, exception: refOf(active) });
            continue;
        }
        const expired = matching[0];
        if (expired) {
            expired.waived.push(record);
            kept.push({ ...violation, expiredException: refOf(expired), message: `${violation.message} (Note: ${expiredNote(refOf(expired))}.)` });
            continue;
        }
        kept.push(violation);
    }
    return { violations: kept, exempted, exceptions: statuses };
}

/** An exception's status in words: "permanent (no expiry)", "expires 2027-03-31", "EXPIRED 2026-01-31 (no longer applies)". */
export function statusWords(e: ExceptionStatus): string {
    if (e.status === "permanent") return "permanent (no expiry)";
    if (e.status === "active") return `expires ${e.expiresAt}`;
    return `EXPIRED ${e.expiresAt} (no longer applies)`;
}
