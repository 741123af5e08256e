/**
 * The packs the benchmark runs side by side, each laid out as a folder the engine could run
 * (PulumiPolicy.yaml beside an index.js): tierguard's own (policypack/), the same-shape no-op pack,
 * and an empty JavaScript pack for start-up.
 */
import * as fs from "fs";
import * as path from "path";
import { PACK_DIR } from "../cli/engine/packProcess";

export interface BenchPacks {
    tierguard: string;
    noop: string;
    empty: string;
}

function layOut(dir: string, indexJs: string): string {
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, "PulumiPolicy.yaml"), "runtime: nodejs\ndescription: tierguard benchmark yardstick\n");
    fs.writeFileSync(path.join(dir, "index.js"), indexJs);
    // The SDK reads the pack's version from its package.json, as for any pack.
    fs.writeFileSync(
        path.join(dir, "package.json"),
        JSON.stringify({ name: `tierguard-bench-${path.basename(dir)}`, version: "0.0.0", main: "index.js" }, null, 2),
    );
    return dir;
}

/** Writes the yardstick packs under dist/bench/packs (next to the compiled no-op pack). */
export function benchPacks(): BenchPacks {
    const root = path.join(__dirname, "packs");
    return {
        tierguard: PACK_DIR,
        noop: layOut(path.join(root, "noop"), `require(${JSON.stringify(path.join(__dirname, "noopPack.js"))});\n`),
        empty: layOut(path.join(root, "empty"), `const { PolicyPack } = require("@pulumi/policy");\nnew PolicyPack("empty", { policies: [] });\n`),
    };
}
