/**
 * The packs the Analyze and AnalyzeStack rows compare, on the same synthetic stacks over the same
 * protocol: tierguard's pack (its default server), the same pack on the SDK's own server
 * (TIERGUARD_ANALYZER_SERVER=sdk), the same-shape no-op pack on the SDK's server (the floor any pack of
 * this shape pays), and Pulumi's AWSGuard 0.3.1 (26 policies). AWSGuard pulls `@pulumi/aws` 4 and
 * `aws-sdk` 2, so it is not a dependency of this project: the benchmark installs it once into a scratch
 * folder (`$TMPDIR/tierguard-bench-awsguard`, kept between runs) and runs it with that folder's own
 * `run-policy-pack`, as the engine would. When it cannot be installed or started, its rows say why and
 * the budgets against it are reported as not checked.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { PackProcess } from "../cli/engine/packProcess";
import { PolicyConfigFile, configurationFor } from "../cli/policyConfig";
import { BenchPacks } from "./packs";

export const AWSGUARD_VERSION = "0.3.1";

export type PackKey = "tierguard" | "tierguardSdk" | "noop" | "empty" | "awsguard";

/** Table columns, in order. */
export const PACK_KEYS: readonly PackKey[] = ["tierguard", "tierguardSdk", "noop", "empty", "awsguard"];

export interface Yardstick {
    key: PackKey;
    label: string;
    /** The pack folder; undefined when the pack could not be measured (see `unavailable`). */
    dir?: string;
    unavailable?: string;
    /** Set (or, when undefined, removed) in the pack process's environment. */
    env: Record<string, string | undefined>;
    /** The policy config file the pack is configured with, as `--policy-pack-config` would give it. */
    config: PolicyConfigFile;
    /**
     * How its findings are checked: "planted" — exactly the mistakes the generator planted (tierguard);
     * "none" — nothing (the no-op pack); "stable" — whatever it finds, the same every round (AWSGuard).
     */
    findings: "planted" | "none" | "stable";
}

export const ANALYZER_SERVER_VARIABLE = "TIERGUARD_ANALYZER_SERVER";

function log(message: string): void {
    process.stderr.write(`bench: ${message}\n`);
}

/** What npm says went wrong: its error code and the first message line (not its stack or log hints). */
function npmError(output: string): string {
    const lines = output
        .split("\n")
        .map((line) => line.replace(/^npm (error|ERR!)\s*/, "").trim())
        .filter(Boolean);
    const code = lines.find((line) => /^code \S+$/.test(line));
    const message = lines.find((line) => !/^(code|syscall|errno) |^at |^A complete log|^If you are behind/.test(line));
    return [code, message].filter(Boolean).join(": ") || firstLines(output);
}

function firstLines(text: string, lines = 3): string {
    return text.trim().split("\n").filter(Boolean).slice(-lines).join(" / ");
}

/**
 * Lays out AWSGuard's pack folder and installs it there once (npm, a few tens of seconds); later runs
 * find it installed. `setting`: "auto" (the scratch folder under the system's temporary folder), "off"
 * (not measured), or a folder. `--prefix` names the folder, whatever an `npm run` parent exported.
 */
export function prepareAwsGuard(setting: string, npmEnvironment: NodeJS.ProcessEnv = process.env): { dir: string } | { reason: string } {
    if (setting === "off") return { reason: "left out with --awsguard off" };
    const dir = setting === "auto" ? path.join(os.tmpdir(), "tierguard-bench-awsguard") : path.resolve(setting);
    const installedManifest = path.join(dir, "node_modules", "@pulumi", "awsguard", "package.json");
    const installed = () => {
        try {
            return String(JSON.parse(fs.readFileSync(installedManifest, "utf8")).version).replace(/^v/, "") === AWSGUARD_VERSION;
        } catch {
            return false;
        }
    };
    try {
        fs.mkdirSync(dir, { recursive: true });
        const manifest = JSON.stringify(
            { name: "tierguard-bench-awsguard", version: "0.0.0", private: true, main: "index.js", dependencies: { "@pulumi/awsguard": AWSGUARD_VERSION } },
            null,
            2,
        );
        fs.writeFileSync(path.join(dir, "package.json"), manifest);
        fs.writeFileSync(path.join(dir, "PulumiPolicy.yaml"), `runtime: nodejs\ndescription: AWSGuard ${AWSGUARD_VERSION} (a tierguard benchmark yardstick)\n`);
        // AWSGuard's documented usage: every policy, mandatory.
        fs.writeFileSync(path.join(dir, "index.js"), `const { AwsGuard } = require("@pulumi/awsguard");\nnew AwsGuard({ all: "mandatory" });\n`);
    } catch (error) {
        return { reason: `cannot lay out ${dir}: ${error instanceof Error ? error.message : String(error)}` };
    }
    if (!installed()) {
        log(`installing @pulumi/awsguard@${AWSGUARD_VERSION} into ${dir} (one-off, kept for later runs)`);
        const npm = process.platform === "win32" ? "npm.cmd" : "npm";
        const run = spawnSync(npm, ["install", "--prefix", dir, "--no-audit", "--no-fund", "--loglevel=error", "--fetch-retries=1", "--fetch-timeout=60000"], {
            cwd: dir,
            env: npmEnvironment,
            encoding: "utf8",
            timeout: 10 * 60 * 1000,
        });
        if (run.error) return { reason: `npm install @pulumi/awsguard@${AWSGUARD_VERSION} failed: ${run.error.message}` };
        if (run.status !== 0) return { reason: `npm install @pulumi/awsguard@${AWSGUARD_VERSION} exited ${run.status}: ${npmError(run.stderr || run.stdout)}` };
        if (!installed()) return { reason: `npm install @pulumi/awsguard@${AWSGUARD_VERSION} left no ${installedManifest}` };
    }
    return { dir };
}

/** The four packs; AWSGuard is installed if need be and started once to see that it runs. */
export async function yardsticks(packs: BenchPacks, awsguardSetting: string, withAwsGuard = true): Promise<Yardstick[]> {
    const list: Yardstick[] = [
        { key: "tierguard", label: "tierguard", dir: packs.tierguard, env: { [ANALYZER_SERVER_VARIABLE]: undefined }, config: {}, findings: "planted" },
        {
            key: "tierguardSdk",
            label: "tierguard, SDK server",
            dir: packs.tierguard,
            env: { [ANALYZER_SERVER_VARIABLE]: "sdk" },
            config: {},
            findings: "planted",
        },
        // The SDK's server whatever the variable's default becomes: this pack is the SDK's floor.
        { key: "noop", label: "no-op SDK pack", dir: packs.noop, env: { [ANALYZER_SERVER_VARIABLE]: "sdk" }, config: {}, findings: "none" },
        // No policies at all: what the SDK's server and gRPC cost on their own, the floor under every pack.
        { key: "empty", label: "empty SDK pack", dir: packs.empty, env: { [ANALYZER_SERVER_VARIABLE]: "sdk" }, config: {}, findings: "none" },
    ];
    const awsguard: Yardstick = {
        key: "awsguard",
        label: `AWSGuard ${AWSGUARD_VERSION}`,
        env: { [ANALYZER_SERVER_VARIABLE]: "sdk" },
        config: { all: "mandatory" },
        findings: "stable",
    };
    const prepared = withAwsGuard ? prepareAwsGuard(awsguardSetting) : { reason: "not needed by the sections run" };
    if ("reason" in prepared) awsguard.unavailable = prepared.reason;
    else {
        try {
            const pack = await startYardstick({ ...awsguard, dir: prepared.dir });
            await pack.stop();
            awsguard.dir = prepared.dir;
        } catch (error) {
            awsguard.unavailable = `AWSGuard's pack did not start: ${firstLines(error instanceof Error ? error.message : String(error))}`;
        }
    }
    if (awsguard.unavailable && withAwsGuard) log(`AWSGuard not measured: ${awsguard.unavailable}`);
    list.push(awsguard);
    return list;
}

/**
 * Starts a pack as the engine does and configures it (Configure with its config file's levels and
 * defaults, then ConfigureStack). The environment is set only while the process is spawned, which
 * `PackProcess.start` does before its first await.
 */
export async function startYardstick(yardstick: Yardstick): Promise<PackProcess> {
    if (!yardstick.dir) throw new Error(`${yardstick.label} is not measured: ${yardstick.unavailable}`);
    const saved: Record<string, string | undefined> = {};
    let starting: Promise<PackProcess>;
    try {
        for (const [name, value] of Object.entries(yardstick.env)) {
            saved[name] = process.env[name];
            if (value === undefined) delete process.env[name];
            else process.env[name] = value;
        }
        starting = PackProcess.start(yardstick.dir, 60000, { asPulumiStartsIt: true });
    } finally {
        for (const [name, value] of Object.entries(saved)) {
            if (value === undefined) delete process.env[name];
            else process.env[name] = value;
        }
    }
    const pack = await starting;
    try {
        const info = await pack.getAnalyzerInfo();
        await pack.configure(configurationFor(info.policies, yardstick.config));
        await pack.configureStack({ stack: "big", project: "fleet", organization: "organization", dryRun: false });
    } catch (error) {
        await pack.stop();
        throw error;
    }
    return pack;
}
