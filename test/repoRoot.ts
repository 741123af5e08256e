/** The repository's root, whether a test runs compiled (dist/test/…) or on TypeScript directly (test/…). */
import * as fs from "fs";
import * as path from "path";

function findRoot(from: string): string {
    for (let dir = from; ; dir = path.dirname(dir)) {
        if (fs.existsSync(path.join(dir, "package.json")) && fs.existsSync(path.join(dir, "policypack", "PulumiPolicy.yaml"))) return dir;
        if (path.dirname(dir) === dir) throw new Error(`no tierguard checkout above ${from}`);
    }
}

export const REPO_ROOT = findRoot(__dirname);
