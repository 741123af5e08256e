"use strict";
/**
 * Sharing work between the policies of one request. The Pulumi SDK's server hands every policy its own
 * freshly deserialised copy of the same resource (Analyze) or stack (AnalyzeStack), so anything derived
 * from it — a resource's rule model, the stack's network graph — would be rebuilt once per policy.
 * (tierguard's own server, policypack/server, hands every policy the same copy: the memo then finds it
 * at once, by identity; it still matters when the pack runs on the SDK's server.)
 *
 * A TurnMemo keeps results for the rest of the current event-loop turn only: the SDK runs all policies
 * of a request back to back in one turn (each awaits an already-settled promise), and the memo is
 * emptied before the next turn so nothing outlives the request. A result is reused only for input that
 * is structurally equal to the one it was computed from, so even requests that overlap in one turn can
 * never receive each other's results — the memo saves work, it never decides a verdict.
 */
Object.defineProperty(exports, "__esModule", { value: true });
exports.TurnMemo = void 0;
exports.sameValue = sameValue;
/** Deep equality of deserialised property values (JSON-like trees: no cycles, no functions). */
function sameValue(a, b) {
    if (a === b)
        return true;
    if (typeof a !== "object" || typeof b !== "object" || a === null || b === null)
        return false;
    const isArray = Array.isArray(a);
    if (isArray !== Array.isArray(b))
        return false;
    if (isArray) {
        const x = a;
        const y = b;
        if (x.length !== y.length)
            return false;
        for (let i = 0; i < x.length; i++)
            if (!sameValue(x[i], y[i]))
                return false;
        return true;
    }
    // for-in rather than Object.keys: no key arrays allocated for every object of a 50,000-resource stack.
    const x = a;
    const y = b;
    let keys = 0;
    for (const key in x) {
        if (!Object.prototype.hasOwnProperty.call(y, key) || !sameValue(x[key], y[key]))
            return false;
        keys++;
    }
    for (const key in y)
        if (Object.prototype.hasOwnProperty.call(y, key))
            keys--;
    return keys === 0;
}
/**
 * `same(kept, input)` decides reuse; `keep(input, result)` chooses what of the input to remember for
 * that comparison (by default the input itself; the stack graph keeps the SDK's resource objects it was
 * first handed and its own copies of them, see kit/defineStack.ts).
 */
class TurnMemo {
    constructor(same = sameValue, keep = (input) => input) {
        this.same = same;
        this.keep = keep;
        this.entries = new Map();
        this.clearScheduled = false;
    }
    /** The result for `input` under `key`: computed now, or reused from earlier in this turn. */
    get(key, input, compute) {
        const entry = this.entries.get(key);
        if (entry && this.same(entry.kept, input))
            return entry.result;
        const result = compute();
        this.entries.set(key, { kept: this.keep(input, result), result });
        if (!this.clearScheduled) {
            this.clearScheduled = true;
            setImmediate(() => {
                this.entries.clear();
                this.clearScheduled = false;
            });
        }
        return result;
    }
}
exports.TurnMemo = TurnMemo;
