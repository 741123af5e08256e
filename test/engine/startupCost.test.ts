/**
 * What tierguard's processes spare themselves at start-up, and that it changes nothing else: the CLI's
 * copy of @pulumi/policy's deserializer loads without @pulumi/pulumi's index (the automation API), and
 * tierguard's own pack starts without TypeScript. Run compiled, in processes of their own (Jest has a
 * module registry of its own).
 */
import { spawnSync } from "child_process";
import * as path from "path";
import { REPO_ROOT } from "../repoRoot";
import { PACK_DIR } from "../../cli/engine/packProcess";
import { probePack } from "./packStart";

const DIST = path.join(REPO_ROOT, "dist");

it("loads @pulumi/policy's deserializer without @pulumi/pulumi's index, with the SDK's own asset classes", () => {
    const script = `
        const { sdkDeserializer } = require(${JSON.stringify(path.join(DIST, "policypack", "sdkDeserializer.js"))});
        const deserialize = sdkDeserializer();
        const loaded = (pattern) => Object.keys(require.cache).some((key) => pattern.test(key));
        const indexLoaded = loaded(/@pulumi[\\\\/]pulumi[\\\\/](index|automation[\\\\/])/);
        const props = deserialize({ toJavaScript: () => ({
            file: { "4dabf18193072939515e22adb298388d": "c44067f5952c0a294b673a41bacd8c17", path: "a.txt" },
            secret: { "4dabf18193072939515e22adb298388d": "1b47061264138c4ac30d75fd1eb44270", value: "s" },
            plain: [1, "two"],
        }) }, false);
        const pulumi = require("@pulumi/pulumi");
        console.log(JSON.stringify({ indexLoaded, asset: props.file instanceof pulumi.asset.FileAsset, secret: props.secret, plain: props.plain }));
    `;
    const run = spawnSync(process.execPath, ["-e", script], { cwd: REPO_ROOT, encoding: "utf8" });
    expect(run.stderr).toBe("");
    expect(JSON.parse(run.stdout)).toEqual({ indexLoaded: false, asset: true, secret: "s", plain: [1, "two"] });
});

/** Whether the pack's process had loaded TypeScript once it printed its port. */
async function packLoadedTypeScript(preloads: string[]): Promise<boolean> {
    const { record, stderr, exitCode } = await probePack(
        PACK_DIR,
        (recordFile) =>
            `process.on("SIGTERM", () => {
                require("fs").writeFileSync(${JSON.stringify(recordFile)}, JSON.stringify(Object.keys(require.cache).some((key) => /[\\\\/]typescript[\\\\/]/.test(key))));
                process.exit(0);
            });`,
        { preloads, env: { TIERGUARD_PACK_RUNNER: require.resolve("@pulumi/pulumi/cmd/run-policy-pack") } },
    );
    if (record === undefined) throw new Error(`the pack exited with ${exitCode} before printing its port: ${stderr}`);
    return JSON.parse(record) as boolean;
}

it("starts tierguard's own pack without TypeScript, which the runner otherwise loads for every pack", async () => {
    expect(await packLoadedTypeScript([])).toBe(true);
    expect(await packLoadedTypeScript([path.join(DIST, "cli", "engine", "compiledPackPreload.js")])).toBe(false);
});
