#!/usr/bin/env node
/**
 * After `tsc`, lays out policypack/ as a folder the engine can start and `pulumi policy publish` can
 * ship as it is: the compiled pack in policypack/bin (package.json `main`), beside its package.json
 * and PulumiPolicy.yaml. Also checks that the pack's version and runtime dependencies match the
 * project's, so what is published is what was tested.
 *
 * policypack/bin is committed (a clone's `cd policypack && npm install`, which is what Pulumi runs,
 * must yield a pack that starts without compiling anything), so the output is deterministic: only the
 * compiled JavaScript, without source-map comments (the maps and sources are not shipped), and
 * bin/SOURCES.sha256 lists the sha256 of every source it was built from (`sha256sum -c` format,
 * paths from the repository root). test/unit/packBuild.test.ts holds the committed bin to the sources.
 */
const crypto = require("crypto");
const fs = require("fs");
const path = require("path");

const root = path.resolve(__dirname, "..");
const compiled = path.join(root, "dist", "policypack");
const packDir = path.join(root, "policypack");
const bin = path.join(packDir, "bin");

function copyJs(from, to) {
    fs.mkdirSync(to, { recursive: true });
    for (const entry of fs.readdirSync(from, { withFileTypes: true })) {
        const source = path.join(from, entry.name);
        const target = path.join(to, entry.name);
        if (entry.isDirectory()) copyJs(source, target);
        else if (entry.name.endsWith(".js")) fs.writeFileSync(target, fs.readFileSync(source, "utf8").replace(/\n\/\/# sourceMappingURL=\S+\s*$/, "\n"));
    }
}

/** Every TypeScript source of the pack (what tsc compiled into dist/policypack), relative to the root, sorted. */
function packSources(dir = packDir) {
    const found = [];
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) {
            if (full !== bin && entry.name !== "node_modules") found.push(...packSources(full));
        } else if (entry.name.endsWith(".ts") && !entry.name.endsWith(".d.ts")) found.push(path.relative(root, full).split(path.sep).join("/"));
    }
    return found.sort();
}

function fail(message) {
    console.error(`build-pack: ${message}`);
    process.exit(1);
}

if (!fs.existsSync(path.join(compiled, "index.js"))) fail(`${compiled}/index.js is missing: run tsc first`);
fs.rmSync(bin, { recursive: true, force: true });
copyJs(compiled, bin);
const sums = packSources().map(
    (file) =>
        `${crypto
            .createHash("sha256")
            .update(fs.readFileSync(path.join(root, file)))
            .digest("hex")}  ${file}\n`,
);
fs.writeFileSync(path.join(bin, "SOURCES.sha256"), sums.join(""));

const project = JSON.parse(fs.readFileSync(path.join(root, "package.json"), "utf8"));
const pack = JSON.parse(fs.readFileSync(path.join(packDir, "package.json"), "utf8"));
if (pack.version !== project.version) fail(`policypack/package.json version ${pack.version} differs from the project's ${project.version}`);
const lock = JSON.parse(fs.readFileSync(path.join(root, "package-lock.json"), "utf8"));
for (const [name, wanted] of Object.entries(pack.dependencies || {})) {
    const locked = lock.packages && lock.packages[`node_modules/${name}`];
    if (!locked) fail(`policypack dependency ${name} is not installed by the project`);
    if (locked.version !== wanted) fail(`policypack depends on ${name}@${wanted} but the project is tested with ${locked.version}`);
}
if (!fs.existsSync(path.join(bin, pack.main.replace(/^bin\//, "")))) fail(`policypack/package.json main ${pack.main} was not built`);
console.log(`build-pack: policypack/bin ready (tierguard-policypack ${pack.version})`);
