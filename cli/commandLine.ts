/**
 * The `tierguard` command line: its usage text and its options, read with Node's `util.parseArgs`.
 * parseArgs is run without `strict` so that every mistake is reported here, in tierguard's words and
 * naming the argument as it was typed (`unknown option --bogus`, `--mode needs a value`), and so
 * that an option's value may start with a dash, as before (`--timeout -5` is a bad timeout, not a
 * missing one).
 */
import * as fs from "fs";
import { parseArgs } from "util";
import { DEFAULT_TIMEOUT_SECONDS } from "./check";
import { DEFAULT_MAX_FILE_BYTES, MAX_JOBS, MAX_NESTING_DEPTH, describeBytes } from "./scan/limits";
import { UsageError } from "./program/project";
import { GraphFormat } from "./report/graph";

const OVERVIEW = `Usage: tierguard check [program-dir] [options]
       tierguard scan <stack-export-or-preview.json | dir>... [options]
       tierguard --version | --help | <command> --help

Commands:
  check   run a Pulumi TypeScript/JavaScript program under tierguard's own small deployment engine
          (no cloud, no backend) and judge every resource with the tierguard policy pack
  scan    judge pulumi stack export files and pulumi preview --json output with the same pack

Options take the spellings of the pulumi CLI: -c/--config key=value is program config, -s/--stack the
stack, -C/--cwd the folder to run in, --policy-pack-config FILE the policy config.
Run "tierguard check --help" or "tierguard scan --help" for a command's options.

Exit codes: 0 no mandatory violation, 1 mandatory violations, 2 usage error, a program that failed,
ended early or timed out, or a file that could not be scanned (2 wins over 1).`;

const COMMON_OPTIONS = `  --format FORMAT             text (default), json, sarif (code scanning) or markdown (a pull-request comment)
  --json                      the same as --format json
  --graph mermaid|dot         print the stack's network graph instead of the report (not with --format, --json)
  --policy-pack-config FILE   policy config JSON, as for pulumi preview --policy-pack-config
  --policy-pack DIR           judge with the policy pack in DIR (a folder the engine could run, e.g.
                              another version of tierguard's) instead of the one tierguard ships
  -C, --cwd DIR               run as if tierguard were started in DIR: relative paths resolve against it
  --version                   print tierguard's version
  -h, --help                  this help`;

const CHECK_USAGE = `Usage: tierguard check [program-dir] [options]

Runs the Pulumi TypeScript/JavaScript program in program-dir (default: the current folder) under
tierguard's own small deployment engine (the program in its own process, through its SDK's runner, as
pulumi preview runs it; no cloud, no backend) and judges every resource with the tierguard policy pack
over the engine protocol.

Options:
  -c, --config key=value      set a program config value (repeatable), as pulumi preview -c
  --config-file FILE          the stack's config file, read instead of Pulumi.<stack>.yaml (as pulumi's)
  -s, --stack NAME            the stack, [organization/][project/]NAME: reads Pulumi.NAME.yaml
                              (default: the only stack file, else "dev")
  --mode preview|update       preview (default): ids and computed outputs of new resources are unknown;
                              update: new resources get known placeholder ids
  --timeout SECONDS           stop a program that runs longer (default ${DEFAULT_TIMEOUT_SECONDS}); the report is then incomplete
  --fail-on-unchecked         exit 1 when a multi-language component's children could not be checked
                              (no provider plugin installed and no model of it in tierguard)
${COMMON_OPTIONS}

The program's own output goes to stderr, each line prefixed with [program]; stdout carries only the report.

Exit codes: 0 no mandatory violation, 1 mandatory violations (or, with --fail-on-unchecked, a component
not checked), 2 usage error, or the program failed, ended early or timed out (the report then covers
what it registered; 2 wins over 1).`;

const SCAN_USAGE = `Usage: tierguard scan <stack-export-or-preview.json | dir>... [options]

Reads pulumi stack export files and pulumi preview --json output (files, or every .json file in a
directory, following linked folders once, passing over node_modules and dot-folders unless named) and
judges each stack with the tierguard policy pack; in an export, findings only the recorded outputs carry
are drift. A file it cannot read or judge (over ${describeBytes(DEFAULT_MAX_FILE_BYTES)}, nested over ${MAX_NESTING_DEPTH} levels deep, not a regular
file, an unknown signature, ...: see the README) is named on stderr and the others are still judged.

Options:
  --jobs N                    judge up to N stacks at once, each with a policy pack process of its own
                              (default: the machine's cores, at most one per MiB of stack files);
                              --jobs 1 judges them one after another.
                              Reports list the stacks in file order, with the same verdicts, whatever N is
${COMMON_OPTIONS}

scan runs no program: the options of check that configure one (-c/--config, --config-file, -s/--stack,
--mode, --timeout, --fail-on-unchecked) do not apply and are refused.

Exit codes: 0 no mandatory violation, 1 mandatory violations, 2 usage error or a file that could not be
scanned (2 wins over 1).`;

/** The help of a command, or the overview of tierguard's commands. */
export function usageOf(command?: string): string {
    return command === "check" ? CHECK_USAGE : command === "scan" ? SCAN_USAGE : OVERVIEW;
}

export interface CommandLine {
    command?: string;
    /** check's program folder: the one given, else "." (the current folder, or -C's). */
    programDir?: string;
    /** scan's files and folders. */
    targets: string[];
    mode: "preview" | "update";
    format: "text" | "json" | "sarif" | "markdown";
    /** --policy-pack-config FILE. */
    policyPackConfig?: string;
    /** --config-file FILE: the stack's config file. */
    stackConfigFile?: string;
    stack?: string;
    /** -c/--config key=value, in order. */
    overrides: string[];
    /** -C/--cwd DIR. */
    cwd?: string;
    help: boolean;
    version: boolean;
    graph?: GraphFormat;
    policyPack?: string;
    timeoutSeconds: number;
    failOnUnchecked: boolean;
    /** scan's --jobs N: stacks judged at once (undefined: one per core, at most one per MiB of stack files). */
    jobs?: number;
}

const OPTIONS = {
    help: { type: "boolean", short: "h" },
    version: { type: "boolean" },
    mode: { type: "string" },
    format: { type: "string" },
    json: { type: "boolean" },
    graph: { type: "string" },
    config: { type: "string", short: "c" },
    "config-file": { type: "string" },
    stack: { type: "string", short: "s" },
    cwd: { type: "string", short: "C" },
    "policy-pack-config": { type: "string" },
    "policy-pack": { type: "string" },
    "fail-on-unchecked": { type: "boolean" },
    timeout: { type: "string" },
    jobs: { type: "string" },
} as const;

type OptionName = keyof typeof OPTIONS;

/** Options only check takes, and why scan refuses them. */
const CHECK_ONLY: Partial<Record<OptionName, string>> = {
    mode: "scan judges recorded stacks: no program runs, so there is no preview or update",
    timeout: "scan runs no program",
    config: "program config: scan runs no program",
    "config-file": "scan reads each stack from its file",
    stack: "scan reads each stack from its file",
    "fail-on-unchecked": "a recorded stack holds its components' children, so scan leaves none unchecked",
};

/** Options only scan takes, and why check refuses them. */
const SCAN_ONLY: Partial<Record<OptionName, string>> = {
    jobs: "check judges the one stack its program registers, with one pack, which starts while the program runs",
};

/** The most stacks one scan judges at once: each job is a pack process of its own (100-400 MiB). */

function jobCount(typed: string, text: string): number {
    if (!/^\d+$/.test(text.trim()) || Number(text) < 1 || Number(text) > MAX_JOBS) {
        throw new UsageError(`${typed} takes a whole number of stacks to judge at once, from 1 to ${MAX_JOBS}, got "${text}"`);
    }
    return Number(text);
}

/** The longest time a Node.js timer can wait. */
const MAX_TIMEOUT_SECONDS = 2_147_483;

/** One of a few words, else an error naming the option and the words it takes ("preview or update"). */
function oneOf<T extends string>(option: string, value: string, words: readonly T[]): T {
    if ((words as readonly string[]).includes(value)) return value as T;
    throw new UsageError(`${option} must be ${words.slice(0, -1).join(", ")} or ${words[words.length - 1]}, got "${value}"`);
}

function seconds(text: string): number {
    const value = Number(text);
    if (!/^\d+(\.\d+)?$/.test(text.trim()) || !(value > 0) || value > MAX_TIMEOUT_SECONDS) {
        throw new UsageError(`--timeout takes a number of seconds greater than 0 and at most ${MAX_TIMEOUT_SECONDS} (about 24 days), got "${text}"`);
    }
    return value;
}

/**
 * `-c/--config key=value`. The option took the policy config file before 0.x's pulumi spellings: a value
 * that is no key=value (a file name, say) is refused naming the option that takes the file now.
 */
function programConfig(typed: string, value: string): string {
    if (value.indexOf("=") > 0) return value;
    const option = typed.startsWith("--") ? "--config" : "-c";
    const fileLike = /\.(json|ya?ml)$/i.test(value) || fs.existsSync(value);
    throw new UsageError(
        fileLike
            ? `${option} takes key=value (program config, as in pulumi), got "${value}": for a policy config file use --policy-pack-config ${value}`
            : `${option} takes key=value (program config, as in pulumi), got "${value}" (a policy config file goes to --policy-pack-config FILE)`,
    );
}

/** What each option's value does to the command line (values of boolean options are ignored, as `--help=x` always was). */
const APPLY: { [N in OptionName]: (line: CommandLine, value: string, typed: string) => void } = {
    help: (line) => (line.help = true),
    version: (line) => (line.version = true),
    mode: (line, value) => (line.mode = oneOf("--mode", value, ["preview", "update"] as const)),
    format: (line, value) => (line.format = oneOf("--format", value, ["text", "json", "sarif", "markdown"] as const)),
    json: (line) => (line.format = "json"),
    graph: (line, value) => (line.graph = oneOf("--graph", value, ["mermaid", "dot"] as const)),
    config: (line, value, typed) => line.overrides.push(programConfig(typed, value)),
    "config-file": (line, value) => (line.stackConfigFile = value),
    stack: (line, value) => (line.stack = value),
    cwd: (line, value) => (line.cwd = value),
    "policy-pack-config": (line, value) => (line.policyPackConfig = value),
    "policy-pack": (line, value) => (line.policyPack = value),
    "fail-on-unchecked": (line) => (line.failOnUnchecked = true),
    timeout: (line, value) => (line.timeoutSeconds = seconds(value)),
    jobs: (line, value, typed) => (line.jobs = jobCount(optionAsTyped(typed), value)),
};

const isOptionName = (name: string): name is OptionName => Object.prototype.hasOwnProperty.call(OPTIONS, name);

/** An option as the user typed it, without its value: `--format`, `-c`. */
const optionAsTyped = (typed: string): string => (typed.startsWith("--") ? typed.replace(/=.*$/s, "") : typed);

/**
 * The command line, or a UsageError naming the first argument that is wrong. Options are taken as
 * typed: a long option with its value after `=` or as the next argument, `-h`, `-c`, `-s` and `-C`
 * alone (not grouped; a value as the next argument); `--` and `-` are no options of tierguard's. An
 * option that does not apply to the command, or two that contradict each other, are refused by name
 * (unless help or the version is asked for, which wins).
 */
export function parseCommandLine(argv: string[]): CommandLine {
    const line: CommandLine = {
        mode: "preview",
        format: "text",
        overrides: [],
        help: false,
        version: false,
        targets: [],
        timeoutSeconds: DEFAULT_TIMEOUT_SECONDS,
        failOnUnchecked: false,
    };
    const positional: string[] = [];
    /** Each option given, first as typed. */
    const given = new Map<OptionName, string>();
    const formats: Array<{ typed: string; format: string }> = [];
    const { tokens } = parseArgs({ args: argv, options: OPTIONS, strict: false, allowPositionals: true, tokens: true });
    for (const token of tokens) {
        const typed = argv[token.index];
        if (token.kind === "positional" && !typed.startsWith("-")) {
            positional.push(token.value);
            continue;
        }
        const asTyped = token.kind === "option" && (typed === token.rawName || (typed.startsWith("--") && typed.startsWith(`${token.rawName}=`)));
        if (token.kind !== "option" || !asTyped || !isOptionName(token.name)) throw new UsageError(`unknown option ${typed}`);
        if (OPTIONS[token.name].type === "string" && token.value === undefined) throw new UsageError(`${typed} needs a value`);
        APPLY[token.name](line, token.value ?? "", typed);
        if (!given.has(token.name)) given.set(token.name, optionAsTyped(typed));
        if (token.name === "format") formats.push({ typed: `${optionAsTyped(typed)} ${token.value}`, format: token.value ?? "" });
        if (token.name === "json") formats.push({ typed: optionAsTyped(typed), format: "json" });
    }
    line.command = positional[0];
    if (line.command === "scan") line.targets = positional.slice(1);
    else {
        line.programDir = positional[1] ?? ".";
        if (positional.length > 2) throw new UsageError(`unexpected argument ${positional[2]}`);
    }
    if (line.help || line.version || (line.command !== "check" && line.command !== "scan")) return line;
    for (const [name, typed] of given) {
        const why = line.command === "scan" ? CHECK_ONLY[name] : SCAN_ONLY[name];
        const other = line.command === "scan" ? "check" : "scan";
        if (why) throw new UsageError(`${typed} does not apply to tierguard ${line.command} (${why}); it is an option of tierguard ${other}`);
    }
    const json = formats.find((f) => !f.typed.includes(" "));
    const other = formats.find((f) => f.format !== "json");
    if (json && other) throw new UsageError(`${json.typed} does not combine with ${other.typed}: ${json.typed} is --format json`);
    if (line.graph && formats.length > 0) {
        throw new UsageError(`${given.get("graph")} ${line.graph} prints the network graph instead of a report: it does not combine with ${formats[0].typed}`);
    }
    return line;
}
