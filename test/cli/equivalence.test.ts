/**
 * `tierguard check` reports exactly what the pack reports for the same resources over the engine
 * protocol: same policies, resources, levels and messages. The pack here is driven directly with the
 * captured inputs and no configuration at all (its in-code defaults), while `check` configures it the
 * way the CLI does (schema defaults), so this also pins that the two sets of defaults agree.
 */
import { spawnSync } from "child_process";
import * as path from "path";
import { PackProcess, TestResource } from "../../cli/engine/packProcess";
import { ROOT, tierguard } from "./run";

it.each(["preview", "update"] as const)("check's verdicts on the insecure example equal the pack's (%s)", async (mode) => {
    const helper = path.join(__dirname, "captureProgram.js");
    const captured = spawnSync(process.execPath, [helper, path.join(ROOT, "examples", "insecure-web-app"), mode], { encoding: "utf8" });
    expect(captured.stderr).toBe("");
    const resources: Array<{ analysed: boolean; inputs: TestResource; outputs: TestResource }> = JSON.parse(captured.stdout);
    const pack = await PackProcess.start();
    const direct: string[] = [];
    try {
        const diagnostics = [];
        for (const r of resources.filter((x) => x.analysed)) diagnostics.push(...(await pack.analyze(r.inputs)));
        diagnostics.push(...(await pack.analyzeStack(resources.map((r) => r.outputs))));
        for (const d of diagnostics) direct.push(`${d.policyName}|${d.enforcementLevel}|${d.urn}|${d.message}`);
    } finally {
        await pack.stop();
    }
    const report = JSON.parse(tierguard("check", "examples/insecure-web-app", "--format", "json", "--mode", mode).stdout);
    const viaCheck = report.violations.map((v: Record<string, string>) => `${v.policy}|${v.enforcementLevel}|${v.urn}|${v.message}`);
    expect(viaCheck.sort()).toEqual(direct.sort());
    expect(direct.length).toBeGreaterThan(10);
});
