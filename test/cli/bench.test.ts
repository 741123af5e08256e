/**
 * `npm run bench` keeps working: a tiny run of every section prints the full table. Budgets are not
 * judged here (a timed unit test proves nothing on a shared machine); the benchmark itself does that.
 */
import { spawnSync } from "child_process";
import * as path from "path";

it("runs every section of the benchmark and prints its table", () => {
    const script = path.resolve(__dirname, "..", "..", "bench", "run.js");
    const run = spawnSync(
        process.execPath,
        [script, "--runs", "1", "--sizes", "300,600", "--analyze-size", "300", "--scan-size", "300", "--program-sizes", "50"],
        { encoding: "utf8", timeout: 240_000 },
    );
    expect(run.stderr).not.toContain("bench: Error");
    expect([0, 1]).toContain(run.status); // 2 would mean the benchmark itself failed
    const rows = run.stdout.split("\n").filter((line) => line.startsWith("| ") && !line.startsWith("| Measure"));
    expect(
        rows.map((row) =>
            row
                .split("|")[1]
                .trim()
                .replace(/\d[\d,]*/g, "N"),
        ),
    ).toEqual([
        "Pack start-up until the port is printed (vs an empty JavaScript pack)",
        "Analyze throughput, N resources, N in flight (vs the same-shape no-op pack)",
        "Analyze: pack CPU time per resource",
        "AnalyzeStack, N resources (vs the same-shape no-op pack)",
        "AnalyzeStack, N resources (vs the same-shape no-op pack)",
        "AnalyzeStack scaling exponent, N → N resources",
        "`tierguard scan` of a N-resource export: wall time (vs the same scan with the no-op pack)",
        "`tierguard scan`: peak memory of the CLI and pack processes together",
        "`tierguard check` of a program of N security groups, preview: wall time (vs the same SDK runner with a monitor that only acknowledges)",
        "`tierguard check` of N security groups: peak memory of all its processes together (CLI, program, pack) vs the runner's",
    ]);
    for (const row of rows) expect(row).toMatch(/\d/);
    expect(run.stdout).toMatch(/Every budget is met\.|budget\(s\) missed/);
}, 240_000);

it("refuses a bad option with a clear error", () => {
    const script = path.resolve(__dirname, "..", "..", "bench", "run.js");
    const run = spawnSync(process.execPath, [script, "--only", "speed"], { encoding: "utf8" });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('--only takes startup, analyze, stack, scan, program, got "speed"');
});
