/**
 * Whether this process has the memory to judge a file. Running out of JavaScript heap ends a Node.js
 * process outright (no exception to catch), so what a file will take is weighed before each step that
 * takes it, and the file is refused, as that file's error, when it would not fit in what is left.
 */
import * as v8 from "v8";
import { StackFileError } from "./stackFileError";
import { describeBytes } from "./limits";
import { JsonShape } from "./jsonShape";

/**
 * Heap that parsing and judging a text of this shape takes, at most. JSON.parse takes 48–68 bytes per
 * array or object and 8–16 per further value (measured); the resources read from it, the requests
 * encoded from them and the verdicts take about as much again (a 50 MiB export of 50,000 resources
 * needs some 200 MiB of heap in all); the whole is doubled for margin.
 */
export function judgingHeapBytes(shape: JsonShape): number {
    return shape.containers * 256 + shape.values * 64;
}

/**
 * Heap that encoding one resource for the pack takes while it runs, per weighed byte (see
 * propertyValues): google-protobuf builds a message in an array of one 8-byte element per byte, and
 * grows it by half again when full, old and new side by side.
 */
export const ENCODING_HEAP_BYTES_PER_BYTE = 24;

/** Throws a StackFileError when `what` (e.g. "parsing it") needs more heap than this process has left. */
export function ensureHeapFor(file: string, bytes: number, what: string): void {
    const heap = v8.getHeapStatistics();
    const available = heap.heap_size_limit - heap.used_heap_size;
    if (bytes > available) {
        throw new StackFileError(
            file,
            `${what} needs about ${describeBytes(bytes)} of memory and tierguard has ${describeBytes(available)} left; ` +
                `give Node.js more (NODE_OPTIONS=--max-old-space-size=<MiB>) to scan it`,
        );
    }
}
