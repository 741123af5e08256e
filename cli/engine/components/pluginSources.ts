/**
 * Where a component's provider comes from, as the Pulumi CLI finds it: a package the project names in
 * Pulumi.yaml (`packages:`, what `pulumi package add <path>` records, or `plugins.providers`, the
 * override for plugin development) when it is a local folder, else a plugin installed in
 * `$PULUMI_HOME/plugins`. A local folder is either an executable `pulumi-resource-<name>` or a
 * source-based package (`PulumiPlugin.yaml`), which the CLI starts through its language host: for
 * `runtime: nodejs`, `node <@pulumi/pulumi/cmd/run-plugin resolved from the package> <folder>
 * <engine address>`, and run-plugin loads the folder's package.json `main`.
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as yaml from "js-yaml";
import { UsageError } from "../../usageError";

/** How to start one provider: the engine's address is appended to `args`. */
export interface PluginLaunch {
    /** Names the provider in reports and errors: its binary or its package folder. */
    label: string;
    command: string;
    args: string[];
    env: Record<string, string>;
    version: string;
}

/** A package Pulumi.yaml names: a local folder tierguard can start, or a source it cannot fetch offline. */
export type DeclaredPackage = { name: string; folder: string; declaredIn: string } | { name: string; source: string; declaredIn: string };

/** The plugins folder the Pulumi CLI uses. */
export function pluginsDir(): string {
    return path.join(process.env.PULUMI_HOME || path.join(os.homedir(), ".pulumi"), "plugins");
}

function isLocalPath(source: string): boolean {
    return source.startsWith(".") || path.isAbsolute(source) || source.startsWith("file://");
}

function localFolder(source: string, projectDir: string): string {
    return path.resolve(projectDir, source.startsWith("file://") ? source.slice("file://".length) : source);
}

/**
 * The packages of a project file's `packages:` (a name → a source, or `{ source, version, parameters }`)
 * and `plugins.providers` (`[{ name, path, version }]`). An entry the Pulumi CLI's project schema
 * refuses is refused here too, naming the entry and its value: the CLI would not run such a project,
 * and skipping it would leave its components unchecked for a reason nobody sees. A provider override
 * without a path names no folder to start, and is left to the Pulumi CLI.
 */
export function declaredPackages(project: Record<string, unknown>, projectDir: string, file: string): DeclaredPackage[] {
    const found: DeclaredPackage[] = [];
    const add = (name: string, source: string, declaredIn: string) =>
        found.push(isLocalPath(source) ? { name, folder: localFolder(source, projectDir), declaredIn } : { name, source, declaredIn });
    // plugins.providers first: it is the override for developing a plugin, so it wins over packages:.
    const plugins = project.plugins;
    if (plugins !== undefined && plugins !== null && !isMapping(plugins)) throw new UsageError(`${file}: plugins must be a mapping, got ${shown(plugins)}`);
    const providers = (plugins as Record<string, unknown> | undefined | null)?.providers;
    if (providers !== undefined && providers !== null) {
        if (!Array.isArray(providers)) throw new UsageError(`${file}: plugins.providers must be a list, got ${shown(providers)}`);
        providers.forEach((entry: unknown, index) => {
            const at = `${file} plugins.providers[${index}]`;
            if (!isMapping(entry)) throw new UsageError(`${at} must be a mapping of name, path and version, got ${shown(entry)}`);
            for (const key of ["name", "path", "version"]) {
                if (entry[key] !== undefined && typeof entry[key] !== "string") throw new UsageError(`${at}.${key} must be a string, got ${shown(entry[key])}`);
            }
            if (!entry.path) return;
            if (!entry.name) throw new UsageError(`${at} has a path but no name: name the provider its folder serves`);
            add(entry.name as string, entry.path as string, at);
        });
    }
    const packages = project.packages;
    if (packages === undefined || packages === null) return found;
    if (!isMapping(packages)) throw new UsageError(`${file}: packages must be a mapping of a name to a source, got ${shown(packages)}`);
    for (const [name, spec] of Object.entries(packages)) {
        const at = `${file} packages.${name}`;
        add(name, packageSource(spec, at), at);
    }
    return found;
}

/** A `packages:` entry's source: the entry itself, or its `source` (with an optional version and parameters). */
function packageSource(spec: unknown, at: string): string {
    if (typeof spec === "string" && spec) return spec;
    if (!isMapping(spec)) throw new UsageError(`${at} must be a source (a path, a URL or a registry name) or a mapping with a source, got ${shown(spec)}`);
    if (typeof spec.source !== "string" || !spec.source) throw new UsageError(`${at}.source must be a non-empty string, got ${shown(spec.source)}`);
    if (spec.version !== undefined && typeof spec.version !== "string") throw new UsageError(`${at}.version must be a string, got ${shown(spec.version)}`);
    const parameters = spec.parameters;
    if (parameters !== undefined && !(Array.isArray(parameters) && parameters.every((p) => typeof p === "string"))) {
        throw new UsageError(`${at}.parameters must be a list of strings, got ${shown(parameters)}`);
    }
    return spec.source;
}

function isMapping(value: unknown): value is Record<string, unknown> {
    return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** A value as the error quotes it (YAML's null and missing values included). */
function shown(value: unknown): string {
    return value === undefined ? "nothing" : JSON.stringify(value);
}

function readManifest(file: string): Record<string, unknown> {
    const parsed = yaml.load(fs.readFileSync(file, "utf8"));
    if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) throw new Error(`${file} must be a YAML mapping`);
    return parsed as Record<string, unknown>;
}

function packageVersion(folder: string): string {
    try {
        const version = (JSON.parse(fs.readFileSync(path.join(folder, "package.json"), "utf8")) as { version?: unknown }).version;
        return typeof version === "string" ? version : "";
    } catch {
        return "";
    }
}

/**
 * How the Pulumi CLI would start the provider in a local package folder. Throws, naming the folder and
 * what is missing, when it could not be started (the component is then reported as not checked).
 */
export function launchFromFolder(name: string, folder: string, declaredIn: string): PluginLaunch {
    if (!fs.existsSync(folder) || !fs.statSync(folder).isDirectory()) throw new Error(`${declaredIn}: ${folder} is not a folder`);
    const binary = path.join(folder, `pulumi-resource-${name}`);
    if (fs.existsSync(binary)) return { label: binary, command: binary, args: [], env: {}, version: "" };
    const manifestFile = ["PulumiPlugin.yaml", "PulumiPlugin.yml"].map((f) => path.join(folder, f)).find((f) => fs.existsSync(f));
    if (!manifestFile) throw new Error(`${declaredIn}: ${folder} has neither pulumi-resource-${name} nor PulumiPlugin.yaml`);
    const runtime = readManifest(manifestFile).runtime;
    const runtimeName = runtime && typeof runtime === "object" ? (runtime as Record<string, unknown>).name : runtime;
    if (runtimeName !== "nodejs") {
        throw new Error(`${manifestFile} declares runtime ${JSON.stringify(runtimeName)}; tierguard starts source-based packages written for Node.js only`);
    }
    let runPlugin: string;
    try {
        runPlugin = require.resolve("@pulumi/pulumi/cmd/run-plugin", { paths: [folder] });
    } catch {
        throw new Error(`${folder} has no @pulumi/pulumi installed (run npm install there, as pulumi install does)`);
    }
    const options = (runtime && typeof runtime === "object" ? (runtime as Record<string, unknown>).options : undefined) as Record<string, unknown> | undefined;
    const env: Record<string, string> = options?.typescript === true ? { PULUMI_NODEJS_TYPESCRIPT: "true" } : {};
    return { label: folder, command: process.execPath, args: [runPlugin, folder], env, version: packageVersion(folder) };
}

/** Orders "1.10.0" after "1.9.2" (prerelease tags after their release's numbers, which is close enough). */
function compareVersions(a: string, b: string): number {
    const parts = (v: string) => v.split(/[.-]/).map((p) => (/^\d+$/.test(p) ? Number(p) : p));
    const x = parts(a);
    const y = parts(b);
    for (let i = 0; i < Math.max(x.length, y.length); i++) {
        if (x[i] === y[i]) continue;
        if (x[i] === undefined) return -1;
        if (y[i] === undefined) return 1;
        if (typeof x[i] === "number" && typeof y[i] === "number") return (x[i] as number) - (y[i] as number);
        return String(x[i]).localeCompare(String(y[i]));
    }
    return 0;
}

/** The installed plugin binary for a package: the version asked for, else the newest installed. */
export function findInstalledPlugin(pkg: string, version: string): PluginLaunch | undefined {
    const dir = pluginsDir();
    let entries: string[];
    try {
        entries = fs.readdirSync(dir);
    } catch {
        return undefined;
    }
    const prefix = `resource-${pkg}-v`;
    const installed = entries
        .filter((entry) => entry.startsWith(prefix) && !entry.endsWith(".lock") && !entry.endsWith(".partial"))
        .map((entry) => ({ version: entry.slice(prefix.length), binary: path.join(dir, entry, `pulumi-resource-${pkg}`) }))
        .filter((candidate) => fs.existsSync(candidate.binary));
    const wanted = version.replace(/^v/, "");
    const chosen = wanted ? installed.find((candidate) => candidate.version === wanted) : installed.sort((a, b) => compareVersions(b.version, a.version))[0];
    return chosen && { label: chosen.binary, command: chosen.binary, args: [], env: {}, version: chosen.version };
}
