/**
 * Loaded (through NODE_OPTIONS) into the process of tierguard's own policy pack only, after the lifeline.
 *
 * The SDK's run-policy-pack loads TypeScript and registers ts-node (with type-checking) before it loads
 * any pack, in case the pack is written in TypeScript. tierguard's pack is shipped compiled
 * (policypack/bin, plain JavaScript), so nothing in it is ever compiled by ts-node; loading TypeScript
 * (9 MB of JavaScript) was a fifth of the pack's start-up CPU, for every check and every scan. The
 * runner is handed stand-ins instead: for `typescript`, its version (all the runner reads of it), and a
 * ts-node whose register() registers nothing. Any other module, and the same modules required from
 * anywhere else, load as they are. A pack given with --policy-pack is not given this file.
 */
import * as fs from "fs";
import * as path from "path";

type Parent = { filename?: string } | undefined;

const Module = require("module") as {
    _load: (request: string, parent: Parent, isMain: boolean) => unknown;
    _resolveFilename: (request: string, parent: Parent) => string;
};

const runner = process.env.TIERGUARD_PACK_RUNNER;
delete process.env.TIERGUARD_PACK_RUNNER;

if (runner) {
    const sdk = path.resolve(path.dirname(runner), "..", "..");
    // The runner's own files that require TypeScript and ts-node (cmd/run-policy-pack/run.js, tsutils.js).
    const requirers = new Set([path.join(path.dirname(runner), "run.js"), path.join(sdk, "tsutils.js")]);
    const load = Module._load;
    Module._load = function (request: string, parent: Parent, isMain: boolean): unknown {
        if (!parent?.filename || !requirers.has(parent.filename)) return load.call(this, request, parent, isMain);
        if (request === "typescript") return typescriptVersion(Module._resolveFilename(request, parent)) ?? load.call(this, request, parent, isMain);
        if (/(^|[\\/])ts-node(@[^\\/]*)?$/.test(request)) {
            // Resolved first, so that a ts-node that is not installed fails as it would (the runner then takes its vendored one).
            Module._resolveFilename(request, parent);
            return {
                register: () => {
                    Module._load = load;
                },
            };
        }
        return load.call(this, request, parent, isMain);
    };
}

/** A stand-in for the TypeScript at `file` (…/typescript/lib/typescript.js): its version, from its package.json. */
function typescriptVersion(file: string): { version: string } | undefined {
    try {
        const manifest = JSON.parse(fs.readFileSync(path.join(path.dirname(file), "..", "package.json"), "utf8")) as { name?: string; version?: unknown };
        return manifest.name === "typescript" && typeof manifest.version === "string" ? { version: manifest.version } : undefined;
    } catch {
        return undefined;
    }
}
