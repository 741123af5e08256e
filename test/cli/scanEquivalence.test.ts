/** The same resources give the same verdicts through `scan` (an export) as through `check` (the program). */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { runProgram } from "../../cli/engine/runProgram";
import { loadConfig, loadProject } from "../../cli/program/project";
import { ROOT, tierguard } from "./run";

it.each(["insecure-web-app", "three-tier"])("scan of an export of examples/%s equals check --mode update", async (example) => {
    const project = loadProject(path.join(ROOT, "examples", example));
    const config = loadConfig(project, "dev", []);
    const run = await runProgram({
        project,
        stack: "dev",
        mode: "update",
        config: config.values,
        secretKeys: config.secretKeys,
        timeoutSeconds: 60,
        output: () => undefined,
    });
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
    const viaCheck = JSON.parse(tierguard("check", `examples/${example}`, "--mode", "update", "--format", "json").stdout)
        .violations.map(key)
        .sort();
    expect(viaScan).toEqual(viaCheck);
    if (example === "insecure-web-app") {
        expect(viaCheck.length).toBeGreaterThan(10);
        expect(viaCheck.some((k: string) => k.includes("|latent|"))).toBe(true);
        expect(viaCheck.some((k: string) => k.includes("|reachable|"))).toBe(true);
    }
});
