/**
 * The example programs are real Pulumi programs: they type-check as `pulumi preview` (ts-node) would demand.
 * An example policy pack (a PulumiPolicy.yaml) imports `tierguard/policies` as an installed package, which
 * only resolves once installed: test/engine/orgPack.test.ts lays it out that way, starts it and type-checks it.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as path from "path";
import { ROOT } from "./run";

const examples = fs
    .readdirSync(path.join(ROOT, "examples"), { withFileTypes: true })
    .filter((e) => e.isDirectory() && fs.existsSync(path.join(ROOT, "examples", e.name, "tsconfig.json")))
    .filter((e) => !fs.existsSync(path.join(ROOT, "examples", e.name, "PulumiPolicy.yaml")))
    .map((e) => e.name);

it("has examples", () => expect(examples.length).toBeGreaterThan(0));

it.each(examples)("examples/%s type-checks", (name) => {
    const tsc = require.resolve("typescript/bin/tsc");
    const run = spawnSync(process.execPath, [tsc, "-p", path.join(ROOT, "examples", name), "--noEmit"], { encoding: "utf8" });
    expect(run.stdout + run.stderr).toBe("");
    expect(run.status).toBe(0);
});
