/**
 * The V8 setting tierguard's server makes for the pack's process (policypack/server/compilerTuning.ts),
 * observed in the pack as the engine starts it: every v8.setFlagsFromString call is recorded by a
 * preloaded probe. The SDK's own server leaves V8's compiler as it is.
 */
import { spawn } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { PACK_DIR } from "../../cli/engine/packProcess";
import { compilerFlagFor } from "../../policypack/server/compilerTuning";

/** The flags the pack's process set on V8 by the time it printed its port. */
async function flagsSetBy(server: string | undefined): Promise<string[]> {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tierguard-v8flags-"));
    const probe = path.join(dir, "probe.js");
    const record = path.join(dir, "flags.json");
    fs.writeFileSync(
        probe,
        `const v8 = require("v8"); const set = v8.setFlagsFromString; const flags = [];
        v8.setFlagsFromString = (flag) => { flags.push(flag); return set(flag); };
        process.on("SIGTERM", () => { require("fs").writeFileSync(${JSON.stringify(record)}, JSON.stringify(flags)); process.exit(0); });`,
    );
    const env: NodeJS.ProcessEnv = { ...process.env, NODE_OPTIONS: `--require ${JSON.stringify(probe)}` };
    if (server === undefined) delete env.TIERGUARD_ANALYZER_SERVER;
    else env.TIERGUARD_ANALYZER_SERVER = server;
    const runner = require.resolve("@pulumi/pulumi/cmd/run-policy-pack", { paths: [PACK_DIR] });
    const child = spawn(process.execPath, [runner, "127.0.0.1:1", "."], { cwd: PACK_DIR, env, stdio: ["ignore", "pipe", "inherit"] });
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
    return JSON.parse(fs.readFileSync(record, "utf8")) as string[];
}

it("limits TurboFan's inlining in tierguard's server on the V8 it was measured on (Node 20's), and nowhere else", async () => {
    const ours = await flagsSetBy(undefined);
    // What @pulumi/pulumi sets itself (--allow-natives-syntax, for its closure serializer) is set under both servers.
    const sdks = await flagsSetBy("sdk");
    expect(sdks.filter((flag) => /inlin/.test(flag))).toEqual([]);
    const expected = process.versions.v8.startsWith("11.") ? ["--max-inlined-bytecode-size-cumulative=300"] : [];
    expect(ours.filter((flag) => !sdks.includes(flag))).toEqual(expected);
    expect(sdks.filter((flag) => !ours.includes(flag))).toEqual([]);
});

it("chooses the flag by V8 major version", () => {
    expect(compilerFlagFor("11.3.244.8-node.38")).toBe("--max-inlined-bytecode-size-cumulative=300");
    expect(compilerFlagFor("10.2.154.26-node.26")).toBeUndefined();
    expect(compilerFlagFor("12.4.254.21-node.33")).toBeUndefined();
    expect(compilerFlagFor("")).toBeUndefined();
});
