/**
 * Node.js module hooks for ES-module programs, registered by the program preload when needed:
 * - TypeScript, when the program's SDK would not register ts-node's loader: `.ts`/`.mts` files are
 *   transpiled (never type-checked) with the program's own TypeScript, and `./vpc.js` resolves to
 *   vpc.ts when only the TypeScript file exists;
 * - a program whose dependencies are not installed: bare imports (`@pulumi/aws`) tierguard has
 *   resolve from tierguard's own node_modules (NODE_PATH does the same for CommonJS).
 */
import * as fs from "fs";
import * as path from "path";
import { fileURLToPath, pathToFileURL } from "url";

type Resolve = (specifier: string, context: unknown) => Promise<{ url: string; format?: string }>;
type Load = (url: string, context: unknown) => Promise<{ format?: string; source?: string | Buffer; shortCircuit?: boolean }>;

export interface HooksData {
    /** The TypeScript to transpile with; absent: TypeScript files are left to other loaders. */
    typescript?: string;
    /** A file beside the node_modules folder bare imports fall back to. */
    fallbackParent?: string;
}

let data: HooksData = {};

export async function initialize(given: HooksData | undefined): Promise<void> {
    data = given ?? {};
}

const TS_FOR_JS: Record<string, string[]> = { ".js": [".ts", ".tsx"], ".jsx": [".tsx"], ".mjs": [".mts"] };

export async function resolve(specifier: string, context: unknown, nextResolve: Resolve): Promise<{ url: string; format?: string }> {
    try {
        return await nextResolve(specifier, context);
    } catch (error) {
        if ((error as { code?: string }).code !== "ERR_MODULE_NOT_FOUND") throw error;
        const extension = path.extname(specifier);
        const relative = /^\.\.?\//.test(specifier) || specifier.startsWith("file:");
        if (!relative && !specifier.startsWith("/") && data.fallbackParent) {
            return nextResolve(specifier, { ...(context as object), parentURL: pathToFileURL(data.fallbackParent).href });
        }
        if (!data.typescript || !relative || !TS_FOR_JS[extension]) throw error;
        for (const candidate of TS_FOR_JS[extension]) {
            try {
                return await nextResolve(specifier.slice(0, -extension.length) + candidate, context);
            } catch {
                // Try the next spelling.
            }
        }
        throw error;
    }
}

export async function load(url: string, context: unknown, nextLoad: Load): Promise<{ format?: string; source?: string | Buffer; shortCircuit?: boolean }> {
    if (!data.typescript || !url.startsWith("file:") || !/\.(m?ts|tsx)$/.test(url)) return nextLoad(url, context);
    const file = fileURLToPath(url);

    const ts = require(data.typescript) as typeof import("typescript");
    const output = ts.transpileModule(fs.readFileSync(file, "utf8"), {
        fileName: file,
        compilerOptions: {
            module: ts.ModuleKind.ESNext,
            target: ts.ScriptTarget.ES2022,
            esModuleInterop: true,
            jsx: ts.JsxEmit.React,
            inlineSourceMap: true,
            inlineSources: true,
        },
        reportDiagnostics: false,
    });
    return { format: "module", source: output.outputText, shortCircuit: true };
}
