/**
 * Lets `require` load a program's TypeScript files: transpiled one file at a time, never
 * type-checked (as the issue and a fast check want; type errors are the compiler's job).
 */

import * as fs from "fs";

let installed = false;

export function enableTypeScript(): void {
    if (installed) return;
    installed = true;
    // Loaded only when a TypeScript program is run.
    const ts = require("typescript") as typeof import("typescript");
    const extensions = require.extensions as NodeJS.RequireExtensions;
    extensions[".ts"] = (module, filename) => {
        const source = fs.readFileSync(filename, "utf8");
        const output = ts.transpileModule(source, {
            fileName: filename,
            compilerOptions: {
                module: ts.ModuleKind.CommonJS,
                target: ts.ScriptTarget.ES2020,
                esModuleInterop: true,
                inlineSourceMap: true,
                inlineSources: false,
            },
            reportDiagnostics: false,
        });
        (module as unknown as { _compile(code: string, file: string): void })._compile(output.outputText, filename);
    };
}
