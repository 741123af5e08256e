/**
 * `npm run bench`: tierguard's pack against yardsticks on the same synthetic stacks over the engine
 * protocol, round by round in the same run, and whole `tierguard scan` and `tierguard check` runs.
 * Prints two Markdown tables — the yardsticks (Analyze and AnalyzeStack, warm and cold, pack memory) and
 * the whole runs — each row with its budget and verdict; exits 1 when a budget is missed, 2 when the
 * benchmark itself fails. Not part of `npm test`.
 *
 *   node dist/bench/run.js [--runs N] [--sizes 1000,5000,10000,50000] [--analyze-sizes 2000]
 *                          [--scan-size N] [--org-stacks 1000] [--org-stack-size 500] [--jobs N]
 *                          [--program-sizes 1000,10000] [--routed-sizes 5000,50000]
 *                          [--awsguard auto|off|DIR] [--only startup,analyze,stack,routing,scan,org,program]
 *                          [--json results.json]
 *
 * Yardsticks (`analyze`, `stack`): tierguard (its default server), tierguard on the SDK's server
 * (TIERGUARD_ANALYZER_SERVER=sdk), the same-shape no-op pack on the SDK's server, and AWSGuard 0.3.1
 * (installed on demand into a scratch folder; see yardsticks.ts). Warm: one long-lived pack of each kind,
 * after a first pass. Cold: a fresh pack per round, its first pass (and its peak memory). Each round runs
 * every pack, the order rotating from round to round, so drift falls on all alike.
 *
 * `routing`: a stack of the routed shape at the largest routed size over AnalyzeStack against the no-op
 * pack, and the reachability pass alone, in-process, at every routed size (its scaling must stay linear).
 * `org`: an organisation's exports (1,000 stacks of 500 resources) scanned by one `tierguard scan`.
 *
 * `--only` runs some sections (while working on one figure); the verdict then covers only those.
 * `--json FILE` writes every round's raw values, the rows and the environment (Node, cores, git commit).
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { Diagnostic, PackProcess, analyzeRequest, encodeAnalyzeStack } from "../cli/engine/packProcess";
import { inOrder } from "../cli/engine/boundedConcurrency";
import { Paired, cpuMs, figure, median, pairedRuns, processMemoryMiB, runMeasured, settle } from "./measure";
import { BenchPacks, benchPacks } from "./packs";
import { SyntheticStack, syntheticStack, writeStackExport } from "./syntheticStack";
import { stackGraphInProcess } from "../policypack/inProcess";
import { stackPolicyDefinitions } from "../policypack/policies";
import { runCheck, runFloor, writeGroupsProgram } from "./programRun";
import { PACK_KEYS, PackKey, Yardstick, startYardstick, yardsticks } from "./yardsticks";

interface Options {
    runs: number;
    sizes: number[];
    analyzeSizes: number[];
    scanSize: number;
    orgStacks: number;
    orgStackSize: number;
    jobs?: number;
    programSizes: number[];
    routedSizes: number[];
    awsguard: string;
    json?: string;
    sections: Set<Section>;
}

const SECTIONS = ["startup", "analyze", "stack", "routing", "scan", "org", "program"] as const;
type Section = (typeof SECTIONS)[number];

/**
 * The budgets. Issue #17: against the no-op SDK pack and AWSGuard at every size, and an organisation's
 * scan in bounded memory. Issue #7: start-up, scaling, whole scans and checks against their floors.
 */
export const BUDGETS = {
    startup: 1.5,
    /** Analyze: the pack process's CPU time, against the no-op SDK pack's. */
    analyzeCpuVsNoop: 0.6,
    /** AnalyzeStack: wall time, against the no-op SDK pack's and AWSGuard's. */
    analyzeStackVsNoop: 0.4,
    analyzeStackVsAwsGuard: 1.0,
    /** A fresh pack's peak memory for an AnalyzeStack, above its idle memory, against the no-op SDK pack's. */
    packMemoryVsNoop: 0.5,
    exponent: 1.15,
    routedAnalyzeStack: 1.3,
    scanWall: 1.5,
    scanMemory: 1.5,
    /** An organisation's scan: the CLI process's peak resident memory, MiB. */
    orgCliMiB: 1024,
    /** `check` of a program: wall time against the runner alone, and extra memory of all its processes. */
    programWall: 1.5,
    programExtraMiB: 300,
};

/** Analyze requests in flight at once, as `tierguard check` and `scan` send them. */
const IN_FLIGHT = 16;

function parseOptions(argv: string[]): Options {
    const options: Options = {
        runs: 3,
        sizes: [1000, 5000, 10000, 50000],
        analyzeSizes: [2000],
        scanSize: 50000,
        orgStacks: 1000,
        orgStackSize: 500,
        programSizes: [1000, 10000],
        routedSizes: [5000, 50000],
        awsguard: "auto",
        sections: new Set(SECTIONS),
    };
    for (let i = 0; i < argv.length; i++) {
        const name = argv[i];
        const value = argv[++i];
        const number = () => {
            const n = Number(value);
            if (!Number.isInteger(n) || n <= 0) throw new Error(`${name} must be a positive whole number, got "${value}"`);
            return n;
        };
        const numbers = () =>
            (value ?? "").split(",").map((size) => {
                const n = Number(size);
                if (!Number.isInteger(n) || n <= 0) throw new Error(`${name} must list positive whole numbers, got "${value}"`);
                return n;
            });
        switch (name) {
            case "--runs":
                options.runs = number();
                break;
            case "--sizes":
                options.sizes = numbers();
                break;
            case "--routed-sizes":
                options.routedSizes = numbers();
                break;
            case "--program-sizes":
                options.programSizes = numbers();
                break;
            case "--analyze-size":
            case "--analyze-sizes":
                options.analyzeSizes = numbers();
                break;
            case "--scan-size":
                options.scanSize = number();
                break;
            case "--org-stacks":
                options.orgStacks = number();
                break;
            case "--org-stack-size":
                options.orgStackSize = number();
                break;
            case "--jobs":
                options.jobs = number();
                break;
            case "--awsguard":
                if (!value) throw new Error("--awsguard takes auto, off or a folder");
                options.awsguard = value;
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
                if (!value) throw new Error("--json takes a file name");
                options.json = value;
                break;
            default:
                throw new Error(`unknown option ${name}`);
        }
    }
    for (const list of [options.sizes, options.analyzeSizes, options.routedSizes, options.programSizes]) list.sort((a, b) => a - b);
    return options;
}

const benchStarted = process.hrtime.bigint();
const roundsText = (n: number) => `${n} round${n === 1 ? "" : "s"}`;
const elapsed = () => `${(Number(process.hrtime.bigint() - benchStarted) / 1e9 / 60).toFixed(1)} min`;

function log(message: string): void {
    process.stderr.write(`bench [${elapsed()}]: ${message}\n`);
}

/** The resources as the engine sends them: inputs to Analyze, outputs to AnalyzeStack. */
function asSent(stack: SyntheticStack, what: "inputs" | "outputs") {
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

/** The benchmark is only meaningful while the pack still finds exactly the planted mistakes. */
function expectFindings(what: string, found: number, expected: number): void {
    if (found !== expected)
        throw new Error(
            `${what}: the pack reported ${found} findings where ${expected} were planted, so its timing would not be comparable; fix the pack or the generator first`,
        );
}

// ---------------------------------------------------------------------------------------------------
// Yardsticks: Analyze and AnalyzeStack, warm and cold, every pack on the same stacks.

type Temperature = "warm" | "cold";

/** One pass of one pack in one round: the raw values `--json` writes. */
interface RoundRecord {
    section: "analyze" | "stack";
    size: number;
    resources: number;
    pack: PackKey;
    temperature: Temperature;
    round: number;
    wallMs: number;
    /** The pack process's CPU time (user + system) during the pass. */
    cpuMs: number;
    findings: number;
    /** Cold rounds: the fresh pack's start-up until it printed its port. */
    startupMs?: number;
    /** Cold rounds: its resident memory once configured, before the pass. */
    idleMiB?: number;
    /** Cold rounds: its peak resident memory from its start to the end of the pass (VmHWM). */
    peakMiB?: number;
}

interface PassResult {
    wallMs: number;
    cpuMs: number;
    findings: number;
}

class YardstickRuns {
    readonly records: RoundRecord[] = [];
    private readonly stableFindings = new Map<string, number>();

    constructor(
        readonly packs: Yardstick[],
        readonly runs: number,
    ) {}

    get measured(): Yardstick[] {
        return this.packs.filter((pack) => pack.dir);
    }

    /** Checks a pass's findings as the pack's kind requires (see Yardstick.findings). */
    checkFindings(pack: Yardstick, what: string, found: number, planted: number): void {
        if (pack.findings === "planted") expectFindings(`${pack.label}, ${what}`, found, planted);
        else if (pack.findings === "none") expectFindings(`${pack.label}, ${what}`, found, 0);
        else {
            const key = `${pack.key} ${what}`;
            const before = this.stableFindings.get(key);
            if (before !== undefined && before !== found) throw new Error(`${pack.label}, ${what}: ${found} findings, where an earlier pass had ${before}`);
            this.stableFindings.set(key, found);
        }
    }

    /** The packs in this round's order: rotated by one each round. */
    order(round: number): Yardstick[] {
        const packs = this.measured;
        const shift = round % packs.length;
        return [...packs.slice(shift), ...packs.slice(0, shift)];
    }

    /**
     * Warm figures: one long-lived pack of each kind; `pass(pack, process)` once as a warm-up (the first
     * pass compiles the hot paths), then `runs` rounds at each size, each pass once every live pack is
     * idle (`settle`: what a pack does after answering is not charged to the pack timed after it).
     */
    async warm(
        section: "analyze" | "stack",
        sizes: Array<{ size: number; resources: number; pass: (pack: Yardstick, instance: PackProcess) => Promise<PassResult> }>,
    ) {
        const live = new Map<PackKey, PackProcess>();
        try {
            for (const pack of this.measured) live.set(pack.key, await startYardstick(pack));
            for (const pack of this.measured) await sizes[0].pass(pack, live.get(pack.key)!);
            for (const { size, resources, pass } of sizes) {
                log(`${section === "analyze" ? "Analyze" : "AnalyzeStack"} of ${resources} resources, warm, ${roundsText(this.runs)}`);
                for (let round = 0; round < this.runs; round++)
                    for (const pack of this.order(round)) {
                        // The packs that ran before may still be compiling or collecting: time this one on a quiet machine.
                        await settle([...live.values()].map((instance) => instance.pid));
                        const result = await pass(pack, live.get(pack.key)!);
                        this.records.push({ section, size, resources, pack: pack.key, temperature: "warm", round, ...result });
                    }
            }
        } finally {
            for (const instance of live.values()) await instance.stop();
        }
    }

    /** Cold figures: per round and pack, a fresh pack, its first pass, its peak memory; then it stops. */
    async cold(section: "analyze" | "stack", size: number, resources: number, pass: (pack: Yardstick, instance: PackProcess) => Promise<PassResult>) {
        log(`${section === "analyze" ? "Analyze" : "AnalyzeStack"} of ${resources} resources, cold (a fresh pack per round), ${roundsText(this.runs)}`);
        for (let round = 0; round < this.runs; round++)
            for (const pack of this.order(round)) {
                const instance = await startYardstick(pack);
                try {
                    const idleMiB = processMemoryMiB(instance.pid).rssMiB;
                    const result = await pass(pack, instance);
                    const { peakMiB } = processMemoryMiB(instance.pid);
                    this.records.push({
                        section,
                        size,
                        resources,
                        pack: pack.key,
                        temperature: "cold",
                        round,
                        ...result,
                        startupMs: instance.startupMs,
                        idleMiB,
                        peakMiB,
                    });
                } finally {
                    await instance.stop();
                }
            }
    }

    select(section: "analyze" | "stack", size: number, temperature: Temperature, pack: PackKey): RoundRecord[] {
        return this.records
            .filter((r) => r.section === section && r.size === size && r.temperature === temperature && r.pack === pack)
            .sort((a, b) => a.round - b.round);
    }
}

async function timed(instance: PackProcess, call: () => Promise<Diagnostic[]>): Promise<PassResult> {
    const cpuBefore = cpuMs(instance.pid);
    const started = process.hrtime.bigint();
    const diagnostics = await call();
    const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
    return { wallMs, cpuMs: cpuMs(instance.pid) - cpuBefore, findings: diagnostics.length };
}

async function measureAnalyze(runs: YardstickRuns, size: number): Promise<void> {
    const stack = syntheticStack(size);
    const requests: Uint8Array[] = asSent(stack, "inputs").map((r) => analyzeRequest(r).serializeBinary());
    // Two planted findings per mistake (no-admin-ports-from-internet, internet-ingress-only-on-allowed-ports).
    const planted = stack.sshMistakes * 2;
    const pass = async (pack: Yardstick, instance: PackProcess) => {
        const result = await timed(instance, async () => (await inOrder(requests, IN_FLIGHT, (bytes) => instance.callEncoded("analyze", bytes))).flat());
        runs.checkFindings(pack, `Analyze of ${requests.length} resources`, result.findings, planted);
        return result;
    };
    await runs.warm("analyze", [{ size, resources: requests.length, pass }]);
    await runs.cold("analyze", size, requests.length, pass);
}

async function measureAnalyzeStack(runs: YardstickRuns, sizes: number[]): Promise<void> {
    const stacks = sizes.map((size) => {
        const stack = syntheticStack(size);
        const bytes = encodeAnalyzeStack(asSent(stack, "outputs"));
        // One tier-isolation finding per mistake: the launch template outside any subnet's NACL.
        const planted = stack.sshMistakes;
        const resources = stack.resources.length;
        const pass = async (pack: Yardstick, instance: PackProcess) => {
            const result = await timed(instance, () => instance.callEncoded("analyzeStack", bytes));
            runs.checkFindings(pack, `AnalyzeStack of ${resources} resources`, result.findings, planted);
            return result;
        };
        return { size, resources, pass };
    });
    await runs.warm("stack", stacks);
    for (const { size, resources, pass } of stacks) await runs.cold("stack", size, resources, pass);
}

// ---------------------------------------------------------------------------------------------------
// Rows and tables.

interface Check {
    text: string;
    pass?: boolean;
    /** Why the check could not be made (its yardstick was not measured). */
    notChecked?: string;
}

interface Row {
    table: "yardsticks" | "runs";
    measure: string;
    /** Yardsticks: one cell per pack (PACK_KEYS order). Runs: tierguard, yardstick, ratio. */
    cells: string[];
    budget: string;
    pass?: boolean;
    notChecked?: string;
    /** Raw values behind the row (runs table: both sides, round by round). */
    raw?: unknown;
}

const ms = (value: number) => `${value.toFixed(0)} ms`;
const times = (value: number) => `${value.toFixed(2)}×`;
const mib = (value: number) => `${value.toFixed(0)} MiB`;

function verdict(row: Row): string {
    const unchecked = row.notChecked ? `not checked: ${row.notChecked}` : "";
    if (row.pass === undefined) return unchecked;
    const made = row.pass ? "ok" : "**MISSED**";
    return unchecked ? `${made}; ${unchecked}` : made;
}

function combine(checks: Check[]): Pick<Row, "budget" | "pass" | "notChecked"> {
    const made = checks.filter((check) => check.pass !== undefined);
    const notChecked = checks.filter((check) => check.notChecked).map((check) => check.notChecked!);
    return {
        budget: checks.reduce((text, check) => (text === "" ? check.text : `${text}${check.text.startsWith("(") ? " " : "; "}${check.text}`), ""),
        pass: made.length === 0 ? undefined : made.every((check) => check.pass),
        notChecked: notChecked.length ? notChecked.join("; ") : undefined,
    };
}

function renderTable(header: string[], rows: Row[]): string {
    const lines = [
        `| ${header.join(" | ")} |`,
        `|---|${header
            .slice(1, -2)
            .map(() => "---:|")
            .join("")}---:|---|`,
    ];
    for (const row of rows) lines.push(`| ${row.measure} | ${row.cells.join(" | ")} | ${row.budget} | ${verdict(row)} |`);
    return lines.join("\n");
}

function exponent(smallSize: number, smallMs: number, largeSize: number, largeMs: number): number {
    return Math.log(largeMs / smallMs) / Math.log(largeSize / smallSize);
}

/** The yardstick rows of one figure: a cell per pack, and the budgets as ratios of tierguard's rounds to a yardstick's. */
class YardstickRows {
    constructor(private readonly runs: YardstickRuns) {}

    private pack(key: PackKey): Yardstick {
        return this.runs.packs.find((pack) => pack.key === key)!;
    }

    cells(section: "analyze" | "stack", size: number, temperature: Temperature, format: (records: RoundRecord[]) => string): string[] {
        return PACK_KEYS.map((key) => {
            const pack = this.pack(key);
            if (!pack.dir) return "not measured";
            const records = this.runs.select(section, size, temperature, key);
            return records.length ? format(records) : "";
        });
    }

    /** tierguard's value over the yardstick's, round by round, then the median; against the limit. */
    check(section: "analyze" | "stack", size: number, temperature: Temperature, value: (r: RoundRecord) => number, against: PackKey, limit: number): Check {
        const yardstick = this.pack(against);
        const name = against === "noop" ? "no-op" : yardstick.label;
        if (!yardstick.dir)
            return { text: `≤ ${times(limit)} ${name}: not measured`, notChecked: `${yardstick.label} not measured (${yardstick.unavailable})` };
        const ours = this.runs.select(section, size, temperature, "tierguard");
        const theirs = this.runs.select(section, size, temperature, against);
        const ratio = median(ours.map((r, i) => value(r) / value(theirs[i])));
        return { text: `≤ ${times(limit)} ${name}: ${times(ratio)}`, pass: ratio <= limit };
    }

    /** tierguard's ratio to the no-op pack of another reading of the same rounds, shown beside a budget but not judged. */
    ratioNote(section: "analyze" | "stack", size: number, temperature: Temperature, value: (r: RoundRecord) => number, what: string): Check {
        const ours = this.runs.select(section, size, temperature, "tierguard");
        const theirs = this.runs.select(section, size, temperature, "noop");
        return { text: `(${what}: ${times(median(ours.map((r, i) => value(r) / value(theirs[i]))))})` };
    }
}

function yardstickRows(runs: YardstickRuns, options: Options): Row[] {
    const rows: Row[] = [];
    const table = new YardstickRows(runs);
    const medianOf = (records: RoundRecord[], value: (r: RoundRecord) => number) => median(records.map(value));
    const row = (measure: string, cells: string[], checks: Check[]): Row => ({ table: "yardsticks", measure, cells, ...combine(checks) });

    const coldSizes = [
        ...(options.sections.has("analyze") ? options.analyzeSizes.map((size) => ["analyze", size] as const) : []),
        ...(options.sections.has("stack") ? options.sizes.map((size) => ["stack", size] as const) : []),
    ];
    if (coldSizes.length)
        rows.push(
            row(
                "Pack start-up until the port is printed (the cold rounds)",
                PACK_KEYS.map((key) => {
                    if (!runs.packs.find((pack) => pack.key === key)!.dir) return "not measured";
                    const startups = runs.records.filter((r) => r.pack === key && r.temperature === "cold").map((r) => r.startupMs!);
                    return startups.length ? ms(median(startups)) : "";
                }),
                [],
            ),
        );

    if (options.sections.has("analyze"))
        for (const size of options.analyzeSizes) {
            const resources = runs.records.find((r) => r.section === "analyze" && r.size === size)!.resources;
            const count = resources.toLocaleString("en");
            const perResource = (records: RoundRecord[]) => `${(medianOf(records, (r) => r.cpuMs) / resources).toFixed(2)} ms`;
            const cpu = (r: RoundRecord) => r.cpuMs;
            for (const temperature of ["warm", "cold"] as const)
                rows.push(
                    row(
                        `Analyze, ${count} resources, ${IN_FLIGHT} in flight: pack CPU time per resource, ${temperature === "warm" ? "warm (a long-lived pack)" : "cold (a fresh pack's first pass)"}`,
                        table.cells("analyze", size, temperature, perResource),
                        [table.check("analyze", size, temperature, cpu, "noop", BUDGETS.analyzeCpuVsNoop)],
                    ),
                );
            rows.push(
                row(
                    `Analyze, ${count} resources: throughput, warm / cold`,
                    PACK_KEYS.map((key, i) => {
                        const warm = table.cells(
                            "analyze",
                            size,
                            "warm",
                            (records) => `${((resources * 1000) / medianOf(records, (r) => r.wallMs)).toFixed(0)}/s`,
                        )[i];
                        const cold = table.cells(
                            "analyze",
                            size,
                            "cold",
                            (records) => `${((resources * 1000) / medianOf(records, (r) => r.wallMs)).toFixed(0)}/s`,
                        )[i];
                        return warm === "not measured" ? warm : `${warm} / ${cold}`;
                    }),
                    [],
                ),
            );
        }

    if (options.sections.has("stack")) {
        const wall = (r: RoundRecord) => r.wallMs;
        const wallCell = (records: RoundRecord[]) => ms(medianOf(records, wall));
        for (const size of options.sizes) {
            const resources = runs.records.find((r) => r.section === "stack" && r.size === size)!.resources;
            const count = resources.toLocaleString("en");
            for (const temperature of ["warm", "cold"] as const)
                rows.push(
                    row(
                        `AnalyzeStack, ${count} resources, ${temperature === "warm" ? "warm (a long-lived pack)" : "cold (a fresh pack's first pass)"}`,
                        table.cells("stack", size, temperature, wallCell),
                        [
                            table.check("stack", size, temperature, wall, "noop", BUDGETS.analyzeStackVsNoop),
                            table.check("stack", size, temperature, wall, "awsguard", BUDGETS.analyzeStackVsAwsGuard),
                        ],
                    ),
                );
            const growth = (r: RoundRecord) => r.peakMiB! - r.idleMiB!;
            rows.push(
                row(
                    `Pack peak memory, a fresh pack's AnalyzeStack of ${count} resources (above its idle memory)`,
                    table.cells("stack", size, "cold", (records) => `${mib(medianOf(records, (r) => r.peakMiB!))} (+${medianOf(records, growth).toFixed(0)})`),
                    [
                        table.check("stack", size, "cold", growth, "noop", BUDGETS.packMemoryVsNoop),
                        table.ratioNote("stack", size, "cold", (r) => r.peakMiB!, "whole peaks"),
                    ],
                ),
            );
        }
        const largest = options.sizes[options.sizes.length - 1];
        const from = options.sizes.includes(5000) && largest > 5000 ? 5000 : options.sizes[0];
        if (largest > from) {
            const exponents = PACK_KEYS.map((key) => {
                const small = runs.select("stack", from, "warm", key);
                const large = runs.select("stack", largest, "warm", key);
                if (!small.length || !large.length) return undefined;
                return exponent(small[0].resources, medianOf(small, wall), large[0].resources, medianOf(large, wall));
            });
            rows.push(
                row(
                    `AnalyzeStack scaling exponent, warm, ${from.toLocaleString("en")} → ${largest.toLocaleString("en")} resources`,
                    exponents.map((value, i) => (value === undefined ? (runs.packs[i].dir ? "" : "not measured") : value.toFixed(2))),
                    [{ text: `tierguard ≤ ${BUDGETS.exponent}`, pass: exponents[0]! <= BUDGETS.exponent }],
                ),
            );
        }
    }
    return rows;
}

// ---------------------------------------------------------------------------------------------------
// Whole runs: start-up, routing, scans, checks (tierguard against one yardstick each).

function runsRow(measure: string, ours: string, theirs: string, ratio: string, budget: string, pass: boolean | undefined, raw?: unknown): Row {
    return { table: "runs", measure, cells: [ours, theirs, ratio], budget, pass, raw };
}

const rawOf = (paired: Paired) => ({ tierguard: paired.ours, yardstick: paired.theirs });

async function startupRows(packs: BenchPacks, options: Options): Promise<Row[]> {
    const rounds = options.runs + 2;
    log(`pack start-up, ${roundsText(rounds)}`);
    const startOnce = async (dir: string) => {
        const pack = await PackProcess.start(dir, 30000, { asPulumiStartsIt: true });
        await pack.stop();
        return pack.startupMs;
    };
    const startup = figure(
        await pairedRuns(
            rounds,
            () => startOnce(packs.tierguard),
            () => startOnce(packs.empty),
        ),
        (startupMs) => startupMs,
    );
    return [
        runsRow(
            "Pack start-up until the port is printed (vs an empty JavaScript pack)",
            ms(startup.oursMedian),
            ms(startup.theirsMedian),
            times(startup.ratio),
            `≤ ${times(BUDGETS.startup)}`,
            startup.ratio <= BUDGETS.startup,
            rawOf(startup),
        ),
    ];
}

/** AnalyzeStack of the routed shape: exactly the planted internet-exposure violations (every other world-open rule is latent). */
async function routedRows(yardstickList: Yardstick[], options: Options): Promise<Row[]> {
    const size = options.routedSizes[options.routedSizes.length - 1];
    const stack = syntheticStack(size, "routed");
    const bytes = encodeAnalyzeStack(asSent(stack, "outputs"));
    const expected = stack.plan.reachable;
    const ours = await startYardstick(yardstickList.find((pack) => pack.key === "tierguard")!);
    const noop = await startYardstick(yardstickList.find((pack) => pack.key === "noop")!);
    try {
        const call = async (pack: PackProcess, expected: number) => {
            const started = process.hrtime.bigint();
            const diagnostics = await pack.callEncoded("analyzeStack", bytes);
            const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
            expectFindings(`AnalyzeStack of ${size} resources with routing`, diagnostics.length, expected);
            return wallMs;
        };
        // Warm-up: the routing and load-balancing code has not run in the pack yet.
        await call(ours, expected);
        await call(noop, 0);
        log(`AnalyzeStack of ${stack.resources.length} resources with routing, ${roundsText(options.runs)}`);
        const paired = figure(
            await pairedRuns(
                options.runs,
                () => call(ours, expected),
                () => call(noop, 0),
            ),
            (wallMs) => wallMs,
        );
        return [
            runsRow(
                `AnalyzeStack, ${stack.resources.length.toLocaleString("en")} resources with routing, warm (vs the same-shape no-op pack)`,
                ms(paired.oursMedian),
                ms(paired.theirsMedian),
                times(paired.ratio),
                `≤ ${times(BUDGETS.routedAnalyzeStack)}`,
                paired.ratio <= BUDGETS.routedAnalyzeStack,
                rawOf(paired),
            ),
        ];
    } finally {
        await ours.stop();
        await noop.stop();
    }
}

/**
 * The reachability pass alone, in this process, on routed stacks of each size: a fresh graph per round
 * (built untimed, as the pack does once per AnalyzeStack for every stack policy), then internet-exposure
 * timed — the routing and load-balancing indexes it builds on first use, and every resource's paths.
 * Rounds go size by size in turn, so drift falls on every size alike.
 */
function reachabilityRows(options: Options): Row[] {
    const sizes = options.routedSizes;
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
        const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
        expectFindings(`internet-exposure in-process on ${stack.size} resources with routing`, reports.length, stack.expected);
        return wallMs;
    };
    for (const stack of stacks) once(stack); // warm-up
    const rounds = options.runs * 2;
    log(`reachability pass in-process at ${sizes.join(", ")} resources with routing, ${roundsText(rounds)}`);
    for (let round = 0; round < rounds; round++) for (const stack of stacks) stack.times.push(once(stack));
    const rows: Row[] = stacks.map((stack) =>
        runsRow(
            `Reachability pass in-process (routing and load-balancer indexes, internet-exposure over every resource), ${stack.resources.length.toLocaleString("en")} resources with routing`,
            ms(median(stack.times)),
            "",
            "",
            "",
            undefined,
            { tierguard: stack.times },
        ),
    );
    if (stacks.length > 1) {
        const small = stacks[0];
        const large = stacks[stacks.length - 1];
        const scaled = exponent(small.resources.length, median(small.times), large.resources.length, median(large.times));
        rows.push(
            runsRow(
                `Reachability pass scaling, ${small.resources.length.toLocaleString("en")} → ${large.resources.length.toLocaleString("en")} resources with routing: time ratio for ${(large.resources.length / small.resources.length).toFixed(1)}× the resources (exponent)`,
                `${times(median(large.times) / median(small.times))} (${scaled.toFixed(2)})`,
                "",
                "",
                `exponent ≤ ${BUDGETS.exponent}`,
                scaled <= BUDGETS.exponent,
            ),
        );
    }
    return rows;
}

const CLI = path.resolve(__dirname, "..", "cli", "main.js");

async function scanRows(packs: BenchPacks, options: Options): Promise<Row[]> {
    const rounds = Math.min(options.runs, 2);
    log(`tierguard scan of a ${options.scanSize}-resource export, ${roundsText(rounds)}`);
    const stack = syntheticStack(options.scanSize);
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tierguard-bench-"));
    const file = path.join(dir, "fleet-big.json");
    try {
        writeStackExport(file, stack);
        const scanWith = async (extra: string[], expectedCode: number) => {
            const run = await runMeasured(process.execPath, [CLI, "scan", file, "--format", "json", ...extra]);
            if (run.code !== expectedCode) throw new Error(`tierguard scan ${extra.join(" ")} exited with ${run.code}, expected ${expectedCode}`);
            return run;
        };
        const paired = await pairedRuns(
            rounds,
            () => scanWith([], 1),
            () => scanWith(["--policy-pack", packs.noop], 0),
        );
        const wall = figure(paired, (run) => run.wallMs);
        const memory = figure(paired, (run) => run.peakMiB);
        const count = stack.resources.length.toLocaleString("en");
        return [
            runsRow(
                `\`tierguard scan\` of a ${count}-resource export: wall time (vs the same scan with the no-op pack)`,
                `${(wall.oursMedian / 1000).toFixed(1)} s`,
                `${(wall.theirsMedian / 1000).toFixed(1)} s`,
                times(wall.ratio),
                `≤ ${times(BUDGETS.scanWall)}`,
                wall.ratio <= BUDGETS.scanWall,
                rawOf(wall),
            ),
            runsRow(
                "`tierguard scan`: peak memory of the CLI and pack processes together",
                mib(memory.oursMedian),
                mib(memory.theirsMedian),
                times(memory.ratio),
                `≤ ${times(BUDGETS.scanMemory)}`,
                memory.ratio <= BUDGETS.scanMemory,
                rawOf(memory),
            ),
        ];
    } finally {
        fs.rmSync(dir, { recursive: true, force: true });
    }
}

/** Whether this build's `tierguard scan` takes `--jobs` (it is being added beside this benchmark). */
function scanTakesJobs(): boolean {
    const help = spawnSync(process.execPath, [CLI, "scan", "--help"], { encoding: "utf8" });
    return /--jobs\b/.test(`${help.stdout}${help.stderr}`);
}

/**
 * An organisation: `orgStacks` exports of `orgStackSize` resources each (the same application, each
 * stack named apart), written into a scratch folder and scanned by one `tierguard scan` of the folder.
 * Wall time; the CLI process's own peak memory (the budget); the packs' peaks; everything together.
 */
async function orgRows(options: Options): Promise<Row[]> {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tierguard-bench-org-"));
    try {
        const stack = syntheticStack(options.orgStackSize);
        const template = path.join(dir, "template.json");
        writeStackExport(template, stack);
        const text = fs.readFileSync(template, "utf8");
        fs.rmSync(template);
        const digits = String(options.orgStacks).length;
        log(
            `writing ${options.orgStacks} exports of ${stack.resources.length} resources (${((text.length * options.orgStacks) / 2 ** 20).toFixed(0)} MiB) into ${dir}`,
        );
        for (let i = 0; i < options.orgStacks; i++) {
            const name = `stack-${String(i).padStart(digits, "0")}`;
            fs.writeFileSync(path.join(dir, `fleet-${name}.json`), text.split("urn:pulumi:big::").join(`urn:pulumi:${name}::`));
        }
        const jobs = scanTakesJobs() ? (options.jobs ?? os.availableParallelism()) : undefined;
        const jobsArgs = jobs === undefined ? [] : ["--jobs", String(jobs)];
        log(`tierguard scan of ${options.orgStacks} stacks${jobs === undefined ? " (this scan takes no --jobs)" : ` with --jobs ${jobs}`}, 1 round`);
        const run = await runMeasured(process.execPath, [CLI, "scan", dir, "--format", "json", ...jobsArgs], { captureStdout: true, sampleMs: 50 });
        const report = JSON.parse(run.stdout ?? "{}") as { stacks?: Array<{ violations: unknown[] }>; errors?: unknown[] };
        const violations = new Set((report.stacks ?? []).map((s) => s.violations.length));
        if (run.code !== 1 || report.stacks?.length !== options.orgStacks || (report.errors ?? []).length || violations.size !== 1 || violations.has(0))
            throw new Error(
                `tierguard scan of ${options.orgStacks} stacks exited ${run.code} with ${report.stacks?.length} stacks reported, ${report.errors?.length} errors and ${[...violations].join("/")} violations per stack; expected every stack with the same findings`,
            );
        const label = `\`tierguard scan\` of ${options.orgStacks.toLocaleString("en")} stacks × ${stack.resources.length.toLocaleString("en")} resources${jobs === undefined ? "" : ` (--jobs ${jobs})`}`;
        const raw = { wallMs: run.wallMs, cliPeakMiB: run.ownPeakMiB, packsPeakMiB: run.descendantsPeakMiB, treePeakMiB: run.peakMiB, jobs };
        return [
            runsRow(`${label}: wall time`, `${(run.wallMs / 1000).toFixed(1)} s`, "", "", "", undefined, raw),
            runsRow(`${label}: the CLI process's peak memory`, mib(run.ownPeakMiB), "", "", `< ${mib(BUDGETS.orgCliMiB)}`, run.ownPeakMiB < BUDGETS.orgCliMiB),
            runsRow(`${label}: the pack processes' peak memory (each one's peak, summed)`, mib(run.descendantsPeakMiB), "", "", "", undefined),
            runsRow(`${label}: peak memory of the CLI and pack processes together`, mib(run.peakMiB), "", "", "", undefined),
        ];
    } finally {
        fs.rmSync(dir, { recursive: true, force: true });
    }
}

/** `check` of generated programs against the runner alone; fewer rounds for the largest (minutes each). */
async function programRows(options: Options): Promise<Row[]> {
    const rows: Row[] = [];
    for (const size of options.programSizes) {
        const { dir, sshMistakes } = writeGroupsProgram(path.join(__dirname, "programs", `groups-${size}`), size);
        // A program of 10,000 groups takes minutes a round: half the rounds (one by default).
        const rounds = size >= 10000 ? Math.max(1, Math.floor(options.runs / 2)) : options.runs;
        log(`tierguard check of a program of ${size} security groups, ${roundsText(rounds)}`);
        const paired = await pairedRuns(
            rounds,
            () => runCheck(dir, sshMistakes),
            () => runFloor(dir, size + 2),
        );
        const wall = figure(paired, (run) => run.wallMs);
        const memory = figure(paired, (run) => run.peakMiB);
        const extraMiB = memory.oursMedian - memory.theirsMedian;
        rows.push(
            runsRow(
                `\`tierguard check\` of a program of ${size.toLocaleString("en")} security groups, preview: wall time (vs the same SDK runner with a monitor that only acknowledges)`,
                `${(wall.oursMedian / 1000).toFixed(1)} s`,
                `${(wall.theirsMedian / 1000).toFixed(1)} s`,
                times(wall.ratio),
                `≤ ${times(BUDGETS.programWall)}`,
                wall.ratio <= BUDGETS.programWall,
                rawOf(wall),
            ),
            runsRow(
                `\`tierguard check\` of ${size.toLocaleString("en")} security groups: peak memory of all its processes together (CLI, program, pack) vs the runner's`,
                mib(memory.oursMedian),
                mib(memory.theirsMedian),
                `${extraMiB < 0 ? "−" : "+"}${Math.abs(extraMiB).toFixed(0)} MiB`,
                `≤ +${BUDGETS.programExtraMiB} MiB`,
                extraMiB <= BUDGETS.programExtraMiB,
                rawOf(memory),
            ),
        );
    }
    return rows;
}

// ---------------------------------------------------------------------------------------------------

function gitState(): { commit?: string; dirty?: boolean } {
    const root = path.resolve(__dirname, "..", "..");
    const head = spawnSync("git", ["rev-parse", "HEAD"], { cwd: root, encoding: "utf8" });
    if (head.status !== 0) return {};
    const status = spawnSync("git", ["status", "--porcelain", "--untracked-files=no"], { cwd: root, encoding: "utf8" });
    return { commit: head.stdout.trim(), dirty: status.status === 0 ? status.stdout.trim() !== "" : undefined };
}

function packageVersion(name: string, from?: string): string | undefined {
    try {
        const manifest = require.resolve(`${name}/package.json`, from ? { paths: [from] } : undefined);
        return String(JSON.parse(fs.readFileSync(manifest, "utf8")).version);
    } catch {
        return undefined;
    }
}

function environment(yardstickList: Yardstick[]) {
    const cpus = os.cpus();
    const awsguard = yardstickList.find((pack) => pack.key === "awsguard");
    return {
        date: new Date().toISOString(),
        node: process.version,
        platform: `${process.platform} ${os.release()} ${process.arch}`,
        cores: cpus.length,
        cpuModel: cpus[0]?.model ?? "unknown CPU",
        totalMemoryGiB: Number((os.totalmem() / 2 ** 30).toFixed(1)),
        loadAverageAtStart: os.loadavg(),
        git: gitState(),
        packages: {
            "@pulumi/policy": packageVersion("@pulumi/policy"),
            "@pulumi/pulumi": packageVersion("@pulumi/pulumi"),
            ...(awsguard?.dir
                ? {
                      "@pulumi/awsguard (scratch)": packageVersion("@pulumi/awsguard", awsguard.dir),
                      "@pulumi/policy (AWSGuard's)": packageVersion("@pulumi/policy", awsguard.dir),
                      "@pulumi/aws (AWSGuard's)": packageVersion("@pulumi/aws", awsguard.dir),
                  }
                : {}),
        },
    };
}

async function main(): Promise<number> {
    const options = parseOptions(process.argv.slice(2));
    const packs = benchPacks();
    const loadAverage = os.loadavg();
    const rows: Row[] = [];
    const needsYardsticks = options.sections.has("analyze") || options.sections.has("stack") || options.sections.has("routing");
    // Routing compares tierguard with the no-op pack only: AWSGuard is prepared for analyze and stack.
    const withAwsGuard = options.sections.has("analyze") || options.sections.has("stack");
    const yardstickList = needsYardsticks ? await yardsticks(packs, options.awsguard, withAwsGuard) : [];
    const runs = new YardstickRuns(yardstickList, options.runs);

    if (options.sections.has("startup")) rows.push(...(await startupRows(packs, options)));
    if (options.sections.has("analyze")) for (const size of options.analyzeSizes) await measureAnalyze(runs, size);
    if (options.sections.has("stack")) await measureAnalyzeStack(runs, options.sizes);
    if (options.sections.has("analyze") || options.sections.has("stack")) rows.push(...yardstickRows(runs, options));
    if (options.sections.has("routing")) rows.push(...(await routedRows(yardstickList, options)), ...reachabilityRows(options));
    if (options.sections.has("scan")) rows.push(...(await scanRows(packs, options)));
    if (options.sections.has("org")) rows.push(...(await orgRows(options)));
    if (options.sections.has("program")) rows.push(...(await programRows(options)));

    const cpus = os.cpus();
    const git = gitState();
    console.log(
        `Machine: ${cpus.length} × ${cpus[0]?.model ?? "unknown CPU"}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, load average ${loadAverage.map((l) => l.toFixed(1)).join(" ")} at the start; ` +
            `tierguard ${git.commit ? `${git.commit.slice(0, 12)}${git.dirty ? " (with uncommitted changes)" : ""}` : "(commit unknown)"}; ${roundsText(options.runs)} a figure; ${elapsed()} in all. ` +
            "Figures are medians; ratios are medians of round-by-round ratios.\n",
    );
    const yardstickTable = rows.filter((row) => row.table === "yardsticks");
    if (yardstickTable.length) {
        console.log(
            renderTable(
                ["Measure", ...PACK_KEYS.map((key) => yardstickList.find((pack) => pack.key === key)!.label), "budget (tierguard's ratio)", "verdict"],
                yardstickTable,
            ),
        );
        for (const pack of yardstickList.filter((pack) => !pack.dir)) console.log(`\n${pack.label} not measured: ${pack.unavailable}.`);
        console.log("");
    }
    const runsTable = rows.filter((row) => row.table === "runs");
    if (runsTable.length) console.log(renderTable(["Measure", "tierguard", "yardstick", "ratio", "budget", "verdict"], runsTable));
    if (options.json) {
        const json = {
            environment: { ...environment(yardstickList), loadAverageAtStart: loadAverage, elapsedMinutes: Number(elapsed().split(" ")[0]) },
            options: { ...options, sections: [...options.sections] },
            budgets: BUDGETS,
            columns: {
                yardsticks: ["Measure", ...PACK_KEYS.map((key) => yardstickList.find((pack) => pack.key === key)?.label ?? key), "budget", "verdict"],
                runs: ["Measure", "tierguard", "yardstick", "ratio", "budget", "verdict"],
            },
            yardsticks: yardstickList.map(({ key, label, dir, unavailable, env, config }) => ({ key, label, dir, unavailable, env, config })),
            rounds: runs.records,
            rows: rows.map((row) => ({ ...row, verdict: verdict(row) })),
        };
        fs.writeFileSync(options.json, JSON.stringify(json, null, 2));
    }
    const missed = rows.filter((row) => row.pass === false);
    const unchecked = rows.filter((row) => row.notChecked);
    console.log(missed.length === 0 ? "\nEvery budget checked is met." : `\n${missed.length} budget(s) missed: ${missed.map((row) => row.measure).join("; ")}`);
    if (unchecked.length) console.log(`${unchecked.length} budget(s) not checked: ${[...new Set(unchecked.map((row) => row.notChecked))].join("; ")}`);
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
