/** A 5,000-resource export of the benchmark's synthetic stack scans, with exactly its planted mistakes found. */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { syntheticStack, writeStackExport } from "../../bench/syntheticStack";
import { tierguard } from "./run";

it("scans a 5,000-resource stack export and finds exactly the planted mistakes", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tierguard-large-"));
    const stack = syntheticStack(5000);
    writeStackExport(path.join(dir, "fleet-big.json"), stack);
    const run = tierguard("scan", dir, "--format", "json");
    expect(run.stderr).toBe("");
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout);
    const byPolicy: Record<string, number> = {};
    for (const violation of report.stacks[0].violations) byPolicy[violation.policy] = (byPolicy[violation.policy] ?? 0) + 1;
    // Each planted mistake (SSH open to the world on an admin group) is one group and one launch
    // template outside any subnet; the instances sit behind a NACL that drops port 22 from the internet.
    expect(byPolicy).toEqual({
        "no-admin-ports-from-internet": stack.sshMistakes,
        "internet-ingress-only-on-allowed-ports": stack.sshMistakes,
        "tier-isolation": stack.sshMistakes,
    });
    expect(report.stacks[0].summary.resources).toBe(stack.resources.length - 1);
}, 300_000);
