/**
 * The `tierguard` command line: its usage text and its options, read with Node's `util.parseArgs`.
 * parseArgs is run without `strict` so that every mistake is reported here, in tierguard's words and
 * naming the argument as it was typed (`unknown option --bogus`, `--mode needs a value`), and so
 * that an option's value may start with a dash, as before (`--timeout -5` is a bad timeout, not a
 * missing one).
 */
import { parseArgs } from "util";
import { DEFAULT_TIMEOUT_SECONDS } from "./check";
import { DEFAULT_MAX_FILE_BYTES, MAX_NESTING_DEPTH, describeBytes } from "./scan/limits";
import { UsageError } from "./program/project";
import { GraphFormat } from "./report/graph";

export const USAGE = `Usage: tierguard check <program-dir> [options]
       tierguard scan <stack-export-or-preview.json | dir>... [--format text|json|sarif|markdown] [--config <file>] [--policy-pack <dir>]

Runs the Pulumi TypeScript/JavaScript program in <program-dir> under tierguard's own small deployment
engine (the program in its own process, through its SDK's runner, as pulumi preview runs it; no cloud,
no backend) and judges every resource with the tierguard policy pack over the engine protocol.

Options:
  --mode preview|update   preview (default): ids and computed outputs of new resources are unknown;
                          update: new resources get known placeholder ids
  --format FORMAT          text (default), json, sarif (code scanning) or markdown (a pull-request comment)
  --graph mermaid|dot     print the stack's network graph instead of the report
  --config <file>         policy config JSON, as for pulumi preview --policy-pack-config
  --policy-pack <dir>     judge with the policy pack in <dir> (a folder the engine could run, e.g.
                          another version of tierguard's) instead of the one tierguard ships
  --stack <name>          read Pulumi.<name>.yaml (default: the only stack file, else "dev")
  -c, --config-value k=v  set a program config value (repeatable), as pulumi config set
  --fail-on-unchecked     exit 1 when a multi-language component's children could not be checked
                          (no provider plugin installed and no model of it in tierguard)
  --timeout <seconds>     stop a program that runs longer (default ${DEFAULT_TIMEOUT_SECONDS}); the report is then incomplete
  -h, --help              this help

scan reads pulumi stack export files and pulumi preview --json output (files, or every .json file in
a directory, following linked folders once, passing over node_modules and dot-folders unless named) and
judges each stack with the same pack; in an export, findings only the recorded outputs carry are drift.
A file it cannot read or judge (over ${describeBytes(DEFAULT_MAX_FILE_BYTES)}, nested over ${MAX_NESTING_DEPTH} levels deep, not a regular file,
an unknown signature, ...: see the README) is named on stderr and the others are still judged.

The program's own output goes to stderr, each line prefixed with [program]; stdout carries only the report.

Exit codes: 0 no mandatory violation, 1 mandatory violations, 2 usage error, the program failed, ended
early or timed out (the report then covers what it registered), or a file could not be scanned (2 wins
over 1).`;

export interface CommandLine {
    command?: string;
    programDir?: string;
    targets: string[];
    mode: "preview" | "update";
    format: "text" | "json" | "sarif" | "markdown";
    configFile?: string;
    stack?: string;
    overrides: string[];
    help: boolean;
    graph?: GraphFormat;
    policyPack?: string;
    timeoutSeconds: number;
    failOnUnchecked: boolean;
}

const OPTIONS = {
    help: { type: "boolean", short: "h" },
    mode: { type: "string" },
    format: { type: "string" },
    config: { type: "string" },
    graph: { type: "string" },
    "policy-pack": { type: "string" },
    "fail-on-unchecked": { type: "boolean" },
    timeout: { type: "string" },
    stack: { type: "string" },
    "config-value": { type: "string", short: "c" },
} as const;

type OptionName = keyof typeof OPTIONS;

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

/** What each option's value does to the command line (values of boolean options are ignored, as `--help=x` always was). */
const APPLY: { [N in OptionName]: (line: CommandLine, value: string) => void } = {
    help: (line) => (line.help = true),
    mode: (line, value) => (line.mode = oneOf("--mode", value, ["preview", "update"] as const)),
    format: (line, value) => (line.format = oneOf("--format", value, ["text", "json", "sarif", "markdown"] as const)),
    config: (line, value) => (line.configFile = value),
    graph: (line, value) => (line.graph = oneOf("--graph", value, ["mermaid", "dot"] as const)),
    "policy-pack": (line, value) => (line.policyPack = value),
    "fail-on-unchecked": (line) => (line.failOnUnchecked = true),
    timeout: (line, value) => (line.timeoutSeconds = seconds(value)),
    stack: (line, value) => (line.stack = value),
    "config-value": (line, value) => line.overrides.push(value),
};

const isOptionName = (name: string): name is OptionName => Object.prototype.hasOwnProperty.call(OPTIONS, name);

/**
 * The command line, or a UsageError naming the first argument that is wrong. Options are taken as
 * typed: a long option with its value after `=` or as the next argument, `-h` and `-c` alone (not
 * grouped, `-c` with its value as the next argument); `--` and `-` are no options of tierguard's.
 */
export function parseCommandLine(argv: string[]): CommandLine {
    const line: CommandLine = {
        mode: "preview",
        format: "text",
        overrides: [],
        help: false,
        targets: [],
        timeoutSeconds: DEFAULT_TIMEOUT_SECONDS,
        failOnUnchecked: false,
    };
    const positional: string[] = [];
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
        APPLY[token.name](line, token.value ?? "");
    }
    [line.command, line.programDir] = positional;
    line.targets = positional.slice(1);
    if (line.command !== "scan" && positional.length > 2) throw new UsageError(`unexpected argument ${positional[2]}`);
    return line;
}
