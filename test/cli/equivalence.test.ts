/**
 * The same resources give the same verdicts whichever way they reach the pack.
 *
 * `tierguard check` reports exactly what the pack reports for the same resources over the engine
 * protocol: same policies, resources, levels and messages. The program runs here under the same
 * engine `check` uses (runProgram), and the pack is driven directly with what it recorded and no
 * configuration at all (its in-code defaults), while `check` configures it the way the CLI does
 * (schema defaults), so this also pins that the two sets of defaults agree.
 *
 * `tierguard scan` of an export of what an update recorded gives what `check --mode update` gives.
 *
 * One program run, one `check` run per example and mode, and one pack (never configured, so each
 * request sees the in-code defaults: the Analyzer protocol keeps no other state between requests)
 * serve every comparison they take part in.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { PackProcess } from "../../cli/engine/packProcess";
import { isAnalysed } from "../../cli/engine/capturedStack";
import { ProgramRun, runProgram } from "../../cli/engine/runProgram";
import { UNKNOWN } from "../../policypack/model/sentinels";
import { loadConfig, loadProject } from "../../cli/program/project";
import { ROOT, tierguard } from "./run";

type Mode = "preview" | "update";

/** Each example's program run under check's engine, once per mode. */
const programRuns = new Map<string, Promise<ProgramRun>>();
function programRun(example: string, mode: Mode): Promise<ProgramRun> {
    const key = `${example} ${mode}`;
    if (!programRuns.has(key)) {
        const project = loadProject(path.join(ROOT, "examples", example));
        const config = loadConfig(project, "dev", []);
        programRuns.set(
            key,
            runProgram({
                project,
                stack: "dev",
                mode,
                config: config.values,
                secretKeys: config.secretKeys,
                timeoutSeconds: 60,
                output: () => undefined,
            }),
        );
    }
    return programRuns.get(key)!;
}

/** `tierguard check examples/<example> --mode <mode> --format json`, run once per example and mode. */
const checkRuns = new Map<string, { violations: Array<Record<string, string>> }>();
function checkReport(example: string, mode: Mode): { violations: Array<Record<string, string>> } {
    const key = `${example} ${mode}`;
    if (!checkRuns.has(key)) checkRuns.set(key, JSON.parse(tierguard("check", `examples/${example}`, "--format", "json", "--mode", mode).stdout));
    return checkRuns.get(key)!;
}

let pack: PackProcess;
beforeAll(async () => {
    pack = await PackProcess.start();
});
afterAll(async () => {
    await pack?.stop();
});

it.each(["preview", "update"] as const)("check's verdicts on the insecure example equal the pack's (%s)", async (mode) => {
    const run = await programRun("insecure-web-app", mode);
    expect(run.outcome).toEqual({ status: "completed" });
    const direct: string[] = [];
    const diagnostics = [];
    for (const r of run.capture.resources.filter(isAnalysed))
        diagnostics.push(...(await pack.analyze({ type: r.type, name: r.name, urn: r.urn, props: r.inputs })));
    diagnostics.push(
        ...(await pack.analyzeStack(
            run.capture.resources.map((r) => ({
                type: r.type,
                name: r.name,
                urn: r.urn,
                parent: r.parent,
                dependencies: r.dependencies,
                propertyDependencies: r.propertyDependencies,
                props: r.outputs ?? (r.custom ? { ...r.inputs, id: r.id ?? UNKNOWN } : r.inputs),
            })),
        )),
    );
    for (const d of diagnostics) direct.push(`${d.policyName}|${d.enforcementLevel}|${d.urn}|${d.message}`);
    expect(pack.alive).toBe(true);
    const viaCheck = checkReport("insecure-web-app", mode).violations.map((v) => `${v.policy}|${v.enforcementLevel}|${v.urn}|${v.message}`);
    expect(viaCheck.sort()).toEqual(direct.sort());
    expect(direct.length).toBeGreaterThan(10);
});

it.each(["insecure-web-app", "three-tier"])("scan of an export of examples/%s equals check --mode update", async (example) => {
    const run = await programRun(example, "update");
    expect(run.outcome).toEqual({ status: "completed" });
    // What `pulumi stack export` would write for these resources after an update.
    const resources = run.capture.resources.map((r) => ({
        urn: r.urn,
        type: r.type,
        custom: r.custom,
        ...(r.id ? { id: r.id } : {}),
        inputs: r.inputs,
        outputs: r.outputs ?? r.inputs,
        parent: r.parent,
        dependencies: r.dependencies,
        propertyDependencies: r.propertyDependencies,
    }));
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tierguard-export-"));
    const file = path.join(dir, `${example}.json`);
    fs.writeFileSync(file, JSON.stringify({ version: 3, deployment: { resources } }));
    // The exposure of a world-open rule's finding is judged on the same graph either way.
    const key = (v: Record<string, string>) => `${v.policy}|${v.enforcementLevel}|${v.urn}|${v.message}|${v.exposure}|${v.exposureReason}`;
    const viaScan = JSON.parse(tierguard("scan", file, "--format", "json").stdout)
        .stacks[0].violations.map(key)
        .sort();
    const viaCheck = checkReport(example, "update").violations.map(key).sort();
    expect(viaScan).toEqual(viaCheck);
    if (example === "insecure-web-app") {
        expect(viaCheck.length).toBeGreaterThan(10);
        expect(viaCheck.some((k: string) => k.includes("|latent|"))).toBe(true);
        expect(viaCheck.some((k: string) => k.includes("|reachable|"))).toBe(true);
    }
});
