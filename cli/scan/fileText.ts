/**
 * Reads one file the scan was given or found, at most a limited number of bytes, and only if it is a
 * regular file: reading a named pipe waits for a writer forever, a device may never end, and a
 * socket cannot be opened at all, so those are never opened.
 */
import * as fs from "fs";
import { StackFileError } from "./stackFileError";
import { UndecodableText, decodeJsonText } from "./decodeText";
import { describeBytes } from "./limits";

/** What a path is, in words, when it is not a regular file. */
export function kindOf(stats: fs.Stats): string | undefined {
    if (stats.isFile()) return undefined;
    if (stats.isDirectory()) return "a directory";
    if (stats.isFIFO()) return "a named pipe (FIFO)";
    if (stats.isSocket()) return "a socket";
    if (stats.isCharacterDevice()) return "a character device";
    if (stats.isBlockDevice()) return "a block device";
    return "not a regular file";
}

function tooLarge(file: string, bytes: number | "more", maxBytes: number): StackFileError {
    const size = bytes === "more" ? `more than ${describeBytes(maxBytes)}` : describeBytes(bytes);
    return new StackFileError(file, `it is ${size}, over the ${describeBytes(maxBytes)} limit for one file (TIERGUARD_SCAN_MAX_FILE_BYTES changes it)`);
}

/** Why a file with these stats is not read, if it is not. */
function refusalOf(file: string, stats: fs.Stats, maxBytes: number): StackFileError | undefined {
    const kind = kindOf(stats);
    if (kind) return new StackFileError(file, `it is ${kind}, not a regular file, so it was not opened`);
    return stats.size > maxBytes ? tooLarge(file, stats.size, maxBytes) : undefined;
}

/** The bytes of a regular file of at most `maxBytes`; throws a StackFileError naming the file otherwise. */
export function readFileBytes(file: string, maxBytes: number): Buffer {
    let stats: fs.Stats;
    try {
        stats = fs.statSync(file);
    } catch (error) {
        throw new StackFileError(file, `cannot read it: ${(error as Error).message}`);
    }
    const refused = refusalOf(file, stats, maxBytes);
    if (refused) throw refused;
    let fd: number;
    try {
        // Non-blocking, so that a file swapped for a named pipe since stat() cannot make open() wait.
        fd = fs.openSync(file, fs.constants.O_RDONLY | fs.constants.O_NONBLOCK);
    } catch (error) {
        throw new StackFileError(file, `cannot read it: ${(error as Error).message}`);
    }
    try {
        // What was opened, checked again: the path may have been replaced since stat().
        const opened = fs.fstatSync(fd);
        const swapped = refusalOf(file, opened, maxBytes);
        if (swapped) throw swapped;
        // One byte more than the file's size, to notice a file that grows while it is read.
        const buffer = Buffer.allocUnsafe(opened.size + 1);
        let length = 0;
        while (length < buffer.length) {
            const read = fs.readSync(fd, buffer, length, buffer.length - length, null);
            if (read === 0) break;
            length += read;
        }
        if (length > maxBytes) throw tooLarge(file, "more", maxBytes);
        if (length === buffer.length) throw new StackFileError(file, "it grew while it was read; scan it once it is written");
        return buffer.subarray(0, length);
    } catch (error) {
        if (error instanceof StackFileError) throw error;
        throw new StackFileError(file, `cannot read it: ${(error as Error).message}`);
    } finally {
        fs.closeSync(fd);
    }
}

/** The text of a regular file of at most `maxBytes`, in UTF-8 or UTF-16 (see decodeText). */
export function readFileText(file: string, maxBytes: number): string {
    const bytes = readFileBytes(file, maxBytes);
    try {
        return decodeJsonText(bytes);
    } catch (error) {
        if (error instanceof UndecodableText) throw new StackFileError(file, error.message);
        // V8 refuses strings past about 512 million characters (only with a limit raised that far).
        throw new StackFileError(file, `cannot read it as text: ${(error as Error).message}`);
    }
}
