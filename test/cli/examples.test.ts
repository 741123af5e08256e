/**
 * The example programs are real Pulumi programs: they type-check as `pulumi preview` (ts-node) would demand.
 * An example policy pack (a PulumiPolicy.yaml) imports `tierguard/policies` as an installed package, which
 * only resolves once installed: test/engine/orgPack.test.ts lays it out that way, starts it and type-checks it.
 *
 * Each example is checked as `tsc -p examples/<name> --noEmit` checks it (its own tsconfig.json, every
 * diagnostic tsc would print), by the TypeScript compiler's API in this process, with one compiler host
 * for all examples: a file both import (the whole of @pulumi/aws's declarations) is parsed once, for the
 * same parse options, instead of once per example.
 */
import * as fs from "fs";
import * as path from "path";
import * as ts from "typescript";
import { ROOT } from "./run";

const examples = fs
    .readdirSync(path.join(ROOT, "examples"), { withFileTypes: true })
    .filter((e) => e.isDirectory() && fs.existsSync(path.join(ROOT, "examples", e.name, "tsconfig.json")))
    .filter((e) => !fs.existsSync(path.join(ROOT, "examples", e.name, "PulumiPolicy.yaml")))
    .map((e) => e.name);

/** Parsed files, keyed by name and by everything that decides how a file is parsed. */
const parsed = new Map<string, ts.SourceFile | undefined>();
const host = ts.createCompilerHost({});
const getSourceFile = host.getSourceFile.bind(host);
host.getSourceFile = (fileName, languageVersionOrOptions, onError, shouldCreateNewSourceFile) => {
    const options = typeof languageVersionOrOptions === "object" ? languageVersionOrOptions : { languageVersion: languageVersionOrOptions };
    const key = JSON.stringify([
        fileName,
        options.languageVersion,
        options.impliedNodeFormat,
        options.jsDocParsingMode,
        String(options.setExternalModuleIndicator),
    ]);
    if (shouldCreateNewSourceFile || !parsed.has(key)) parsed.set(key, getSourceFile(fileName, languageVersionOrOptions, onError, shouldCreateNewSourceFile));
    return parsed.get(key);
};

/** What `tsc -p <dir> --noEmit` prints. */
function typeCheck(dir: string): string {
    const unrecoverable: ts.Diagnostic[] = [];
    const config = ts.getParsedCommandLineOfConfigFile(
        path.join(dir, "tsconfig.json"),
        { noEmit: true },
        { ...ts.sys, onUnRecoverableConfigFileDiagnostic: (d) => unrecoverable.push(d) },
    );
    if (!config) return ts.formatDiagnostics(unrecoverable, formatHost);
    const program = ts.createProgram({
        rootNames: config.fileNames,
        options: config.options,
        projectReferences: config.projectReferences,
        configFileParsingDiagnostics: ts.getConfigFileParsingDiagnostics(config),
        host,
    });
    return ts.formatDiagnostics([...unrecoverable, ...ts.getPreEmitDiagnostics(program)], formatHost);
}
const formatHost: ts.FormatDiagnosticsHost = {
    getCanonicalFileName: (f) => f,
    getCurrentDirectory: () => ROOT,
    getNewLine: () => "\n",
};

it("has examples", () => expect(examples.length).toBeGreaterThan(0));

it.each(examples)("examples/%s type-checks", (name) => {
    expect(typeCheck(path.join(ROOT, "examples", name))).toBe("");
});
