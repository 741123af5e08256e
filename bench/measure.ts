/**
 * How the benchmark measures: medians, paired ratios, a process's CPU time, and the peak memory of a
 * process tree (a scan is the CLI process plus the pack it starts). Linux /proc only.
 */
import { spawn } from "child_process";
import * as fs from "fs";

export function median(values: number[]): number {
    const sorted = [...values].sort((a, b) => a - b);
    const middle = Math.floor(sorted.length / 2);
    return sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

/** One figure of both sides, round by round: each ratio is taken within its round, then the median. */
export class Paired {
    constructor(
        readonly ours: number[],
        readonly theirs: number[],
    ) {}

    get ratio(): number {
        return median(this.ours.map((value, i) => value / this.theirs[i]));
    }

    get oursMedian(): number {
        return median(this.ours);
    }

    get theirsMedian(): number {
        return median(this.theirs);
    }
}

export interface Round<T> {
    ours: T;
    theirs: T;
}

/**
 * Runs both sides once per round, alternating which goes first, so drift (thermal, caches, other
 * load) falls on both equally.
 */
export async function pairedRuns<T>(rounds: number, ours: () => Promise<T>, theirs: () => Promise<T>): Promise<Array<Round<T>>> {
    const results: Array<Round<T>> = [];
    for (let round = 0; round < rounds; round++) {
        if (round % 2 === 0) {
            const a = await ours();
            results.push({ ours: a, theirs: await theirs() });
        } else {
            const b = await theirs();
            results.push({ ours: await ours(), theirs: b });
        }
    }
    return results;
}

/** One figure of the rounds, e.g. `figure(rounds, (run) => run.wallMs)`. */
export function figure<T>(rounds: Array<Round<T>>, pick: (run: T) => number): Paired {
    return new Paired(
        rounds.map((round) => pick(round.ours)),
        rounds.map((round) => pick(round.theirs)),
    );
}

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

/** User plus system CPU time of a process so far, in milliseconds. */
export function cpuMs(pid: number): number {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, "utf8");
    // Fields after the command name (which may hold spaces) start at ")"; utime and stime are 14 and 15.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
}

/** CPU time of all of a process's threads so far, in milliseconds, to the nanosecond (/proc/<pid>/task/<tid>/schedstat); 0 once it has exited. */
function threadsCpuMs(pid: number): number {
    let ns = 0;
    try {
        for (const task of fs.readdirSync(`/proc/${pid}/task`)) {
            try {
                ns += Number(fs.readFileSync(`/proc/${pid}/task/${task}/schedstat`, "utf8").split(" ")[0]);
            } catch {
                // a thread that ended between listing and reading
            }
        }
    } catch {
        return 0;
    }
    return ns / 1e6;
}

const QUIET = { windowMs: 50, busyMs: 2, limitMs: 2000 };

/**
 * Waits until none of these processes works: less than QUIET.busyMs of CPU, all threads together, over
 * QUIET.windowMs (at most QUIET.limitMs in all). A pack's compiler and garbage-collector threads can go on
 * working for 100 ms after it has answered (AWSGuard's used up to 96 ms of CPU then, measured), and on a
 * 2-core machine that work would slow whichever pack is timed next.
 */
export async function settle(pids: readonly number[]): Promise<void> {
    const started = Date.now();
    for (;;) {
        const before = pids.map(threadsCpuMs);
        await new Promise((resolve) => setTimeout(resolve, QUIET.windowMs));
        const busiest = Math.max(0, ...pids.map((pid, i) => threadsCpuMs(pid) - before[i]));
        if (busiest < QUIET.busyMs || Date.now() - started >= QUIET.limitMs) return;
    }
}

/** Resident memory now (VmRSS) and its peak so far (VmHWM) of one process, in KiB; zeros once it has exited. */
function memoryKiB(pid: number): { rss: number; peak: number } {
    try {
        const status = fs.readFileSync(`/proc/${pid}/status`, "utf8");
        const rss = /VmRSS:\s+(\d+) kB/.exec(status);
        const peak = /VmHWM:\s+(\d+) kB/.exec(status);
        return { rss: rss ? Number(rss[1]) : 0, peak: peak ? Number(peak[1]) : 0 };
    } catch {
        return { rss: 0, peak: 0 }; // exited between listing and reading
    }
}

/** A live process's resident memory now and its peak since it started (the kernel's high-water mark), in MiB. */
export function processMemoryMiB(pid: number): { rssMiB: number; peakMiB: number } {
    const { rss, peak } = memoryKiB(pid);
    return { rssMiB: rss / 1024, peakMiB: Math.max(rss, peak) / 1024 };
}

function descendants(pid: number): number[] {
    let children: number[] = [];
    try {
        children = fs.readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim().split(/\s+/).filter(Boolean).map(Number);
    } catch {
        return [];
    }
    return children.flatMap((child) => [child, ...descendants(child)]);
}

export interface ProcessRun {
    code: number | null;
    wallMs: number;
    /** The largest resident memory of the process and all its descendants together, sampled. */
    peakMiB: number;
    /** The peak resident memory of the process itself (its high-water mark, last read before it ended). */
    ownPeakMiB: number;
    /** The peaks of its descendants (e.g. the packs a scan starts), each its own high-water mark, summed. */
    descendantsPeakMiB: number;
    /** What it printed, when asked for. */
    stdout?: string;
}

/** Runs a command to its end, sampling the resident memory of its whole process tree. */
export function runMeasured(
    command: string,
    args: string[],
    options: { sampleMs?: number; env?: NodeJS.ProcessEnv; captureStdout?: boolean } = {},
): Promise<ProcessRun> {
    return new Promise((resolve, reject) => {
        const started = process.hrtime.bigint();
        const child = spawn(command, args, { stdio: ["ignore", options.captureStdout ? "pipe" : "ignore", "pipe"], env: options.env ?? process.env });
        let stderr = "";
        let stdout = "";
        child.stderr!.on("data", (chunk) => (stderr += chunk));
        child.stdout?.on("data", (chunk) => (stdout += chunk));
        let peakKiB = 0;
        let ownPeakKiB = 0;
        const descendantPeaks = new Map<number, number>();
        const sample = () => {
            const below = descendants(child.pid!);
            const own = memoryKiB(child.pid!);
            ownPeakKiB = Math.max(ownPeakKiB, own.rss, own.peak);
            let sum = own.rss;
            for (const pid of below) {
                const memory = memoryKiB(pid);
                sum += memory.rss;
                descendantPeaks.set(pid, Math.max(descendantPeaks.get(pid) ?? 0, memory.rss, memory.peak));
            }
            peakKiB = Math.max(peakKiB, sum);
        };
        const timer = setInterval(sample, options.sampleMs ?? 20);
        child.on("error", reject);
        child.on("close", (code) => {
            clearInterval(timer);
            const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
            if (code !== 0 && code !== 1) reject(new Error(`${command} ${args.join(" ")} exited with ${code}: ${stderr}`));
            else {
                const descendantsPeakKiB = [...descendantPeaks.values()].reduce((sum, kib) => sum + kib, 0);
                resolve({
                    code,
                    wallMs,
                    peakMiB: peakKiB / 1024,
                    ownPeakMiB: ownPeakKiB / 1024,
                    descendantsPeakMiB: descendantsPeakKiB / 1024,
                    ...(options.captureStdout ? { stdout } : {}),
                });
            }
        });
    });
}
