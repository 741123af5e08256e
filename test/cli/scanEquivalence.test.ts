/** The same resources give the same verdicts through `scan` (an export) as through `check` (the program). */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { ROOT, tierguard } from "./run";

it.each(["insecure-web-app", "three-tier"])("scan of an export of examples/%s equals check --mode update", (example) => {
    const helper = path.join(__dirname, "captureProgram.js");
    const captured = spawnSync(process.execPath, [helper, path.join(ROOT, "examples", example), "update"], { encoding: "utf8" });
    expect(captured.stderr).toBe("");
    const resources = JSON.parse(captured.stdout).map((r: { analysed: boolean; inputs: { type: string; urn: string; props: object }; outputs: Record<string, unknown> }) => ({
        urn: r.inputs.urn,
        type: r.inputs.type,
        custom: r.analysed || r.inputs.type.startsWith("pulumi:providers:"),
        ...(r.analysed ? { id: (r.outputs.props as Record<string, unknown>).id } : {}),
        inputs: r.inputs.props,
        outputs: r.outputs.props,
        parent: r.outputs.parent,
        dependencies: r.outputs.dependencies,
        propertyDependencies: r.outputs.propertyDependencies,
    }));
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tierguard-export-"));
    const file = path.join(dir, `${example}.json`);
    fs.writeFileSync(file, JSON.stringify({ version: 3, deployment: { resources } }));
    const key = (v: Record<string, string>) => `${v.policy}|${v.enforcementLevel}|${v.urn}|${v.message}`;
    const viaScan = JSON.parse(tierguard("scan", file, "--format", "json").stdout).stacks[0].violations.map(key).sort();
    const viaCheck = JSON.parse(tierguard("check", `examples/${example}`, "--mode", "update", "--format", "json").stdout).violations.map(key).sort();
    expect(viaScan).toEqual(viaCheck);
});
