/**
 * `tierguard scan` against hostile input (the Hardening issue): each bad file is named with a clear
 * reason and the good files beside it are still judged, the exit code is 2 when any file failed, and
 * no process of the run (the pack included) is left behind. Every fixture is made here, at test time.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { ROOT, leftoverProcesses, markedRun } from "./run";

interface ScanJson {
    stacks: Array<{ file: string; violations: Array<{ policy: string; resourceName: string; message: string; drift?: true }> }>;
    summary: { failedFiles: number };
    errors: Array<{ file: string; message: string }>;
    skipped: Array<{ path: string; reason: string }>;
}

const PROD = path.join(ROOT, "test", "fixtures", "stacks", "shop-prod.json");
const prodText = fs.readFileSync(PROD, "utf8");
const prodExport = () => JSON.parse(prodText);
const SIG_KEY = "4dabf18193072939515e22adb298388d";

const made: string[] = [];
function tempDir(prefix: string): string {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
    made.push(dir);
    return dir;
}
// Some fixtures are tens of megabytes.
afterAll(() => {
    for (const dir of made) fs.rmSync(dir, { recursive: true, force: true });
});

/** A fresh folder with a good export (shop-prod, which has violations) in it. */
function workspace(): { dir: string; good: string } {
    const dir = tempDir("tierguard-hostile-");
    const good = path.join(dir, "good.json");
    fs.writeFileSync(good, prodText);
    return { dir, good };
}

/** shop-prod with `change` applied to its security group "web-sg". */
function withWebSg(change: (sg: Record<string, any>) => void): string {
    const stack = prodExport();
    change(stack.deployment.resources.find((r: { urn: string }) => r.urn.endsWith("::web-sg")));
    return JSON.stringify(stack);
}

/** Runs `tierguard scan ... --format json`; checks that nothing of the run is left running. */
async function scanJson(args: string[], env: Record<string, string> = {}) {
    const run = await markedRun(["scan", ...args, "--format", "json"], {
        env,
        // A scan that hangs (on a pipe, say) fails the test rather than leaving processes behind.
        onStarted: (cli) => setTimeout(() => cli.kill("SIGKILL"), 50_000).unref(),
    });
    expect(await leftoverProcesses(run.marker)).toEqual([]);
    expect(run.signal).toBeNull();
    return { ...run, report: JSON.parse(run.stdout) as ScanJson };
}

const judged = (report: ScanJson) => report.stacks.map((s) => path.basename(s.file));
const pairsOf = (stack: ScanJson["stacks"][number]) => new Set(stack.violations.map((v) => `${v.policy} @ ${v.resourceName}`));

/**
 * One scan of one folder of every hostile file that needs no setting of its own, beside a good export
 * (a scan costs seconds of CPU however many files it reads): each case asserts its own file's error or
 * verdict, and the whole run's lists (judged, errors, skipped) and exit code are asserted exactly, so no
 * file's error can stand in for another's.
 */
describe("a folder of hostile files beside a good one, in one scan", () => {
    let dir: string;
    let pipe: string;
    let huge: string;
    let run: Awaited<ReturnType<typeof scanJson>>;
    const errorOf = (name: string) => run.report.errors.filter((e) => path.basename(e.file) === name).map((e) => e.message);

    beforeAll(async () => {
        ({ dir } = workspace());
        // Nested 1,100 levels deep.
        let deep: unknown = "bottom";
        for (let i = 0; i < 1100; i++) deep = { nested: deep };
        fs.writeFileSync(
            path.join(dir, "deep.json"),
            withWebSg((sg) => (sg.inputs.tags = deep)),
        );
        // An unknown signature value.
        fs.writeFileSync(
            path.join(dir, "odd-signature.json"),
            withWebSg((sg) => (sg.inputs.tags = { owner: { [SIG_KEY]: "not-a-signature", value: 1 } })),
        );
        // A named pipe called *.json.
        pipe = path.join(dir, "pipe.json");
        expect(spawnSync("mkfifo", [pipe]).status).toBe(0);
        // A linked folder, a symlink loop, broken and looping links.
        const elsewhere = tempDir("tierguard-linked-");
        fs.writeFileSync(path.join(elsewhere, "linked.json"), prodText);
        fs.symlinkSync(elsewhere, path.join(dir, "linked-folder"));
        fs.symlinkSync(dir, path.join(dir, "loop"));
        fs.symlinkSync("no-such-file.json", path.join(dir, "broken.json"));
        fs.symlinkSync("cycle-b.json", path.join(dir, "cycle-a.json"));
        fs.symlinkSync("cycle-a.json", path.join(dir, "cycle-b.json"));
        // UTF-8 with a byte-order mark, UTF-16 LE and BE with a mark, and Latin-1.
        const utf16le = Buffer.from(prodText, "utf16le");
        fs.writeFileSync(path.join(dir, "utf8-bom.json"), `\ufeff${prodText}`);
        fs.writeFileSync(path.join(dir, "utf16le.json"), Buffer.concat([Buffer.from([0xff, 0xfe]), utf16le]));
        fs.writeFileSync(path.join(dir, "utf16be.json"), Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(utf16le).swap16()]));
        fs.writeFileSync(path.join(dir, "latin1.json"), Buffer.from(prodText.replace('"web"', '"caf\u00e9"'), "latin1"));
        // A resource too large to encode for the pack: a 40 MiB string.
        huge = path.join(dir, "huge-string.json");
        const [before, after] = withWebSg((sg) => (sg.inputs.description = "@@")).split("@@");
        const fd = fs.openSync(huge, "w");
        fs.writeSync(fd, before);
        const chunk = "x".repeat(1024 * 1024);
        for (let i = 0; i < 40; i++) fs.writeSync(fd, chunk);
        fs.writeSync(fd, after);
        fs.closeSync(fd);
        // The pipe is found in the folder, then named again.
        run = await scanJson([dir, pipe]);
    }, 120_000);

    it("judges exactly the good files (the linked folder's once), names every bad one, and exits 2", () => {
        expect(run.code).toBe(2);
        expect(judged(run.report)).toEqual(["good.json", "linked.json", "utf16be.json", "utf16le.json", "utf8-bom.json"]);
        expect(run.report.errors.map((e) => path.basename(e.file))).toEqual([
            "broken.json",
            "cycle-a.json",
            "cycle-b.json",
            "deep.json",
            "huge-string.json",
            "latin1.json",
            "odd-signature.json",
            "pipe.json",
        ]);
        expect(run.report.skipped).toEqual([
            { path: path.join(dir, "loop"), reason: `a symlink loop: it leads back to ${dir}, already being scanned` },
            { path: pipe, reason: `the same file as ${pipe}, scanned once` },
        ]);
    });

    it("names a file nested 1,100 levels deep and judges the others", () => {
        expect(run.report.errors.filter((e) => path.basename(e.file) === "deep.json")).toEqual([
            {
                file: path.join(dir, "deep.json"),
                message: `${path.join(dir, "deep.json")}: it nests arrays and objects more than 256 levels deep (at line 1), over the limit for a stack file`,
            },
        ]);
        expect(run.stderr).toContain(`could not scan ${path.join(dir, "deep.json")}`);
        expect(pairsOf(run.report.stacks[0])).toContain("no-admin-ports-from-internet @ web-sg");
    });

    it("names a file with an unknown signature value, where it is, and judges the others", () => {
        const odd = path.join(dir, "odd-signature.json");
        expect(errorOf("odd-signature.json")).toEqual([
            `${odd}: resource "web-sg" (urn:pulumi:prod::shop::aws:ec2/securityGroup:SecurityGroup::web-sg): inputs.tags.owner: an object whose signature key ${SIG_KEY} is "not-a-signature", which is none of the signatures Pulumi defines (secret, resource reference, output, asset, archive), so it cannot be judged`,
        ]);
    });

    it("never opens a named pipe called *.json, named or found in a folder", () => {
        // Found in the folder, then named again: one file, one error (the skip is asserted above).
        expect(errorOf("pipe.json")).toEqual([`${pipe}: it is a named pipe (FIFO), not a regular file, so it was not opened`]);
        expect(run.report.skipped).toContainEqual({ path: pipe, reason: `the same file as ${pipe}, scanned once` });
    });

    it("follows a linked folder once, stops at a symlink loop, and names broken and looping links", () => {
        expect(judged(run.report).filter((name) => name === "linked.json")).toEqual(["linked.json"]);
        expect(run.report.skipped).toContainEqual({ path: path.join(dir, "loop"), reason: `a symlink loop: it leads back to ${dir}, already being scanned` });
        expect([...errorOf("broken.json"), ...errorOf("cycle-a.json"), ...errorOf("cycle-b.json")]).toEqual([
            `${path.join(dir, "broken.json")}: it is a broken symlink (its target does not exist)`,
            `${path.join(dir, "cycle-a.json")}: it is a symlink loop (links that lead to one another)`,
            `${path.join(dir, "cycle-b.json")}: it is a symlink loop (links that lead to one another)`,
        ]);
    });

    it("reads UTF-8 with a byte-order mark and UTF-16 (LE and BE, with a mark) like UTF-8", () => {
        expect(judged(run.report)).toEqual(expect.arrayContaining(["good.json", "utf16be.json", "utf16le.json", "utf8-bom.json"]));
        // Every judged file holds shop-prod (the linked one too): one verdict.
        const verdicts = run.report.stacks.map((s) => JSON.stringify(s.violations));
        expect(new Set(verdicts).size).toBe(1);
        expect(errorOf("latin1.json")).toEqual([
            `${path.join(dir, "latin1.json")}: it is not UTF-8 text (nor UTF-16): it has a byte sequence UTF-8 does not allow`,
        ]);
    });

    it("refuses a resource too large to encode for the pack (a 40 MiB string) instead of crashing", () => {
        expect(errorOf("huge-string.json")).toEqual([
            expect.stringMatching(
                new RegExp(
                    `^${huge.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}: resource "web-sg" \\(urn:[^)]+\\): its inputs are about 40(\\.\\d)? MiB, over the 32 MiB limit for one resource$`,
                ),
            ),
        ]);
    });
});

it("passes over node_modules and dot-folders with a note, and scans them when named", async () => {
    const { dir } = workspace();
    const installed = path.join(dir, "node_modules", "some-package");
    const hidden = path.join(dir, ".pulumi", "backups");
    fs.mkdirSync(installed, { recursive: true });
    fs.mkdirSync(hidden, { recursive: true });
    fs.writeFileSync(path.join(installed, "package.json"), JSON.stringify({ name: "some-package", version: "1.0.0" }));
    fs.writeFileSync(path.join(hidden, "old.json"), prodText);
    const run = await scanJson([dir]);
    // Passed over on purpose: notes, not errors.
    expect(run.code).toBe(1);
    expect(judged(run.report)).toEqual(["good.json"]);
    expect(run.report.errors).toEqual([]);
    expect(run.report.skipped).toEqual([
        { path: path.join(dir, ".pulumi"), reason: "dot-folders are not scanned unless named" },
        { path: path.join(dir, "node_modules"), reason: "node_modules is not scanned unless named (installed packages, not stacks)" },
    ]);
    expect(run.stderr).toContain(`tierguard: skipped ${path.join(dir, "node_modules")}: node_modules is not scanned unless named`);
    const named = await scanJson([path.join(dir, ".pulumi"), path.join(dir, "node_modules")]);
    expect(named.code).toBe(2);
    expect(judged(named.report)).toEqual(["old.json"]);
    expect(named.report.errors.map((e) => e.message)).toEqual([expect.stringContaining("package.json: not a Pulumi stack export")]);
});

it("refuses a file over the size limit (lowered here with TIERGUARD_SCAN_MAX_FILE_BYTES) without reading it", async () => {
    const { dir } = workspace();
    const large = path.join(dir, "large.json");
    // A valid export just over 1 MiB: one long description, written in chunks.
    const [before, after] = withWebSg((sg) => (sg.inputs.description = "@@")).split("@@");
    const fd = fs.openSync(large, "w");
    fs.writeSync(fd, before);
    for (let i = 0; i < 17; i++) fs.writeSync(fd, "x".repeat(64 * 1024));
    fs.writeSync(fd, after);
    fs.closeSync(fd);
    const run = await scanJson([dir], { TIERGUARD_SCAN_MAX_FILE_BYTES: String(1024 * 1024) });
    expect(run.code).toBe(2);
    expect(judged(run.report)).toEqual(["good.json"]);
    expect(run.report.errors.map((e) => e.message)).toEqual([
        `${large}: it is 1.1 MiB, over the 1 MiB limit for one file (TIERGUARD_SCAN_MAX_FILE_BYTES changes it)`,
    ]);
});

it("names the file on which the pack was killed and judges the rest with a new pack", async () => {
    const { dir, good } = workspace();
    const pack = tempDir("tierguard-stopping-pack-");
    fs.writeFileSync(path.join(pack, "PulumiPolicy.yaml"), "runtime: nodejs\n");
    fs.writeFileSync(path.join(pack, "package.json"), JSON.stringify({ name: "stopping-pack", version: "0.0.0", main: "index.js" }));
    fs.writeFileSync(
        path.join(pack, "index.js"),
        `const { PolicyPack } = require(${JSON.stringify(require.resolve("@pulumi/policy"))});
// As the kernel's out-of-memory killer would end it.
new PolicyPack("stopping", { policies: [{ name: "killed-on-stop-me", description: "is killed on a resource named stop-me", enforcementLevel: "mandatory",
    validateResource: (args, reportViolation) => { if (args.name === "stop-me") process.kill(process.pid, "SIGKILL"); reportViolation("judged " + args.name); } }] });
`,
    );
    const stopper = path.join(dir, "a-stopper.json");
    fs.writeFileSync(stopper, prodText.replace(/::web-sg"/g, '::stop-me"'));
    const run = await scanJson([stopper, good, "--policy-pack", pack]);
    expect(run.code).toBe(2);
    expect(judged(run.report)).toEqual(["good.json"]);
    expect(run.report.stacks[0].violations.map((v) => v.message)).toContainEqual(expect.stringContaining("judged web-sg"));
    expect(run.report.errors).toHaveLength(1);
    expect(run.report.errors[0].message).toMatch(
        new RegExp(
            `^${stopper.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}: the policy pack could not judge it: .*The policy pack stopped \\(signal SIGKILL\\); the other files are judged by a new one\\.$`,
        ),
    );
});

it("judges what only a stack's recorded outputs carry as drift, once, and says so", async () => {
    const { dir } = workspace();
    const https = { protocol: "tcp", fromPort: 443, toPort: 443, cidrBlocks: ["0.0.0.0/0"], description: "https" };
    const ssh = { protocol: "tcp", fromPort: 22, toPort: 22, cidrBlocks: ["0.0.0.0/0"], description: "ssh" };
    // As the AWS provider records rules: every field, in its own order.
    const recorded = (rule: object) => ({ ipv6CidrBlocks: [], prefixListIds: [], securityGroups: [], self: false, ...rule });
    const drifted = path.join(dir, "drifted.json");
    fs.writeFileSync(
        drifted,
        withWebSg((sg) => {
            sg.inputs.ingress = [https];
            sg.outputs.ingress = [recorded(ssh), recorded(https)];
        }),
    );
    const run = await scanJson([drifted, path.join(dir, "good.json")]);
    expect(run.code).toBe(1);
    const [drift, good] = run.report.stacks;
    const onWebSg = (stack: ScanJson["stacks"][number]) => stack.violations.filter((v) => v.resourceName === "web-sg");
    // The same SSH rule: in the inputs of good.json, only in the recorded outputs of drifted.json.
    expect(
        onWebSg(drift)
            .map((v) => v.policy)
            .sort(),
    ).toEqual(
        onWebSg(good)
            .map((v) => v.policy)
            .sort(),
    );
    for (const violation of onWebSg(drift)) {
        expect(violation.drift).toBe(true);
        expect(violation.message).toMatch(/^in the stack's recorded state \(drift\): web-sg ingress\[0\] allows TCP port 22 from 0\.0\.0\.0\/0/);
    }
    expect(onWebSg(good).every((v) => v.drift === undefined && !v.message.includes("drift"))).toBe(true);
    // Rules both carry, in another order and with the provider's extra fields, are not drift.
    const reordered = path.join(dir, "reordered.json");
    fs.writeFileSync(
        reordered,
        withWebSg((sg) => {
            sg.inputs.ingress = [ssh, https];
            sg.outputs.ingress = [recorded(https), recorded(ssh)];
        }),
    );
    const again = await scanJson([reordered]);
    expect(
        onWebSg(again.report.stacks[0])
            .map((v) => [v.policy, v.drift ?? false])
            .sort(),
    ).toEqual(
        onWebSg(good)
            .map((v) => [v.policy, false])
            .sort(),
    );
});

it("scan --format sarif still reports the good files and names the failed ones", async () => {
    const { dir } = workspace();
    fs.writeFileSync(path.join(dir, "broken.json"), "{ not json");
    const run = await markedRun(["scan", dir, "--format", "sarif"]);
    expect(await leftoverProcesses(run.marker)).toEqual([]);
    expect(run.code).toBe(2);
    const sarif = JSON.parse(run.stdout);

    expect.extend(require("@microsoft/jest-sarif"));
    (expect(sarif) as any).toBeValidSarifLog();
    expect(sarif.runs[0].results.length).toBeGreaterThan(0);
    const [invocation] = sarif.runs[0].invocations;
    expect(invocation.executionSuccessful).toBe(false);
    expect(invocation.toolExecutionNotifications).toEqual([
        expect.objectContaining({ level: "error", message: { text: expect.stringMatching(/^could not scan .*broken\.json: not valid JSON/) } }),
    ]);
});
