/**
 * `tierguard check` reports exactly what the pack reports for the same resources over the engine
 * protocol: same policies, resources, levels and messages. The program runs here under the same
 * engine `check` uses (runProgram), and the pack is driven directly with what it recorded and no
 * configuration at all (its in-code defaults), while `check` configures it the way the CLI does
 * (schema defaults), so this also pins that the two sets of defaults agree.
 */
import * as path from "path";
import { PackProcess } from "../../cli/engine/packProcess";
import { isAnalysed } from "../../cli/engine/capturedStack";
import { runProgram } from "../../cli/engine/runProgram";
import { UNKNOWN } from "../../policypack/model/sentinels";
import { loadConfig, loadProject } from "../../cli/program/project";
import { ROOT, tierguard } from "./run";

it.each(["preview", "update"] as const)("check's verdicts on the insecure example equal the pack's (%s)", async (mode) => {
    const project = loadProject(path.join(ROOT, "examples", "insecure-web-app"));
    const config = loadConfig(project, "dev", []);
    const output: string[] = [];
    const run = await runProgram({
        project,
        stack: "dev",
        mode,
        config: config.values,
        secretKeys: config.secretKeys,
        timeoutSeconds: 60,
        output: (line) => output.push(line),
    });
    expect(run.outcome).toEqual({ status: "completed" });
    const pack = await PackProcess.start();
    const direct: string[] = [];
    try {
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
    } finally {
        await pack.stop();
    }
    const report = JSON.parse(tierguard("check", "examples/insecure-web-app", "--format", "json", "--mode", mode).stdout);
    const viaCheck = report.violations.map((v: Record<string, string>) => `${v.policy}|${v.enforcementLevel}|${v.urn}|${v.message}`);
    expect(viaCheck.sort()).toEqual(direct.sort());
    expect(direct.length).toBeGreaterThan(10);
});
