/**
 * What tierguard's processes spare themselves at start-up, and that it changes nothing else: the CLI's
 * copy of @pulumi/policy's deserializer loads without @pulumi/pulumi's index (the automation API), and
 * tierguard's own pack starts without TypeScript. Run compiled, in processes of their own (Jest has a
 * module registry of its own).
 */
import { spawn, spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { REPO_ROOT } from "../repoRoot";
import { PACK_DIR } from "../../cli/engine/packProcess";

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
    const runner = require.resolve("@pulumi/pulumi/cmd/run-policy-pack");
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tierguard-startup-"));
    const probe = path.join(dir, "probe.js");
    const answer = path.join(dir, "answer.json");
    fs.writeFileSync(
        probe,
        `process.on("SIGTERM", () => {
            require("fs").writeFileSync(${JSON.stringify(answer)}, JSON.stringify(Object.keys(require.cache).some((key) => /[\\\\/]typescript[\\\\/]/.test(key))));
            process.exit(0);
        });`,
    );
    const child = spawn(process.execPath, [runner, "127.0.0.1:1", "."], {
        cwd: PACK_DIR,
        env: { ...process.env, NODE_OPTIONS: [...preloads, probe].map((file) => `--require ${JSON.stringify(file)}`).join(" "), TIERGUARD_PACK_RUNNER: runner },
        stdio: ["ignore", "pipe", "inherit"],
    });
    await new Promise<void>((resolve, reject) => {
        let out = "";
        child.stdout!.on("data", (chunk) => {
            out += chunk;
            if (/^\d+\s*$/m.test(out)) resolve();
        });
        child.on("exit", (code) => reject(new Error(`the pack exited with ${code} before printing its port`)));
    });
    const exited = new Promise((resolve) => child.on("exit", resolve));
    child.kill("SIGTERM");
    await exited;
    return JSON.parse(fs.readFileSync(answer, "utf8")) as boolean;
}

it("starts tierguard's own pack without TypeScript, which the runner otherwise loads for every pack", async () => {
    expect(await packLoadedTypeScript([])).toBe(true);
    expect(await packLoadedTypeScript([path.join(DIST, "cli", "engine", "compiledPackPreload.js")])).toBe(false);
});
