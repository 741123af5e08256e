/**
 * `npm run bench`: tierguard's pack against yardsticks of the same shape, over the engine protocol,
 * pair by pair in the same run — start-up, Analyze throughput, AnalyzeStack time and its scaling, a
 * whole `tierguard scan` (wall time and peak memory), and a whole `tierguard check` of generated
 * programs against the SDK runner with an acknowledging monitor. Prints a Markdown table with each
 * figure's verdict against its budget; exits 1 when a budget is missed. Not part of `npm test`.
 *
 *   node dist/bench/run.js [--runs N] [--sizes 1000,5000,10000,50000] [--analyze-size N]
 *                          [--scan-size N] [--program-sizes 1000,10000] [--routed-sizes 5000,50000]
 *                          [--only startup,analyze,stack,routing,scan,program] [--json results.json]
 *
 * `routing`: a stack of the routed shape (VPCs, subnets, route tables, gateways, public addresses, an
 * internet-facing load balancer) at the largest routed size over AnalyzeStack against the no-op pack,
 * and the reachability pass alone, in-process, at every routed size (its scaling must stay linear).
 *
 * `--only` runs some sections (while working on one figure); the verdict then covers only those.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { PackProcess, PackResource, analyzeRequest, encodeAnalyzeStack } from "../cli/engine/packProcess";
import { inOrder } from "../cli/engine/boundedConcurrency";
import { configurationFor } from "../cli/policyConfig";
import { Paired, cpuMs, figure, median, pairedRuns, runMeasured } from "./measure";
import { BenchPacks, benchPacks } from "./packs";
import { SyntheticStack, syntheticStack, writeStackExport } from "./syntheticStack";
import { stackGraphInProcess } from "../policypack/inProcess";
import { stackPolicyDefinitions } from "../policypack/policies";
import { runCheck, runFloor, writeGroupsProgram } from "./programRun";

interface Options {
    runs: number;
    sizes: number[];
    analyzeSize: number;
    scanSize: number;
    programSizes: number[];
    routedSizes: number[];
    json?: string;
    sections: Set<Section>;
}

const SECTIONS = ["startup", "analyze", "stack", "routing", "scan", "program"] as const;
type Section = (typeof SECTIONS)[number];

/** The budgets of issue #7: ratios to the yardstick, and the scaling exponent. */
export const BUDGETS = {
    startup: 1.5,
    analyze: 1.3,
    analyzeStackAtLargest: 1.3,
    exponent: 1.15,
    scanWall: 1.5,
    scanMemory: 1.5,
    /** `check` of a program: wall time against the runner alone, and extra memory of all its processes. */
    programWall: 1.5,
    programExtraMiB: 300,
};

/** Analyze requests in flight at once, as `tierguard check` and `scan` send them. */
const IN_FLIGHT = 16;

function parseOptions(argv: string[]): Options {
    const options: Options = {
        runs: 5,
        sizes: [1000, 5000, 10000, 50000],
        analyzeSize: 2000,
        scanSize: 50000,
        programSizes: [1000, 10000],
        routedSizes: [5000, 50000],
        sections: new Set(SECTIONS),
    };
    for (let i = 0; i < argv.length; i++) {
        const value = argv[++i];
        const number = (what: string) => {
            const n = Number(value);
            if (!Number.isInteger(n) || n <= 0) throw new Error(`${what} must be a positive whole number, got "${value}"`);
            return n;
        };
        switch (argv[i - 1]) {
            case "--runs":
                options.runs = number("--runs");
                break;
            case "--sizes":
            case "--routed-sizes":
            case "--program-sizes": {
                const sizes = (value ?? "").split(",").map((size) => {
                    const n = Number(size);
                    if (!Number.isInteger(n) || n <= 0) throw new Error(`${argv[i - 1]} must list positive whole numbers, got "${value}"`);
                    return n;
                });
                if (argv[i - 1] === "--sizes") options.sizes = sizes;
                else if (argv[i - 1] === "--routed-sizes") options.routedSizes = sizes;
                else options.programSizes = sizes;
                break;
            }
            case "--analyze-size":
                options.analyzeSize = number("--analyze-size");
                break;
            case "--scan-size":
                options.scanSize = number("--scan-size");
                break;
            case "--only":
                options.sections = new Set(
                    (value ?? "").split(",").map((section) => {
                        if (!(SECTIONS as readonly string[]).includes(section)) throw new Error(`--only takes ${SECTIONS.join(", ")}, got "${section}"`);
                        return section as Section;
                    }),
                );
                break;
            case "--json":
                options.json = value;
                break;
            default:
                throw new Error(`unknown option ${argv[i - 1]}`);
        }
    }
    options.sizes.sort((a, b) => a - b);
    options.routedSizes.sort((a, b) => a - b);
    return options;
}

function log(message: string): void {
    process.stderr.write(`bench: ${message}\n`);
}

/** The resources as the engine sends them: inputs to Analyze, outputs to AnalyzeStack. */
function asSent(stack: SyntheticStack, what: "inputs" | "outputs"): PackResource[] {
    return stack.resources
        .filter((r) => what === "outputs" || r.type !== "pulumi:pulumi:Stack")
        .map((r) => ({
            type: r.type,
            name: r.name,
            urn: r.urn,
            props: r[what],
            parent: r.type === "pulumi:pulumi:Stack" ? undefined : stack.resources[0].urn,
            dependencies: r.dependencies,
            propertyDependencies: r.propertyDependencies,
        }));
}

async function startConfigured(dir: string): Promise<PackProcess> {
    const pack = await PackProcess.start(dir);
    const info = await pack.getAnalyzerInfo();
    await pack.configure(configurationFor(info.policies, {}));
    await pack.configureStack({ stack: "big", project: "fleet", organization: "organization", dryRun: false });
    return pack;
}

/** The benchmark is only meaningful while the pack still finds exactly the planted mistakes. */
function expectFindings(what: string, found: number, expected: number): void {
    if (found !== expected)
        throw new Error(
            `${what}: the pack reported ${found} findings where ${expected} were planted, so its timing would not be comparable; fix the pack or the generator first`,
        );
}

async function measureStartup(packs: BenchPacks, runs: number): Promise<Paired> {
    const startOnce = async (dir: string) => {
        const pack = await PackProcess.start(dir);
        await pack.stop();
        return pack.startupMs;
    };
    return figure(
        await pairedRuns(
            runs,
            () => startOnce(packs.tierguard),
            () => startOnce(packs.empty),
        ),
        (startupMs) => startupMs,
    );
}

interface AnalyzeFigures {
    wall: Paired;
    cpu: Paired;
    resources: number;
}

async function measureAnalyze(ours: PackProcess, noop: PackProcess, size: number, runs: number): Promise<AnalyzeFigures> {
    const stack = syntheticStack(size);
    const requests: Uint8Array[] = asSent(stack, "inputs").map((r) => analyzeRequest(r).serializeBinary());
    const pass = async (pack: PackProcess, expected: number | undefined) => {
        const cpuBefore = cpuMs(pack.pid);
        const started = process.hrtime.bigint();
        const diagnostics = (await inOrder(requests, IN_FLIGHT, (bytes) => pack.callEncoded("analyze", bytes))).flat();
        const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
        if (expected !== undefined) expectFindings("Analyze", diagnostics.length, expected);
        return { wallMs, cpuMs: cpuMs(pack.pid) - cpuBefore };
    };
    // Two planted findings per mistake (no-admin-ports-from-internet, internet-ingress-only-on-allowed-ports).
    const expected = stack.sshMistakes * 2;
    // Warm-up: the first pass compiles the hot paths of both.
    await pass(ours, expected);
    await pass(noop, 0);
    const rounds = await pairedRuns(
        runs,
        () => pass(ours, expected),
        () => pass(noop, 0),
    );
    return { wall: figure(rounds, (run) => run.wallMs), cpu: figure(rounds, (run) => run.cpuMs), resources: requests.length };
}

async function measureAnalyzeStack(ours: PackProcess, noop: PackProcess, sizes: number[], runs: number): Promise<Map<number, Paired>> {
    const results = new Map<number, Paired>();
    let warmedUp = false;
    for (const size of sizes) {
        const stack = syntheticStack(size);
        const bytes = encodeAnalyzeStack(asSent(stack, "outputs"));
        const call = async (pack: PackProcess, expected: number) => {
            const started = process.hrtime.bigint();
            const diagnostics = await pack.callEncoded("analyzeStack", bytes);
            const ms = Number(process.hrtime.bigint() - started) / 1e6;
            expectFindings(`AnalyzeStack of ${size} resources`, diagnostics.length, expected);
            return ms;
        };
        // One tier-isolation finding per mistake: the launch template outside any subnet's NACL.
        const expected = stack.sshMistakes;
        if (!warmedUp) {
            await call(ours, expected);
            await call(noop, 0);
            warmedUp = true;
        }
        // Small stacks are quick and noisy (a stray GC is a large share): twice the rounds.
        const rounds = size >= 50000 ? runs : runs * 2;
        log(`AnalyzeStack of ${stack.resources.length} resources, ${rounds} rounds`);
        results.set(
            size,
            figure(
                await pairedRuns(
                    rounds,
                    () => call(ours, expected),
                    () => call(noop, 0),
                ),
                (wallMs) => wallMs,
            ),
        );
    }
    return results;
}

/** AnalyzeStack of the routed shape: exactly the planted internet-exposure violations (every other world-open rule is latent). */
async function measureRoutedAnalyzeStack(ours: PackProcess, noop: PackProcess, size: number, runs: number): Promise<{ paired: Paired; resources: number }> {
    const stack = syntheticStack(size, "routed");
    const bytes = encodeAnalyzeStack(asSent(stack, "outputs"));
    const expected = stack.plan.reachable;
    const call = async (pack: PackProcess, expected: number) => {
        const started = process.hrtime.bigint();
        const diagnostics = await pack.callEncoded("analyzeStack", bytes);
        const ms = Number(process.hrtime.bigint() - started) / 1e6;
        expectFindings(`AnalyzeStack of ${size} resources with routing`, diagnostics.length, expected);
        return ms;
    };
    // Warm-up: the routing and load-balancing code has not run in the pack yet.
    await call(ours, expected);
    await call(noop, 0);
    log(`AnalyzeStack of ${stack.resources.length} resources with routing, ${runs} rounds`);
    const rounds = await pairedRuns(
        runs,
        () => call(ours, expected),
        () => call(noop, 0),
    );
    return { paired: figure(rounds, (wallMs) => wallMs), resources: stack.resources.length };
}

/**
 * The reachability pass alone, in this process, on routed stacks of each size: a fresh graph per round
 * (built untimed, as the pack does once per AnalyzeStack for every stack policy), then internet-exposure
 * timed — the routing and load-balancing indexes it builds on first use, and every resource's paths.
 * Rounds go size by size in turn, so drift falls on every size alike. Medians in milliseconds by size.
 */
function measureReachabilityPass(sizes: number[], runs: number): Map<number, { ms: number; resources: number }> {
    const policy = stackPolicyDefinitions.find((p) => p.name === "internet-exposure");
    if (!policy) throw new Error("the pack has no internet-exposure policy");
    const stacks = sizes.map((size) => {
        const stack = syntheticStack(size, "routed");
        const resources = stack.resources.map((r) => ({
            type: r.type,
            name: r.name,
            urn: r.urn,
            props: r.outputs,
            propertyDependencies: r.propertyDependencies,
        }));
        return { size, resources, expected: stack.plan.reachable, times: [] as number[] };
    });
    const once = (stack: (typeof stacks)[number]) => {
        const graph = stackGraphInProcess(stack.resources);
        const started = process.hrtime.bigint();
        const reports = policy.evaluate(graph, {});
        const ms = Number(process.hrtime.bigint() - started) / 1e6;
        expectFindings(`internet-exposure in-process on ${stack.size} resources with routing`, reports.length, stack.expected);
        return ms;
    };
    for (const stack of stacks) once(stack); // warm-up
    const rounds = runs * 2;
    log(`reachability pass in-process at ${sizes.join(", ")} resources with routing, ${rounds} rounds`);
    for (let round = 0; round < rounds; round++) for (const stack of stacks) stack.times.push(once(stack));
    return new Map(stacks.map((stack) => [stack.size, { ms: median(stack.times), resources: stack.resources.length }]));
}

interface ScanFigures {
    wall: Paired;
    memory: Paired;
    resources: number;
}

async function measureScan(packs: BenchPacks, size: number, runs: number): Promise<ScanFigures> {
    const stack = syntheticStack(size);
    const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "tierguard-bench-")), "fleet-big.json");
    writeStackExport(file, stack);
    const cli = path.resolve(__dirname, "..", "cli", "main.js");
    const scanWith = async (extra: string[], expectedCode: number) => {
        const run = await runMeasured(process.execPath, [cli, "scan", file, "--format", "json", ...extra]);
        if (run.code !== expectedCode) throw new Error(`tierguard scan ${extra.join(" ")} exited with ${run.code}, expected ${expectedCode}`);
        return run;
    };
    const rounds = await pairedRuns(
        runs,
        () => scanWith([], 1),
        () => scanWith(["--policy-pack", packs.noop], 0),
    );
    fs.rmSync(path.dirname(file), { recursive: true, force: true });
    return { wall: figure(rounds, (run) => run.wallMs), memory: figure(rounds, (run) => run.peakMiB), resources: stack.resources.length };
}

interface Row {
    measure: string;
    ours: string;
    theirs: string;
    ratio: string;
    budget: string;
    pass?: boolean;
}

const ms = (value: number) => `${value.toFixed(0)} ms`;
const times = (value: number) => `${value.toFixed(2)}×`;

function verdict(row: Row): string {
    return row.pass === undefined ? "" : row.pass ? "ok" : "**MISSED**";
}

function renderTable(rows: Row[]): string {
    const lines = ["| Measure | tierguard | yardstick | ratio | budget | verdict |", "|---|---:|---:|---:|---:|---|"];
    for (const row of rows) lines.push(`| ${row.measure} | ${row.ours} | ${row.theirs} | ${row.ratio} | ${row.budget} | ${verdict(row)} |`);
    return lines.join("\n");
}

function exponent(smallSize: number, smallMs: number, largeSize: number, largeMs: number): number {
    return Math.log(largeMs / smallMs) / Math.log(largeSize / smallSize);
}

async function startupRows(packs: BenchPacks, options: Options): Promise<Row[]> {
    const rounds = options.runs + 2;
    log(`pack start-up, ${rounds} rounds`);
    const startup = await measureStartup(packs, rounds);
    return [
        {
            measure: "Pack start-up until the port is printed (vs an empty JavaScript pack)",
            ours: ms(startup.oursMedian),
            theirs: ms(startup.theirsMedian),
            ratio: times(startup.ratio),
            budget: `≤ ${times(BUDGETS.startup)}`,
            pass: startup.ratio <= BUDGETS.startup,
        },
    ];
}

/** Analyze and AnalyzeStack, against one long-lived pack process of each kind. */
async function protocolRows(packs: BenchPacks, options: Options): Promise<Row[]> {
    const rows: Row[] = [];
    const ours = await startConfigured(packs.tierguard);
    const noop = await startConfigured(packs.noop);
    let stackTimes = new Map<number, Paired>();
    let routedRow: Row | undefined;
    try {
        if (options.sections.has("analyze")) {
            log(`Analyze of a ${options.analyzeSize}-resource stack, ${options.runs} rounds`);
            const analyze = await measureAnalyze(ours, noop, options.analyzeSize, options.runs);
            const perSecond = (wallMs: number) => `${((analyze.resources * 1000) / wallMs).toFixed(0)} resources/s`;
            rows.push({
                measure: `Analyze throughput, ${analyze.resources} resources, ${IN_FLIGHT} in flight (vs the same-shape no-op pack)`,
                ours: perSecond(analyze.wall.oursMedian),
                theirs: perSecond(analyze.wall.theirsMedian),
                ratio: times(analyze.wall.ratio),
                budget: `≤ ${times(BUDGETS.analyze)}`,
                pass: analyze.wall.ratio <= BUDGETS.analyze,
            });
            rows.push({
                measure: "Analyze: pack CPU time per resource",
                ours: `${(analyze.cpu.oursMedian / analyze.resources).toFixed(2)} ms`,
                theirs: `${(analyze.cpu.theirsMedian / analyze.resources).toFixed(2)} ms`,
                ratio: times(analyze.cpu.ratio),
                budget: "",
            });
        }
        if (options.sections.has("stack")) stackTimes = await measureAnalyzeStack(ours, noop, options.sizes, options.runs);
        if (options.sections.has("routing")) {
            const size = options.routedSizes[options.routedSizes.length - 1];
            const routed = await measureRoutedAnalyzeStack(ours, noop, size, options.runs);
            routedRow = {
                measure: `AnalyzeStack, ${routed.resources.toLocaleString("en")} resources with routing (vs the same-shape no-op pack)`,
                ours: ms(routed.paired.oursMedian),
                theirs: ms(routed.paired.theirsMedian),
                ratio: times(routed.paired.ratio),
                budget: `≤ ${times(BUDGETS.analyzeStackAtLargest)}`,
                pass: routed.paired.ratio <= BUDGETS.analyzeStackAtLargest,
            };
        }
    } finally {
        await ours.stop();
        await noop.stop();
    }
    if (!options.sections.has("stack")) return routedRow ? [...rows, routedRow] : rows;
    const largest = options.sizes[options.sizes.length - 1];
    for (const size of options.sizes) {
        const paired = stackTimes.get(size)!;
        const isLargest = size === largest;
        rows.push({
            measure: `AnalyzeStack, ${size.toLocaleString("en")} resources (vs the same-shape no-op pack)`,
            ours: ms(paired.oursMedian),
            theirs: ms(paired.theirsMedian),
            ratio: times(paired.ratio),
            budget: isLargest ? `≤ ${times(BUDGETS.analyzeStackAtLargest)}` : "",
            pass: isLargest ? paired.ratio <= BUDGETS.analyzeStackAtLargest : undefined,
        });
    }
    const from = options.sizes.includes(5000) && largest > 5000 ? 5000 : options.sizes[0];
    if (largest > from) {
        const oursExponent = exponent(from, stackTimes.get(from)!.oursMedian, largest, stackTimes.get(largest)!.oursMedian);
        const theirsExponent = exponent(from, stackTimes.get(from)!.theirsMedian, largest, stackTimes.get(largest)!.theirsMedian);
        rows.push({
            measure: `AnalyzeStack scaling exponent, ${from.toLocaleString("en")} → ${largest.toLocaleString("en")} resources`,
            ours: oursExponent.toFixed(2),
            theirs: theirsExponent.toFixed(2),
            ratio: "",
            budget: `≤ ${BUDGETS.exponent}`,
            pass: oursExponent <= BUDGETS.exponent,
        });
    }
    return routedRow ? [...rows, routedRow] : rows;
}

/** The reachability pass in-process at each routed size, and its scaling from the smallest to the largest. */
function reachabilityRows(options: Options): Row[] {
    const sizes = options.routedSizes;
    const passes = measureReachabilityPass(sizes, options.runs);
    const rows: Row[] = sizes.map((size) => ({
        measure: `Reachability pass in-process (routing and load-balancer indexes, internet-exposure over every resource), ${passes.get(size)!.resources.toLocaleString("en")} resources with routing`,
        ours: ms(passes.get(size)!.ms),
        theirs: "",
        ratio: "",
        budget: "",
    }));
    if (sizes.length > 1) {
        const small = passes.get(sizes[0])!;
        const large = passes.get(sizes[sizes.length - 1])!;
        const scaled = exponent(small.resources, small.ms, large.resources, large.ms);
        rows.push({
            measure: `Reachability pass scaling, ${small.resources.toLocaleString("en")} → ${large.resources.toLocaleString("en")} resources with routing: time ratio for ${(large.resources / small.resources).toFixed(1)}× the resources (exponent)`,
            ours: `${times(large.ms / small.ms)} (${scaled.toFixed(2)})`,
            theirs: "",
            ratio: "",
            budget: `exponent ≤ ${BUDGETS.exponent}`,
            pass: scaled <= BUDGETS.exponent,
        });
    }
    return rows;
}

async function scanRows(packs: BenchPacks, options: Options): Promise<Row[]> {
    const rounds = Math.min(options.runs, 3);
    log(`tierguard scan of a ${options.scanSize}-resource export, ${rounds} rounds`);
    const scanned = await measureScan(packs, options.scanSize, rounds);
    return [
        {
            measure: `\`tierguard scan\` of a ${scanned.resources.toLocaleString("en")}-resource export: wall time (vs the same scan with the no-op pack)`,
            ours: `${(scanned.wall.oursMedian / 1000).toFixed(1)} s`,
            theirs: `${(scanned.wall.theirsMedian / 1000).toFixed(1)} s`,
            ratio: times(scanned.wall.ratio),
            budget: `≤ ${times(BUDGETS.scanWall)}`,
            pass: scanned.wall.ratio <= BUDGETS.scanWall,
        },
        {
            measure: "`tierguard scan`: peak memory of the CLI and pack processes together",
            ours: `${scanned.memory.oursMedian.toFixed(0)} MiB`,
            theirs: `${scanned.memory.theirsMedian.toFixed(0)} MiB`,
            ratio: times(scanned.memory.ratio),
            budget: `≤ ${times(BUDGETS.scanMemory)}`,
            pass: scanned.memory.ratio <= BUDGETS.scanMemory,
        },
    ];
}

/** `check` of generated programs against the runner alone; few rounds for the largest (minutes each). */
async function programRows(options: Options): Promise<Row[]> {
    const rows: Row[] = [];
    for (const size of options.programSizes) {
        const { dir, sshMistakes } = writeGroupsProgram(path.join(__dirname, "programs", `groups-${size}`), size);
        const rounds = size >= 10000 ? Math.min(options.runs, 2) : options.runs;
        log(`tierguard check of a program of ${size} security groups, ${rounds} rounds`);
        const paired = await pairedRuns(
            rounds,
            () => runCheck(dir, sshMistakes),
            () => runFloor(dir, size + 2),
        );
        const wall = figure(paired, (run) => run.wallMs);
        const memory = figure(paired, (run) => run.peakMiB);
        const extraMiB = memory.oursMedian - memory.theirsMedian;
        rows.push(
            {
                measure: `\`tierguard check\` of a program of ${size.toLocaleString("en")} security groups, preview: wall time (vs the same SDK runner with a monitor that only acknowledges)`,
                ours: `${(wall.oursMedian / 1000).toFixed(1)} s`,
                theirs: `${(wall.theirsMedian / 1000).toFixed(1)} s`,
                ratio: times(wall.ratio),
                budget: `≤ ${times(BUDGETS.programWall)}`,
                pass: wall.ratio <= BUDGETS.programWall,
            },
            {
                measure: `\`tierguard check\` of ${size.toLocaleString("en")} security groups: peak memory of all its processes together (CLI, program, pack) vs the runner's`,
                ours: `${memory.oursMedian.toFixed(0)} MiB`,
                theirs: `${memory.theirsMedian.toFixed(0)} MiB`,
                ratio: `+${extraMiB.toFixed(0)} MiB`,
                budget: `≤ +${BUDGETS.programExtraMiB} MiB`,
                pass: extraMiB <= BUDGETS.programExtraMiB,
            },
        );
    }
    return rows;
}

async function main(): Promise<number> {
    const options = parseOptions(process.argv.slice(2));
    const packs = benchPacks();
    const rows: Row[] = [];

    if (options.sections.has("startup")) rows.push(...(await startupRows(packs, options)));
    if (options.sections.has("analyze") || options.sections.has("stack") || options.sections.has("routing")) rows.push(...(await protocolRows(packs, options)));
    if (options.sections.has("routing")) rows.push(...reachabilityRows(options));
    if (options.sections.has("scan")) rows.push(...(await scanRows(packs, options)));
    if (options.sections.has("program")) rows.push(...(await programRows(options)));

    const cpus = os.cpus();
    console.log(
        `Machine: ${cpus.length} × ${cpus[0]?.model ?? "unknown CPU"}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}. Figures are medians; ratios are medians of pair-by-pair ratios.\n`,
    );
    console.log(renderTable(rows));
    if (options.json) fs.writeFileSync(options.json, JSON.stringify({ options: { ...options, sections: [...options.sections] }, rows }, null, 2));
    const missed = rows.filter((row) => row.pass === false);
    console.log(missed.length === 0 ? "\nEvery budget is met." : `\n${missed.length} budget(s) missed: ${missed.map((row) => row.measure).join("; ")}`);
    return missed.length === 0 ? 0 : 1;
}

if (require.main === module) {
    main().then(
        (code) => (process.exitCode = code),
        (error) => {
            console.error(`bench: ${error instanceof Error ? error.message : String(error)}`);
            process.exitCode = 2;
        },
    );
}
