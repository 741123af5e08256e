/**
 * `npm start`: the main job on the bundled examples. Runs `tierguard check` as a user would and
 * shows its report. The insecure example is meant to fail the check (its violations are the
 * point), so the demo succeeds when each example exits as expected and fails otherwise.
 */
import { spawnSync } from "child_process";
import * as path from "path";

const root = path.resolve(__dirname, "..", "..");
const cli = path.join(root, "dist", "cli", "main.js");

/** Each example and the exit code `tierguard check` must give it. */
const EXAMPLES: Array<{ dir: string; expectedExit: number; why: string }> = [
    { dir: "examples/insecure-web-app", expectedExit: 1, why: "it makes every mistake the pack exists for" },
    { dir: "examples/three-tier", expectedExit: 0, why: "its security groups come from ThreeTierSecurityGroups, correct by construction" },
];

let failed = false;
for (const example of EXAMPLES) {
    console.log(`$ tierguard check ${example.dir}\n`);
    const run = spawnSync(process.execPath, [cli, "check", example.dir], { cwd: root, stdio: "inherit" });
    const code = run.status ?? 2;
    if (code === example.expectedExit) {
        console.log(`\n(demo) ${example.dir}: exit ${code}, as expected: ${example.why}.\n`);
    } else {
        console.error(`\n(demo) ${example.dir}: exit ${code}, expected ${example.expectedExit} (${example.why}): the demo is broken.\n`);
        failed = true;
    }
}
process.exitCode = failed ? 1 : 0;
