/** A 5,000-resource export scans in reasonable time, with the mistakes it holds found. */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { writeLargeExport } from "./largeStack";
import { tierguard } from "./run";

it("scans a 5,000-resource stack export", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tierguard-large-"));
    const count = writeLargeExport(path.join(dir, "fleet-big.json"), 5000);
    expect(count).toBeGreaterThanOrEqual(5000);
    const run = tierguard("scan", dir, "--format", "json");
    expect(run.stderr).toBe("");
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout);
    const ssh = report.stacks[0].violations.filter((v: Record<string, string>) => v.policy === "no-admin-ports-from-internet");
    const apps = Math.ceil((count - 1) / 12);
    expect(ssh.length).toBe(Math.ceil(apps / 10));
    expect(report.stacks[0].summary.resources).toBe(count - 1);
}, 300_000);
