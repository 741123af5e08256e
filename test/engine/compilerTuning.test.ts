/**
 * The V8 setting tierguard's server makes for the pack's process (policypack/server/compilerTuning.ts),
 * observed in the pack as the engine starts it: every v8.setFlagsFromString call is recorded by a
 * preloaded probe, and V8's complaints (an unknown flag is reported on stderr, not thrown) are watched.
 * The SDK's own server, and TIERGUARD_COMPILER_TUNING=off, leave V8's compiler as it is.
 */
import { spawnSync } from "child_process";
import { PACK_DIR } from "../../cli/engine/packProcess";
import { compilerFlagFor } from "../../policypack/server/compilerTuning";
import { probePack } from "./packStart";

const FLAG = "--max-inlined-bytecode-size-cumulative=300";

interface PackRun {
    /** The flags the pack's process set on V8 by the time it was stopped (after printing its port). */
    flags: string[];
    stderr: string;
    /** The exit code, when the pack exited before printing a port. */
    exitCode?: number | null;
}

const recordFlags = (recordFile: string) => `const v8 = require("v8"); const set = v8.setFlagsFromString; const flags = [];
    v8.setFlagsFromString = (flag) => { flags.push(flag); return set(flag); };
    process.on("SIGTERM", () => { require("fs").writeFileSync(${JSON.stringify(recordFile)}, JSON.stringify(flags)); process.exit(0); });`;

async function runPack(env: Record<string, string | undefined>): Promise<PackRun> {
    const { record, stderr, exitCode } = await probePack(PACK_DIR, recordFlags, { env });
    return { flags: record === undefined ? [] : (JSON.parse(record) as string[]), stderr, exitCode };
}

const defaultServer = { TIERGUARD_ANALYZER_SERVER: undefined, TIERGUARD_COMPILER_TUNING: undefined };

it("limits TurboFan's inlining in tierguard's server on Node 20, the V8 accepting the flag; not under the SDK's server", async () => {
    const ours = await runPack(defaultServer);
    // What @pulumi/pulumi sets itself (--allow-natives-syntax, for its closure serializer) is set under both servers.
    const sdks = await runPack({ ...defaultServer, TIERGUARD_ANALYZER_SERVER: "sdk" });
    expect(sdks.flags.filter((flag) => /inlin/.test(flag))).toEqual([]);
    expect(ours.flags.filter((flag) => !sdks.flags.includes(flag))).toEqual(process.version.startsWith("v20.") ? [FLAG] : []);
    expect(sdks.flags.filter((flag) => !ours.flags.includes(flag))).toEqual([]);
    // V8 reports a flag it does not know on stderr and carries on: nothing of the kind here.
    expect(ours.stderr).toBe("");
});

it("is a flag this Node's V8 knows", () => {
    const options = spawnSync(process.execPath, ["--v8-options"], { encoding: "utf8" }).stdout;
    expect(options).toContain(`--${FLAG.slice(2).split("=")[0]}`);
});

it("keeps V8's defaults with TIERGUARD_COMPILER_TUNING=off, and refuses a value it does not know", async () => {
    const off = await runPack({ ...defaultServer, TIERGUARD_COMPILER_TUNING: "off" });
    expect(off.flags.filter((flag) => /inlin/.test(flag))).toEqual([]);
    const typo = await runPack({ ...defaultServer, TIERGUARD_COMPILER_TUNING: "of" });
    expect(typo.exitCode).toBe(1);
    expect(typo.stderr).toContain('TIERGUARD_COMPILER_TUNING="of" is not a setting');
});

it("chooses the flag by V8 version and switch", () => {
    expect(compilerFlagFor("11.3.244.8-node.38", undefined)).toBe(FLAG);
    expect(compilerFlagFor("11.3.244.8-node.38", "on")).toBe(FLAG);
    expect(compilerFlagFor("11.3.244.8-node.38", "")).toBe(FLAG);
    expect(compilerFlagFor("11.3.244.8-node.38", "off")).toBeUndefined();
    expect(compilerFlagFor("11.8.172.17-node.19", undefined)).toBeUndefined(); // Node 21: not measured
    expect(compilerFlagFor("12.4.254.21-node.33", undefined)).toBeUndefined();
    expect(compilerFlagFor("", undefined)).toBeUndefined();
    expect(() => compilerFlagFor("11.3.244.8-node.38", "OFF")).toThrow('TIERGUARD_COMPILER_TUNING="OFF" is not a setting');
});
