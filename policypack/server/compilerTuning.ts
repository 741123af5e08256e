/**
 * V8's optimising compiler, tuned for what the pack's process does: a pass over a batch of resources,
 * then idle. By default TurboFan inlines up to 920 bytes of bytecode into each function it optimises
 * (besides the smallest functions, which it inlines whatever the budget). For the pack's code (the
 * graph, reachability, NACL walks: many small functions calling each other) that makes large graphs
 * that take long to compile: in a fresh pack's AnalyzeStack of 10,000 resources, V8's compiler threads
 * used about 900 ms of CPU against the main thread's 550, on the same two cores. With 300 bytes the
 * compiles are smaller and the warm passes measured no slower (the README's performance section has
 * the measurements, all on a 2-core machine).
 *
 * Inlining preserves what the code computes; what Node does not promise is how V8 takes a flag changed
 * after it started ("may result in unpredictable behavior"), so the flag is set only on the V8 it was
 * measured and tested on (Node 20's 11.3), before the server starts, and can be switched off:
 * TIERGUARD_COMPILER_TUNING=off keeps V8's defaults. The SDK's own server
 * (TIERGUARD_ANALYZER_SERVER=sdk) never sets it. The pack owns its process (one pack per process).
 */
import * as v8 from "v8";

/** The most bytecode TurboFan inlines into one optimised function, in bytes (V8's default: 920). */
export const INLINING_BUDGET_BYTES = 300;

/** The V8 the budget was measured on: Node 20's. */
const MEASURED_ON_V8 = "11.3.";

const TUNING_SWITCH = "TIERGUARD_COMPILER_TUNING";

/**
 * The V8 flag the pack sets, or none: on the measured V8 unless the switch says "off". A switch value
 * other than unset, "" , "on" or "off" is an error (a typo must not silently change the pack's setup).
 */
export function compilerFlagFor(v8Version: string, setting: string | undefined): string | undefined {
    if (setting !== undefined && setting !== "" && setting !== "on" && setting !== "off") {
        throw new Error(
            `${TUNING_SWITCH}=${JSON.stringify(setting)} is not a setting: use ${TUNING_SWITCH}=off to keep V8's default inlining budget, or leave it unset (or "on").`,
        );
    }
    if (setting === "off" || !v8Version.startsWith(MEASURED_ON_V8)) return undefined;
    return `--max-inlined-bytecode-size-cumulative=${INLINING_BUDGET_BYTES}`;
}

/** Sets the flag for this process's V8, if any; throws on an invalid switch value. */
export function tuneCompiler(): void {
    const flag = compilerFlagFor(process.versions.v8, process.env[TUNING_SWITCH]);
    if (flag) v8.setFlagsFromString(flag);
}
