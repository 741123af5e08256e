#!/usr/bin/env node
/**
 * The `tierguard` command. Exit codes: 0 no mandatory violation, 1 mandatory violations (or, with
 * --fail-on-unchecked, a component not checked), 2 a usage error, a program that did not complete,
 * or a file scan could not judge (2 wins over 1).
 */
import * as fs from "fs";
import * as v8 from "v8";
import { STACK_TYPE } from "./engine/capturedStack";
import { check } from "./check";
import { CommandLine, parseCommandLine, usageOf } from "./commandLine";
import { readPolicyConfig } from "./policyConfig";
import { scan, scanJson } from "./scan/scan";
import { SECRET_PLACEHOLDER, UsageError } from "./program/project";
import { PackFailure } from "./engine/packProcess";
import { jsonReport } from "./report/json";
import { CheckReport } from "./report/checkReport";
import { summaryOf } from "./report/summary";
import { describeOffline, incompleteReason } from "./report/runNotes";
import { textReport } from "./report/text";
import { sarifReport } from "./report/sarif";
import { MARKDOWN_BUDGET, markdownReport } from "./report/markdown";
import { renderGraph } from "./report/graph";
import { terminalText } from "./report/escape";

function progress(count: number): void {
    if (count % 20 === 0) process.stderr.write(`\rtierguard: ${count} resources registered`);
}

/** A usage error, and where to read the usage: the command's help, else the overview. */
function usageError(message: string, argv: string[]): number {
    const command = argv.find((a) => a === "check" || a === "scan");
    console.error(`tierguard: ${terminalText(message)}\nRun "tierguard ${command ? `${command} ` : ""}--help" for usage.`);
    return 2;
}

export async function main(argv: string[]): Promise<number> {
    let args: CommandLine;
    try {
        args = parseCommandLine(argv);
    } catch (error) {
        return usageError((error as Error).message, argv);
    }
    const known = args.command === undefined || args.command === "check" || args.command === "scan";
    if (!known) return usageError(`unknown command "${args.command}" (tierguard has check and scan)`, argv);
    if (args.help) {
        console.log(usageOf(args.command));
        return 0;
    }
    if (args.version) {
        console.log(require("../../package.json").version);
        return 0;
    }
    if (args.command === undefined) {
        console.error(usageOf());
        return 2;
    }
    if (args.cwd !== undefined) {
        // -C: as if started there (as git -C and make -C), so every relative path and the report's own resolve against it.
        if (!fs.existsSync(args.cwd) || !fs.statSync(args.cwd).isDirectory())
            return usageError(`${argv.includes("-C") ? "-C" : "--cwd"} ${args.cwd}: not a directory`, argv);
        process.chdir(args.cwd);
    }
    if (args.command === "scan") return runScan(args, argv);
    // check's own process holds little (the resources' inputs) but decodes every registration; V8's
    // memory-saving mode halves its peak beside a large program (measured: 190 → 110 MiB at 3,000 groups).
    if (require.main === module) v8.setFlagsFromString("--optimize-for-size");
    const showProgress = process.stderr.isTTY === true;
    try {
        const report = await check({
            programDir: args.programDir ?? ".",
            mode: args.mode,
            configFile: args.policyPackConfig,
            stackConfigFile: args.stackConfigFile,
            stack: args.stack,
            overrides: args.overrides,
            policyPack: args.policyPack,
            timeoutSeconds: args.timeoutSeconds,
            output: (line) => {
                if (showProgress) process.stderr.write("\r\x1b[K");
                process.stderr.write(`${line}\n`);
            },
            onResource: showProgress ? progress : undefined,
        });
        if (showProgress) process.stderr.write("\r\x1b[K");
        const formats = {
            json: () => jsonReport(report),
            sarif: () => sarifReport([report], { failOnUnchecked: args.failOnUnchecked }),
            markdown: () => markdownReport([report], [renderGraph(report, "mermaid")]),
            text: () => textReport(report),
        };
        console.log(args.graph ? renderGraph(report, args.graph) : formats[args.format]());
        if (report.outcome.status !== "completed") {
            console.error(programProblem(report));
            return 2;
        }
        if (args.failOnUnchecked && report.unchecked.length > 0) {
            console.error(
                `tierguard: ${report.unchecked.length} multi-language component${report.unchecked.length === 1 ? " was" : "s were"} not checked (--fail-on-unchecked): ${report.unchecked.map((u) => `${terminalText(u.name)} (${terminalText(u.type)})`).join(", ")}`,
            );
            return 1;
        }
        return summaryOf(report).mandatory > 0 ? 1 : 0;
    } catch (error) {
        if (showProgress) process.stderr.write("\r\x1b[K");
        console.error(`tierguard: ${errorText(error)}`);
        return 2;
    }
}

/**
 * An error for stderr: the message of an error tierguard expects (it may quote a policy pack's
 * output), else the stack; control characters visible, lines after the first indented.
 */
function errorText(error: unknown): string {
    const text =
        error instanceof UsageError || error instanceof PackFailure ? error.message : error instanceof Error ? (error.stack ?? error.message) : String(error);
    return terminalText(text, { multiline: true }).replace(/\n/g, "\n  ");
}

/** The program's own text (its error, its last output), indented under tierguard's line about it, control characters visible. */
function indented(text: string): string {
    return terminalText(text, { multiline: true }).replace(/^/gm, "  ");
}

/** What went wrong with the program, in its own words, and what was answered offline (often the cause). */
function programProblem(report: CheckReport): string {
    const lines = [`tierguard: INCOMPLETE: ${incompleteReason(report.outcome)}.`];
    if (report.outcome.status === "failed") {
        lines.push("The program's error:", ...report.outcome.errors.map(indented));
        const missing = [
            ...new Set(report.outcome.errors.flatMap((e) => [...e.matchAll(/Missing required configuration variable '([^']+)'/g)].map((m) => m[1]))),
        ];
        if (missing.length > 0) {
            lines.push(
                `Give it with ${missing.map((key) => `-c ${terminalText(key)}=VALUE`).join(" ")} (or in Pulumi.${terminalText(report.stack)}.yaml); nothing is deployed, so a secret may be any placeholder.`,
            );
        }
        if (report.outcome.errors.some((e) => e.includes("No AWS region has been configured"))) {
            lines.push(
                `The program asks for aws:region: give it with -c aws:region=us-east-1 (or in Pulumi.${terminalText(report.stack)}.yaml, or AWS_REGION); nothing is deployed, so any region will do.`,
            );
        }
        if (report.outcome.errors.some((e) => e.includes(SECRET_PLACEHOLDER))) {
            const keys = [...new Set(report.outcome.errors.flatMap((e) => [...e.matchAll(/Configuration '([^']+)' value/g)].map((m) => m[1])))];
            lines.push(
                `A secure config value cannot be decrypted offline, so it was stood in for by "${SECRET_PLACEHOLDER}"` +
                    (keys.length > 0
                        ? `, which ${keys.map((key) => terminalText(key)).join(", ")} cannot take: give a stand-in with ${keys.map((key) => `-c ${terminalText(key)}=VALUE`).join(" ")}.`
                        : `: give stand-ins the program accepts with -c key=VALUE.`),
            );
        }
    }
    if (report.outcome.status === "ended early" && report.outcome.output) lines.push("The program's last output:", indented(report.outcome.output));
    if (report.outcome.status === "timed out" || report.outcome.status === "ended early") {
        const registered = report.capture.resources.filter((r) => r.type !== STACK_TYPE);
        const last = registered[registered.length - 1];
        lines.push(
            `${registered.length} resource${registered.length === 1 ? " was" : "s were"} registered${last ? `, the last ${terminalText(last.type)} "${terminalText(last.name)}"` : ""}; the report above judges ${registered.length === 1 ? "it" : "them"}.`,
        );
    }
    if (report.offline.length > 0) {
        lines.push("Answered offline, without the cloud (a program that fails on one of these usually fails because of it):");
        for (const answer of report.offline) lines.push(`  ${terminalText(describeOffline(answer))}`);
    }
    return lines.join("\n");
}

async function runScan(args: CommandLine, argv: string[]): Promise<number> {
    if (args.targets.length === 0)
        return usageError("tierguard scan takes at least one stack file (pulumi stack export, pulumi preview --json) or folder", argv);
    try {
        // Each stack's graph is drawn once it is judged, and only its text kept: for --graph, and for Markdown's
        // Mermaid graphs while they together fit the comment (beyond that the comment leaves them out).
        const graphs = args.graph ? { format: args.graph } : args.format === "markdown" ? { format: "mermaid" as const, budget: MARKDOWN_BUDGET } : undefined;
        const result = await scan(args.targets, readPolicyConfig(args.policyPackConfig), {
            policyPack: args.policyPack,
            configFile: args.policyPackConfig,
            jobs: args.jobs,
            graphs,
        });
        if (args.graph) console.log(result.reports.map((r) => r.graph).join("\n\n"));
        else if (args.format === "json") console.log(scanJson(result));
        else if (args.format === "sarif") console.log(sarifReport(result.reports, { scanProblems: result }));
        else if (args.format === "markdown")
            console.log(
                markdownReport(
                    result.reports,
                    result.reports.map((r) => r.graph ?? ""),
                    result,
                    { graphsOverBudget: result.graphsOverBudget },
                ),
            );
        else console.log(result.reports.map((r) => textReport(r, "scan")).join("\n\n"));
        for (const skipped of result.skipped) console.error(`tierguard: skipped ${terminalText(skipped.path)}: ${terminalText(skipped.reason)}`);
        for (const error of result.errors) console.error(`tierguard: could not scan ${terminalText(error.message)}`);
        if (result.errors.length > 0) return 2;
        return result.reports.some((r) => summaryOf(r).mandatory > 0) ? 1 : 0;
    } catch (error) {
        console.error(`tierguard: ${errorText(error)}`);
        return 2;
    }
}

if (require.main === module) {
    // Exit once stderr and stdout have drained: on a pipe their writes are asynchronous, and neither the
    // report nor the program's last words (after megabytes of its output) may be cut short.
    const exit = (code: number) => process.stderr.write("", () => process.stdout.write("", () => process.exit(code)));
    main(process.argv.slice(2)).then(exit, (error) => {
        console.error(error);
        exit(2);
    });
}
