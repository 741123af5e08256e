/**
 * What `tierguard scan` reads of one file, at most. A file past a limit is that file's error and the
 * others are still judged: nothing in a file may crash the scan, hang it, or leave the pack running.
 */
import { UsageError } from "../program/project";

const MiB = 1024 * 1024;

export interface ScanLimits {
    /** Bytes in one file (refused before it is read). */
    maxFileBytes: number;
    /** Arrays and objects inside one another, counted from the top of the file. */
    maxNestingDepth: number;
    /** One resource's inputs or outputs, as about that many bytes of what is sent to the pack. */
    maxResourceBytes: number;
}

/**
 * 256 MiB holds some 250,000 resources as `pulumi stack export` writes them, five times the largest
 * stack measured (see Performance in the README); past it a file is most likely not a stack at all.
 */
export const DEFAULT_MAX_FILE_BYTES = 256 * MiB;

/**
 * Real exports nest a few dozen levels (a Kubernetes CRD's schema, a policy document). Each level is
 * a level of recursion in the protobuf encoding and in the pack's decoding, which fails near 1,000.
 */
export const MAX_NESTING_DEPTH = 256;

/**
 * The protobuf library the pack protocol is encoded with holds a message as an array of its bytes,
 * which V8 cannot grow past about 128 million elements: a bigger resource would end the process
 * (not with an exception). 32 MiB is far above any cloud resource's own limits and well below that.
 */
export const MAX_RESOURCE_BYTES = 32 * MiB;

/** Lowers (or raises) the file size limit, e.g. for a test or a machine with little memory. */
export const MAX_FILE_BYTES_VARIABLE = "TIERGUARD_SCAN_MAX_FILE_BYTES";

export function scanLimits(env: NodeJS.ProcessEnv = process.env): ScanLimits {
    const given = env[MAX_FILE_BYTES_VARIABLE];
    let maxFileBytes = DEFAULT_MAX_FILE_BYTES;
    if (given !== undefined) {
        maxFileBytes = Number(given.trim());
        if (!/^\d+$/.test(given.trim()) || !(maxFileBytes > 0))
            throw new UsageError(`${MAX_FILE_BYTES_VARIABLE} must be a number of bytes greater than 0, got "${given}"`);
    }
    return { maxFileBytes, maxNestingDepth: MAX_NESTING_DEPTH, maxResourceBytes: MAX_RESOURCE_BYTES };
}

/** "256 MiB", "1.5 KiB", "17 bytes". */
export function describeBytes(bytes: number): string {
    const units: Array<[number, string]> = [
        [1024 * MiB, "GiB"],
        [MiB, "MiB"],
        [1024, "KiB"],
    ];
    for (const [size, unit] of units) {
        if (bytes >= size) return `${Number((bytes / size).toFixed(1))} ${unit}`;
    }
    return `${bytes} bytes`;
}

/** The most stacks a scan judges at once (each with its own pack process): given with --jobs, or the default. */
export const MAX_JOBS = 64;
