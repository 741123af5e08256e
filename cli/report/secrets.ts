/**
 * Secret values never reach a report. The pack sees secrets unwrapped (the SDK hands policies plain
 * values, so verdicts still use them) and its messages quote what they judge; tierguard knows which
 * values were secret — secret envelopes in the captured inputs and outputs (a program's
 * `pulumi.secret`, an export's `--show-secrets` plaintext), secret config — and replaces each
 * occurrence in what it prints with `[secret]`.
 *
 * An occurrence is a whole token: not preceded or followed by a letter, digit or `_`, so a secret port
 * `22` is hidden in "port 22" but not in "2222". Booleans are not redacted (a verdict about a secret
 * switch already tells its value); every other scalar is, and a CIDR in the canonical form messages
 * also print.
 */
import { CaptureResult } from "../engine/capturedStack";
import { CheckReport } from "./checkReport";
import { Violation } from "../engine/violation";
import { SECRET_SIG, SIG_KEY } from "../../policypack/model/sentinels";
import { canonical, parseCidr } from "../../policypack/model/addresses";

export const REDACTED = "[secret]";

/** Replaces known secret values in text; `redact` is the identity when there are none. */
export class SecretRedactor {
    /** Secrets by first character, longest first, so each position is compared only with its candidates. */
    private readonly byFirst = new Map<string, string[]>();

    constructor(secrets: Iterable<string>) {
        const forms = new Set<string>();
        for (const secret of secrets) for (const form of formsOf(secret)) forms.add(form);
        for (const form of [...forms].sort((a, b) => b.length - a.length)) {
            const bucket = this.byFirst.get(form[0]) ?? this.byFirst.set(form[0], []).get(form[0])!;
            bucket.push(form);
        }
    }

    get empty(): boolean {
        return this.byFirst.size === 0;
    }

    redact(text: string): string {
        if (this.byFirst.size === 0 || !text) return text;
        let out = "";
        let copied = 0;
        for (let i = 0; i < text.length;) {
            const found = isWordChar(text[i - 1])
                ? undefined
                : this.byFirst.get(text[i])?.find((s) => text.startsWith(s, i) && !isWordChar(text[i + s.length]));
            if (found === undefined) {
                i++;
                continue;
            }
            out += text.slice(copied, i) + REDACTED;
            i += found.length;
            copied = i;
        }
        return copied === 0 ? text : out + text.slice(copied);
    }
}

const isWordChar = (c: string | undefined) => c !== undefined && /[A-Za-z0-9_]/.test(c);

/** The spellings a secret can take in a message: as given, JSON-escaped, and a CIDR's canonical form. */
function formsOf(secret: string): string[] {
    if (secret.trim() === "") return [];
    const forms = [secret, JSON.stringify(secret).slice(1, -1)];
    const cidr = parseCidr(secret);
    if (typeof cidr !== "string") forms.push(canonical(cidr));
    return forms;
}

/** Every scalar inside secret envelopes of a value, as text. */
function collectSecrets(value: unknown, insideSecret: boolean, into: Set<string>, depth = 0): void {
    if (depth > 200) return;
    if (value === null || value === undefined || typeof value === "boolean") return;
    if (typeof value === "string" || typeof value === "number" || typeof value === "bigint") {
        if (insideSecret) into.add(String(value));
        return;
    }
    if (Array.isArray(value)) {
        for (const item of value) collectSecrets(item, insideSecret, into, depth + 1);
        return;
    }
    if (typeof value === "object") {
        const object = value as Record<string, unknown>;
        const secret = insideSecret || object[SIG_KEY] === SECRET_SIG;
        for (const [key, item] of Object.entries(object)) if (key !== SIG_KEY) collectSecrets(item, secret, into, depth + 1);
    }
}

/**
 * The secret values of a captured stack, plus other known secrets (secret config values), less the
 * stand-ins tierguard gave for undecryptable config: those are no secret, and hiding one like "1"
 * would hide every port 1.
 */
export function secretsOf(capture: CaptureResult, known: Iterable<string> = [], standIns: Iterable<string> = []): SecretRedactor {
    const secrets = new Set<string>(known);
    for (const resource of capture.resources) {
        collectSecrets(resource.inputs, false, secrets);
        collectSecrets(resource.outputs, false, secrets);
    }
    for (const standIn of standIns) secrets.delete(standIn);
    return new SecretRedactor(secrets);
}

/** Every field of a violation that can quote a judged value: its message, the rule's facts and its exposure's reason (it names resources and hops). */
const VALUE_FIELDS = ["message", "protocol", "ports", "peer", "exposureReason"] as const;

function redactViolation(violation: Violation, redactor: SecretRedactor): Violation {
    const redacted = { ...violation };
    for (const field of VALUE_FIELDS) {
        const text = violation[field];
        if (text !== undefined) redacted[field] = redactor.redact(text);
    }
    return redacted;
}

/** The report with every secret value in what it prints replaced by `[secret]`; the redactor kept for graphs. */
export function redactReport<R extends CheckReport>(report: R, redactor: SecretRedactor): R {
    if (redactor.empty) return { ...report, secrets: redactor };
    const outcome = report.outcome;
    return {
        ...report,
        violations: report.violations.map((v) => redactViolation(v, redactor)),
        ...(report.exempted ? { exempted: report.exempted.map((v) => redactViolation(v, redactor)) } : {}),
        outcome:
            outcome.status === "failed"
                ? { ...outcome, errors: outcome.errors.map((e) => redactor.redact(e)) }
                : outcome.status === "ended early"
                  ? { ...outcome, output: redactor.redact(outcome.output) }
                  : outcome,
        secrets: redactor,
    };
}
