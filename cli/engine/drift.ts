/**
 * Drift in a stack export: what a resource's recorded state (its outputs, as the provider last read
 * the cloud, e.g. after `pulumi refresh`) carries that its inputs (what the program declares) do not —
 * an SSH rule added in the console, a database made public by hand. The engine analyses inputs only,
 * so resource policies would never see it; stack policies already see the outputs.
 *
 * Only properties the inputs set are compared. A property the program leaves to the provider is
 * filled in the outputs from elsewhere: a group's `ingress` lists the rules of its separate rule
 * resources, which are judged as resources of their own and would otherwise be reported twice.
 */
import { sameValue } from "../../policypack/kit/turnMemo";
import { Diagnostic } from "./packProcess";

/** `object[key] = value`, also for a key named `__proto__` (which JSON.parse makes an ordinary key). */
function setOwn(object: Record<string, unknown>, key: string, value: unknown): void {
    Object.defineProperty(object, key, { value, writable: true, enumerable: true, configurable: true });
}

/**
 * The resource as recorded: its inputs, each property they set replaced by its recorded output where
 * the two differ. Undefined when nothing differs (nothing more to judge).
 */
export function recordedProperties(inputs: Record<string, unknown>, outputs: Record<string, unknown> | undefined): Record<string, unknown> | undefined {
    if (!outputs) return undefined;
    let recorded: Record<string, unknown> | undefined;
    for (const key in inputs) {
        if (!Object.prototype.hasOwnProperty.call(inputs, key) || !Object.prototype.hasOwnProperty.call(outputs, key)) continue;
        if (!sameValue(inputs[key], outputs[key])) setOwn((recorded ??= { ...inputs }), key, outputs[key]);
    }
    return recorded;
}

/**
 * A finding's identity across the two views of one resource: its policy and message, list positions
 * left out (the cloud may return the same rules in another order, and a message names `ingress[2]`).
 */
function identity(diagnostic: Diagnostic): string {
    return `${diagnostic.policyName}\u0000${diagnostic.message.replace(/\[\d+\]/g, "[]")}`;
}

/** The findings of the recorded state that the inputs' findings do not already make (each counted). */
export function onlyInRecordedState(recorded: readonly Diagnostic[], declared: readonly Diagnostic[]): Diagnostic[] {
    const unmatched = new Map<string, number>();
    for (const diagnostic of declared) unmatched.set(identity(diagnostic), (unmatched.get(identity(diagnostic)) ?? 0) + 1);
    return recorded.filter((diagnostic) => {
        const left = unmatched.get(identity(diagnostic)) ?? 0;
        if (left === 0) return true;
        unmatched.set(identity(diagnostic), left - 1);
        return false;
    });
}

/** How a finding of the recorded state alone is worded, in every report. */
export function driftMessage(message: string): string {
    return `in the stack's recorded state (drift): ${message} Only the recorded state has this, not the program's inputs: it was changed outside Pulumi (pulumi up puts back what the program declares).`;
}
