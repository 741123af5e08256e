/**
 * Finds and configures a Pulumi Node.js program the way the Pulumi CLI does: Pulumi.yaml (name,
 * runtime, main, declared config), Pulumi.<stack>.yaml, `-c key=value` overrides, `secure:` values.
 */
import * as fs from "fs";
import * as path from "path";
import * as yaml from "js-yaml";

/** A problem with the command line or the program's files: exit code 2, message shown as is. */
export class UsageError extends Error {}

export interface Project {
    dir: string;
    name: string;
    /** The file `require` starts the program from. */
    entry: string;
    typescript: boolean;
}

export interface ProgramConfig {
    stack: string;
    /** "project:key" → string value, as the Pulumi runtime takes config. */
    values: Record<string, string>;
    secretKeys: string[];
}

/** Stands in for a `secure:` value, which only the stack's secrets provider could decrypt. */
export const SECRET_PLACEHOLDER = "tierguard-offline-secret";

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

function runtimeName(runtime: unknown): string | undefined {
    if (typeof runtime === "string") return runtime;
    if (runtime && typeof runtime === "object") return String((runtime as Record<string, unknown>).name);
    return undefined;
}

function resolveEntry(dir: string): string {
    const pkgFile = path.join(dir, "package.json");
    if (fs.existsSync(pkgFile)) {
        const main = JSON.parse(fs.readFileSync(pkgFile, "utf8")).main;
        if (typeof main === "string") {
            const candidates = [main, `${main}.ts`, `${main}.js`, path.join(main, "index.ts"), path.join(main, "index.js")].map((m) => path.resolve(dir, m));
            const found = candidates.find((c) => fs.existsSync(c) && fs.statSync(c).isFile());
            if (found) return found;
            throw new UsageError(`package.json main "${main}" in ${dir} does not exist`);
        }
    }
    for (const name of ["index.ts", "index.js"]) {
        if (fs.existsSync(path.join(dir, name))) return path.join(dir, name);
    }
    throw new UsageError(`no program entry in ${dir}: expected package.json "main", index.ts or index.js`);
}

export function loadProject(programDir: string): Project {
    const dir = path.resolve(programDir);
    if (!fs.existsSync(dir) || !fs.statSync(dir).isDirectory()) throw new UsageError(`${programDir} is not a directory`);
    const projectFile = ["Pulumi.yaml", "Pulumi.yml"].map((f) => path.join(dir, f)).find((f) => fs.existsSync(f));
    if (!projectFile) throw new UsageError(`no Pulumi.yaml in ${dir}: tierguard check takes the folder of a Pulumi project`);
    const project = readYaml(projectFile);
    if (typeof project.name !== "string" || !project.name) throw new UsageError(`${projectFile} has no project name`);
    const runtime = runtimeName(project.runtime);
    if (runtime !== "nodejs") {
        throw new UsageError(`${projectFile} declares runtime "${runtime}"; tierguard check runs Node.js (TypeScript or JavaScript) programs. For other languages use pulumi preview --policy-pack.`);
    }
    const mainDir = typeof project.main === "string" ? path.resolve(dir, project.main) : dir;
    const entry = fs.existsSync(mainDir) && fs.statSync(mainDir).isFile() ? mainDir : resolveEntry(mainDir);
    return { dir, name: project.name, entry, typescript: entry.endsWith(".ts") };
}

function qualify(key: string, project: string): string {
    return key.includes(":") ? key : `${project}:${key}`;
}

function configString(value: unknown): string {
    return typeof value === "string" ? value : JSON.stringify(value);
}

/**
 * Assembles config as the CLI would: declared defaults from Pulumi.yaml, then Pulumi.<stack>.yaml,
 * then `-c` overrides. A key Pulumi.yaml declares without a default must have a value.
 */
export function loadConfig(project: Project, stack: string, overrides: string[]): ProgramConfig {
    const values: Record<string, string> = {};
    const secretKeys = new Set<string>();
    const projectFile = readYaml(["Pulumi.yaml", "Pulumi.yml"].map((f) => path.join(project.dir, f)).find((f) => fs.existsSync(f))!);
    const declared = (projectFile.config ?? {}) as Record<string, unknown>;
    const required: string[] = [];
    for (const [key, spec] of Object.entries(declared)) {
        const full = qualify(key, project.name);
        if (spec && typeof spec === "object" && !Array.isArray(spec)) {
            const s = spec as Record<string, unknown>;
            if ("default" in s) values[full] = configString(s.default);
            else if ("value" in s) values[full] = configString(s.value);
            else required.push(full);
            if (s.secret === true) secretKeys.add(full);
        } else {
            values[full] = configString(spec);
        }
    }
    const stackFile = path.join(project.dir, `Pulumi.${stack}.yaml`);
    if (fs.existsSync(stackFile)) {
        const stackConfig = (readYaml(stackFile).config ?? {}) as Record<string, unknown>;
        for (const [key, value] of Object.entries(stackConfig)) {
            const full = qualify(key, project.name);
            if (value && typeof value === "object" && !Array.isArray(value) && "secure" in (value as object)) {
                values[full] = SECRET_PLACEHOLDER;
                secretKeys.add(full);
            } else {
                values[full] = configString(value);
            }
        }
    }
    for (const override of overrides) {
        const eq = override.indexOf("=");
        if (eq <= 0) throw new UsageError(`-c takes key=value, got "${override}"`);
        values[qualify(override.slice(0, eq), project.name)] = override.slice(eq + 1);
    }
    const missing = required.filter((key) => !(key in values));
    if (missing.length > 0) {
        throw new UsageError(
            `stack "${stack}" is missing configuration value${missing.length > 1 ? "s" : ""} ${missing.map((k) => `"${k}"`).join(", ")} ` +
                `(declared in Pulumi.yaml without a default): set it in Pulumi.${stack}.yaml or pass -c ${missing[0].split(":").pop()}=VALUE`,
        );
    }
    return { stack, values, secretKeys: [...secretKeys] };
}
