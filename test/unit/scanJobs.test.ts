/** scan's default number of jobs: one pack per core, but no more packs than the stack files' size keeps busy. */
import * as os from "os";
import { defaultJobs } from "../../cli/scan/scan";
import { MAX_JOBS } from "../../cli/scan/limits";

const MiB = 1024 * 1024;
const cores = Math.min(MAX_JOBS, os.availableParallelism());

it("starts one pack for stack files of a MiB or less together, whatever the cores", () => {
    expect(defaultJobs(0)).toBe(1);
    expect(defaultJobs(6_000)).toBe(1);
    expect(defaultJobs(MiB)).toBe(1);
});

it("starts a pack more per MiB, up to one per core", () => {
    expect(defaultJobs(MiB + 1)).toBe(Math.min(cores, 2));
    expect(defaultJobs(3 * MiB)).toBe(Math.min(cores, 3));
    expect(defaultJobs(1024 * MiB)).toBe(cores);
    expect(defaultJobs()).toBe(cores);
});
