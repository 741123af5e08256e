/**
 * Finds and configures a Pulumi Node.js program the way the Pulumi CLI does: Pulumi.yaml (name,
 * runtime, main, declared config), Pulumi.<stack>.yaml, `-c key=value` overrides, `secure:` values.
 */
import * as fs from "fs";
import * as path from "path";
import * as yaml from "js-yaml";
import { DeclaredPackage, declaredPackages } from "../engine/components/pluginSources";
import { UsageError } from "../usageError";

export { UsageError };

export interface Project {
    /** The project root: the folder of Pulumi.yaml. */
    dir: string;
    name: string;
    /** Where the program runs from and what the runner loads, as the engine computes them from `main`. */
    programDir: string;
    /** "." (the runner then follows package.json `exports`/`main`, else index), or a file in programDir. */
    entryPoint: string;
    /** `runtime.options` of Pulumi.yaml, as the Node.js language host reads them. */
    options: RuntimeOptions;
    /** Where Pulumi.<stack>.yaml files are (`stackConfigDir`, else the project root). */
    stackConfigDir: string;
    /** Component packages Pulumi.yaml names (`packages:`, `plugins.providers`), for their providers. */
    packages: DeclaredPackage[];
}

export interface RuntimeOptions {
    /** Run TypeScript through the SDK's ts-node (default true). */
    typescript: boolean;
    /** A tsconfig other than tsconfig.json. */
    tsconfig?: string;
    /** Extra arguments for node, split like a shell would. */
    nodeargs?: string;
}

export interface ProgramConfig {
    stack: string;
    /** "project:key" → string value, as the Pulumi runtime takes config. */
    values: Record<string, string>;
    secretKeys: string[];
    /** Secret keys whose value is tierguard's stand-in for an undecryptable `secure:` value, not a secret. */
    standIns: string[];
}

/** Stands in for a `secure:` value, which only the stack's secrets provider could decrypt. */
export const SECRET_PLACEHOLDER = "tierguard-offline-secret";

/** A stand-in of the type Pulumi.yaml declares for the key, so `requireSecretNumber` and the like still work. */
function secretStandIn(declaredType: unknown): string {
    switch (declaredType) {
        case "integer":
            return "1";
        case "boolean":
            return "false";
        case "array":
            return "[]";
        default:
            return SECRET_PLACEHOLDER;
    }
}

/** `[<organization>/][<project>/]<stack>`, as the Pulumi CLI takes --stack. */
export function parseStackName(given: string): { organization?: string; project?: string; stack: string } {
    const parts = given.split("/");
    if (parts.some((part) => part === "") || parts.length > 3) throw new UsageError(`--stack takes [<organization>/][<project>/]<stack>, got "${given}"`);
    if (parts.length === 3) return { organization: parts[0], project: parts[1], stack: parts[2] };
    if (parts.length === 2) return { organization: parts[0], stack: parts[1] };
    return { stack: parts[0] };
}

function readYaml(file: string): Record<string, unknown> {
    let parsed: unknown;
    try {
        parsed = yaml.load(fs.readFileSync(file, "utf8"));
    } catch (error) {
        throw new UsageError(`${file} is not valid YAML: ${(error as Error).message}`);
    }
    if (parsed === undefined || parsed === null) return {};
    if (typeof parsed !== "object" || Array.isArray(parsed)) throw new UsageError(`${file} must be a YAML mapping`);
    return parsed as Record<string, unknown>;
}

/** `runtime: nodejs` or `runtime: { name: nodejs, options: {...} }`, with the option types the language host demands. */
function runtimeOf(runtime: unknown, file: string): { name: string | undefined; options: RuntimeOptions } {
    const options: RuntimeOptions = { typescript: true };
    if (typeof runtime === "string") return { name: runtime, options };
    if (!runtime || typeof runtime !== "object") return { name: undefined, options };
    const spec = runtime as Record<string, unknown>;
    const given = (spec.options ?? {}) as Record<string, unknown>;
    if (typeof given !== "object" || Array.isArray(given)) throw new UsageError(`${file}: runtime.options must be a mapping`);
    if (given.typescript !== undefined) {
        if (typeof given.typescript !== "boolean")
            throw new UsageError(`${file}: runtime.options.typescript must be a boolean, got ${JSON.stringify(given.typescript)}`);
        options.typescript = given.typescript;
    }
    for (const key of ["tsconfig", "nodeargs"] as const) {
        if (given[key] === undefined) continue;
        if (typeof given[key] !== "string") throw new UsageError(`${file}: runtime.options.${key} must be a string, got ${JSON.stringify(given[key])}`);
        options[key] = given[key] as string;
    }
    return { name: typeof spec.name === "string" ? spec.name : undefined, options };
}

/** The engine's rule for `main`: a folder runs as "." from that folder, a file runs by name from its folder. */
function programLocation(root: string, main: unknown, file: string): { programDir: string; entryPoint: string } {
    if (main === undefined || main === null || main === "") return { programDir: root, entryPoint: "." };
    if (typeof main !== "string") throw new UsageError(`${file}: main must be a path, got ${JSON.stringify(main)}`);
    const target = path.resolve(root, main);
    let stat: fs.Stats;
    try {
        stat = fs.statSync(target);
    } catch (error) {
        throw new UsageError(`${file}: project 'main' could not be read: ${(error as Error).message}`);
    }
    return stat.isDirectory() ? { programDir: target, entryPoint: "." } : { programDir: path.dirname(target), entryPoint: path.basename(target) };
}

export function loadProject(programDir: string): Project {
    const dir = path.resolve(programDir);
    if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) throw new UsageError(`${programDir} is not a directory`);
    const projectFile = ["Pulumi.yaml", "Pulumi.yml"].map((f) => path.join(dir, f)).find((f) => fs.existsSync(f));
    if (!projectFile)
        throw new UsageError(`no Pulumi.yaml in ${dir}: tierguard check takes the folder of a Pulumi project (default: the current folder; or give -C DIR)`);
    const project = readYaml(projectFile);
    if (typeof project.name !== "string" || !project.name) throw new UsageError(`${projectFile} has no project name`);
    const runtime = runtimeOf(project.runtime, projectFile);
    if (runtime.name !== "nodejs") {
        throw new UsageError(
            `${projectFile} declares runtime "${runtime.name}"; tierguard check runs Node.js (TypeScript or JavaScript) programs. For other languages use pulumi preview --policy-pack.`,
        );
    }
    const stackConfigDir = typeof project.stackConfigDir === "string" ? path.resolve(dir, project.stackConfigDir) : dir;
    return {
        dir,
        name: project.name,
        ...programLocation(dir, project.main, projectFile),
        options: runtime.options,
        stackConfigDir,
        packages: declaredPackages(project, dir, projectFile),
    };
}

function qualify(key: string, project: string): string {
    return key.includes(":") ? key : `${project}:${key}`;
}

function configString(value: unknown): string {
    return typeof value === "string" ? value : JSON.stringify(value);
}

/**
 * Assembles config as the CLI would: declared defaults from Pulumi.yaml, then Pulumi.<stack>.yaml (or
 * the file given with --config-file, as pulumi's), then `-c` overrides. A key Pulumi.yaml declares without a default must have a value.
 */
export function loadConfig(project: Project, stack: string, overrides: string[], configFile?: string): ProgramConfig {
    if (configFile !== undefined && !(fs.existsSync(configFile) && fs.statSync(configFile).isFile())) {
        throw new UsageError(`--config-file ${configFile}: no such file (the stack's config file, in the shape of Pulumi.<stack>.yaml)`);
    }
    const values: Record<string, string> = {};
    const secretKeys = new Set<string>();
    const standIns = new Set<string>();
    const projectFile = readYaml(["Pulumi.yaml", "Pulumi.yml"].map((f) => path.join(project.dir, f)).find((f) => fs.existsSync(f))!);
    const declared = (projectFile.config ?? {}) as Record<string, unknown>;
    const required: string[] = [];
    const declaredTypes = new Map<string, unknown>();
    for (const [key, spec] of Object.entries(declared)) {
        const full = qualify(key, project.name);
        if (spec && typeof spec === "object" && !Array.isArray(spec)) {
            const s = spec as Record<string, unknown>;
            declaredTypes.set(full, s.type);
            if ("default" in s) values[full] = configString(s.default);
            else if ("value" in s) values[full] = configString(s.value);
            else required.push(full);
            if (s.secret === true) secretKeys.add(full);
        } else {
            values[full] = configString(spec);
        }
    }
    const stackFile = configFile !== undefined ? path.resolve(configFile) : path.join(project.stackConfigDir, `Pulumi.${stack}.yaml`);
    if (fs.existsSync(stackFile)) {
        const stackConfig = (readYaml(stackFile).config ?? {}) as Record<string, unknown>;
        for (const [key, value] of Object.entries(stackConfig)) {
            const full = qualify(key, project.name);
            if (value && typeof value === "object" && !Array.isArray(value) && "secure" in (value as object)) {
                values[full] = secretStandIn(declaredTypes.get(full));
                secretKeys.add(full);
                standIns.add(full);
            } else {
                values[full] = configString(value);
            }
        }
    }
    for (const override of overrides) {
        const eq = override.indexOf("=");
        if (eq <= 0) throw new UsageError(`-c takes key=value, got "${override}"`);
        const key = qualify(override.slice(0, eq), project.name);
        values[key] = override.slice(eq + 1);
        standIns.delete(key);
    }
    const missing = required.filter((key) => !(key in values));
    if (missing.length > 0) {
        throw new UsageError(
            `stack "${stack}" is missing configuration value${missing.length > 1 ? "s" : ""} ${missing.map((k) => `"${k}"`).join(", ")} ` +
                `(declared in Pulumi.yaml without a default): set it in ${configFile ?? `Pulumi.${stack}.yaml`} or pass -c ${missing[0].split(":").pop()}=VALUE`,
        );
    }
    return { stack, values, secretKeys: [...secretKeys], standIns: [...standIns] };
}
