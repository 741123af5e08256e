/**
 * Loaded into the program's process before the runner (through NODE_OPTIONS), by tierguard only.
 * It changes nothing a program can observe except where noted:
 * - the lifeline: the program, and every process it started (its own session too), stops when tierguard ends;
 * - errors are formatted without colour. Node.js 20.20's colouring of stack lines loops on paths
 *   such as `node_modules/@pulumi/config.ts`, which the SDK's own source maps produce, so every
 *   failing program took 30 s to report (under `pulumi preview` too) before failing the formatting;
 * - TypeScript programs written NodeNext-style (`import "./vpc.js"` for vpc.ts) resolve, as they do
 *   when compiled or run by ts-node's ESM loader;
 * - ES-module TypeScript gets a loader when the program's SDK would not register one;
 * - the SDK's debug messages are not sent: about three per resource, each waiting for the one before
 *   it, which tierguard never shows (Pulumi shows them only with --debug). They cost a quarter of a
 *   large program's run; `pulumi.log.debug` still returns as it does;
 * - the stacks the SDK records on its promises are not formatted unless PULUMI_DEBUG_PROMISE_LEAKS
 *   asks for them (see unformattedPromiseStacks).
 */
import type { InspectOptions } from "util";
import * as fs from "fs";
import * as path from "path";
import { pathToFileURL } from "url";
import { RUN_ID_VARIABLE, holdLifeline } from "./lifeline";

// Grandchildren the program starts should not load this file: restore the user's NODE_OPTIONS.
if (process.env.TIERGUARD_NODE_OPTIONS !== undefined) {
    if (process.env.TIERGUARD_NODE_OPTIONS) process.env.NODE_OPTIONS = process.env.TIERGUARD_NODE_OPTIONS;
    else delete process.env.NODE_OPTIONS;
    delete process.env.TIERGUARD_NODE_OPTIONS;
}

if (process.env.TIERGUARD_LIFELINE_FD) {
    // The run's id stays in the environment: it marks every process the program starts.
    holdLifeline(Number(process.env.TIERGUARD_LIFELINE_FD), process.env[RUN_ID_VARIABLE]);
    delete process.env.TIERGUARD_LIFELINE_FD;
}

// A proxy keeps everything else of util.inspect (custom, defaultOptions, colors, styles) as it is.

const util = require("util") as { inspect: (...args: unknown[]) => string };
util.inspect = new Proxy(util.inspect, {
    apply(inspect, self, args: unknown[]) {
        const [value, options] = args;
        if (value instanceof Error && options && typeof options === "object" && (options as InspectOptions).colors) {
            return Reflect.apply(inspect, self, [value, { ...(options as InspectOptions), colors: false }, ...args.slice(2)]);
        }
        return Reflect.apply(inspect, self, args);
    },
});

/** `./vpc.js` that does not exist, beside a `vpc.ts` that does: the TypeScript file. */
const TS_FOR_JS: Record<string, string[]> = { ".js": [".ts", ".tsx"], ".jsx": [".tsx"], ".mjs": [".mts"], ".cjs": [".cts"] };

if (process.env.TIERGUARD_TS_RESOLVE) {
    const Module = require("module") as { _resolveFilename: (request: string, parent: unknown, ...rest: unknown[]) => string };
    const resolveFilename = Module._resolveFilename;
    Module._resolveFilename = function (request: string, parent: unknown, ...rest: unknown[]): string {
        try {
            return resolveFilename.call(this, request, parent, ...rest);
        } catch (error) {
            const extension = path.extname(request);
            const parentFile = (parent as { filename?: string } | undefined)?.filename;
            if ((error as { code?: string }).code !== "MODULE_NOT_FOUND" || !TS_FOR_JS[extension] || !parentFile || !/^\.\.?[\\/]/.test(request)) throw error;
            for (const candidate of TS_FOR_JS[extension]) {
                const file = path.resolve(path.dirname(parentFile), request.slice(0, -extension.length) + candidate);
                if (fs.existsSync(file)) return file;
            }
            throw error;
        }
    };
}

if (process.env.TIERGUARD_MODULE_HOOKS) {
    const hooks = process.env.TIERGUARD_MODULE_HOOKS;
    const data = JSON.parse(process.env.TIERGUARD_MODULE_HOOKS_DATA ?? "{}") as { transpile?: boolean; fallbackParent?: string };
    delete process.env.TIERGUARD_MODULE_HOOKS;
    delete process.env.TIERGUARD_MODULE_HOOKS_DATA;

    const { register } = require("module") as { register?: (specifier: string, options?: unknown) => void };
    let typescript: string | undefined;
    if (data.transpile) {
        try {
            typescript = require.resolve("typescript", { paths: [process.cwd()] });
        } catch {
            typescript = require.resolve("typescript");
        }
    }
    register?.(pathToFileURL(hooks).href, { data: { typescript, fallbackParent: data.fallbackParent } });
}

if (process.env.TIERGUARD_SDK) {
    const sdk = process.env.TIERGUARD_SDK;
    delete process.env.TIERGUARD_SDK;

    /** The runner's SDK's modules patched as they load, each by its file; the hook goes once all are. */
    const patches = new Map<string, { request: RegExp; patch: (loaded: Record<string, unknown>) => void }>([
        [path.join(sdk, "log", "index.js"), { request: /(^|[\\/])log(\/index(\.js)?)?$/, patch: quietDebug }],
        [path.join(sdk, "runtime", "debuggable.js"), { request: /(^|[\\/])debuggable(\.js)?$/, patch: unformattedPromiseStacks }],
    ]);
    const Module = require("module") as {
        _load: (request: string, parent: unknown, isMain: boolean) => unknown;
        _resolveFilename: (request: string, parent: unknown) => string;
    };
    const load = Module._load;
    Module._load = function (request: string, parent: unknown, isMain: boolean): unknown {
        const loaded = load.call(this, request, parent, isMain);
        if (!loaded || typeof loaded !== "object") return loaded;
        for (const [file, { request: named, patch }] of patches) {
            if (!named.test(request)) continue;
            try {
                if (Module._resolveFilename(request, parent) !== file) continue;
            } catch {
                continue; // Not the SDK's module.
            }
            patch(loaded as Record<string, unknown>);
            patches.delete(file);
            if (patches.size === 0) Module._load = load;
        }
        return loaded;
    };
}

/** The SDK's debug messages are not sent (see above). */
function quietDebug(log: Record<string, unknown>): void {
    if (typeof log.debug === "function") log.debug = () => Promise.resolve();
}

/**
 * The SDK gives each of its promises (several per resource) the stack where it was made, formatted at
 * once (`new Error().stack`), for one use: the leak report under PULUMI_DEBUG_PROMISE_LEAKS. Under
 * ts-node, formatting maps every frame through source maps: measured, a fifth of a small TypeScript
 * program's CPU. Unless leaks are being debugged, the stack is left empty; nothing else reads it.
 */
function unformattedPromiseStacks(debuggable: Record<string, unknown>): void {
    const original = debuggable.debuggablePromise;
    if (typeof original !== "function") return;
    debuggable.debuggablePromise = function (this: unknown, ...args: unknown[]): unknown {
        // The variable as well as the export: an SDK that does not export its flag still reads the variable.
        if (debuggable.debugPromiseLeaks || process.env.PULUMI_DEBUG_PROMISE_LEAKS) return Reflect.apply(original, this, args);
        const limit = Error.stackTraceLimit;
        Error.stackTraceLimit = 0;
        try {
            return Reflect.apply(original, this, args);
        } finally {
            Error.stackTraceLimit = limit;
        }
    };
}
