#!/usr/bin/env node
/**
 * After `tsc`, lays out policypack/ as a folder the engine can start and `pulumi policy publish` can
 * ship as it is: the compiled pack in policypack/bin (package.json `main`), beside its package.json
 * and PulumiPolicy.yaml. Also checks that the pack's version and runtime dependencies match the
 * project's, so what is published is what was tested.
 */
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
        else if (entry.name.endsWith(".js")) fs.copyFileSync(source, target);
    }
}

function fail(message) {
    console.error(`build-pack: ${message}`);
    process.exit(1);
}

if (!fs.existsSync(path.join(compiled, "index.js"))) fail(`${compiled}/index.js is missing: run tsc first`);
fs.rmSync(bin, { recursive: true, force: true });
copyJs(compiled, bin);

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
