/** `--policy-pack DIR`: judging with another pack folder, and clear errors when it is not one. */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { benchPacks } from "../../bench/packs";
import { ROOT, fixture, tierguard } from "./run";

const prod = "test/fixtures/stacks/shop-prod.json";

it("scans with another pack: the same-shape no-op pack finds nothing where tierguard's finds violations", () => {
    const ours = tierguard("scan", prod, "--format", "json");
    expect(ours.code).toBe(1);
    const other = tierguard("scan", prod, "--format", "json", "--policy-pack", benchPacks().noop);
    expect(other.stderr).toBe("");
    expect(other.code).toBe(0);
    const report = JSON.parse(other.stdout);
    expect(report.stacks[0].violations).toEqual([]);
    expect(report.stacks[0].summary.resources).toBe(JSON.parse(ours.stdout).stacks[0].summary.resources);
});

it("checks a program with another pack", () => {
    const run = tierguard("check", path.join("examples", "insecure-web-app"), "--policy-pack", benchPacks().noop, "--format", "json");
    expect(run.stderr).toBe("");
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout).violations).toEqual([]);
});

it("refuses a folder that does not exist or is not a pack, naming it", () => {
    const missing = tierguard("scan", prod, "--policy-pack", "no/such/dir");
    expect(missing.code).toBe(2);
    expect(missing.stderr).toContain("--policy-pack no/such/dir: not a directory");
    const notAPack = tierguard("check", fixture("configured"), "--policy-pack", "test");
    expect(notAPack.code).toBe(2);
    expect(notAPack.stderr).toContain("--policy-pack test: no PulumiPolicy.yaml there, so it is not a policy pack folder");
});

it("reports a pack that fails to start with what it printed, without a stack trace of ours", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tierguard-badpack-"));
    fs.writeFileSync(path.join(dir, "PulumiPolicy.yaml"), "runtime: nodejs\n");
    fs.writeFileSync(path.join(dir, "index.js"), 'throw new Error("this pack is broken");\n');
    const run = tierguard("scan", prod, "--policy-pack", dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toContain(`tierguard: the policy pack in ${dir} exited with code`);
    expect(run.stderr).toContain("this pack is broken");
    expect(run.stderr).not.toContain(path.join(ROOT, "dist", "cli"));
});
