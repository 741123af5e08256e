/**
 * policypack/bin is committed: a clone's `cd policypack && npm install` (what Pulumi runs for a local
 * `--policy-pack`) must yield a pack that starts without compiling anything. These checks hold the
 * committed build to the sources without building: scripts/build-pack.js writes bin/SOURCES.sha256
 * (the sha256 of every pack source it was built from), and a source edited since then, added or
 * removed, fails here until `npm run build` regenerates bin (commit it with the source change).
 * CI also rebuilds on a clean clone and requires no difference (.ci/install-test).
 */
import * as crypto from "crypto";
import * as fs from "fs";
import * as path from "path";
import { REPO_ROOT } from "../repoRoot";

const PACK = path.join(REPO_ROOT, "policypack");
const BIN = path.join(PACK, "bin");
const REBUILD = "run `npm run build` and commit policypack/bin with the sources";

function sourcesUnder(dir: string): string[] {
    const found: string[] = [];
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) {
            if (full !== BIN && entry.name !== "node_modules") found.push(...sourcesUnder(full));
        } else if (entry.name.endsWith(".ts") && !entry.name.endsWith(".d.ts")) found.push(path.relative(REPO_ROOT, full).split(path.sep).join("/"));
    }
    return found.sort();
}

function jsUnder(dir: string): string[] {
    const found: string[] = [];
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) found.push(...jsUnder(full));
        else if (entry.name.endsWith(".js")) found.push(path.relative(BIN, full).split(path.sep).join("/"));
    }
    return found.sort();
}

const sha256 = (file: string) =>
    crypto
        .createHash("sha256")
        .update(fs.readFileSync(path.join(REPO_ROOT, file)))
        .digest("hex");
const json = (file: string) => JSON.parse(fs.readFileSync(path.join(REPO_ROOT, file), "utf8"));

describe("the committed pack build (policypack/bin)", () => {
    const manifest = path.join(BIN, "SOURCES.sha256");

    it("exists, with the list of sources it was built from", () => {
        if (!fs.existsSync(manifest)) throw new Error(`policypack/bin/SOURCES.sha256 is missing: ${REBUILD}`);
    });

    it("was built from the pack's current sources", () => {
        const listed = new Map(
            fs
                .readFileSync(manifest, "utf8")
                .split("\n")
                .filter(Boolean)
                .map((line) => {
                    const [hash, file] = line.split(/\s+\*?/);
                    return [file, hash] as const;
                }),
        );
        const sources = sourcesUnder(PACK);
        const stale = [
            ...sources.filter((file) => !listed.has(file)).map((file) => `${file} (new since the build)`),
            ...[...listed.keys()].filter((file) => !sources.includes(file)).map((file) => `${file} (removed since the build)`),
            ...sources.filter((file) => listed.has(file) && listed.get(file) !== sha256(file)).map((file) => `${file} (changed since the build)`),
        ];
        if (stale.length > 0) throw new Error(`policypack/bin is out of date with ${stale.join(", ")}: ${REBUILD}`);
    });

    it("holds one compiled file per source, and nothing else", () => {
        const expected = sourcesUnder(PACK).map((file) => file.replace(/^policypack\//, "").replace(/\.ts$/, ".js"));
        expect(jsUnder(BIN)).toEqual(expected);
    });

    it("is the pack's main, without source-map comments (maps and sources are not shipped)", () => {
        const pack = json("policypack/package.json");
        expect(fs.existsSync(path.join(PACK, pack.main))).toBe(true);
        for (const file of jsUnder(BIN)) expect(fs.readFileSync(path.join(BIN, file), "utf8")).not.toMatch(/sourceMappingURL/);
    });
});

describe("policypack/package.json, what `npm install` and `pulumi policy publish` read", () => {
    const pack = json("policypack/package.json");
    const project = json("package.json");
    const lock = json("package-lock.json");

    it("has the project's version", () => {
        expect(pack.version).toBe(project.version);
    });

    it.each(["@pulumi/policy", "@pulumi/pulumi", "ipaddr.js"])("depends on %s at exactly the version the project is tested with", (name) => {
        expect(project.dependencies[name]).toBeDefined();
        expect(pack.dependencies[name]).toBe(lock.packages[`node_modules/${name}`].version);
    });

    it("has no install-time scripts (nothing is compiled when Pulumi installs it) and ships bin/ and PulumiPolicy.yaml", () => {
        for (const script of ["preinstall", "install", "postinstall", "prepare"]) expect(pack.scripts?.[script]).toBeUndefined();
        expect(pack.files).toEqual(expect.arrayContaining(["bin/", "PulumiPolicy.yaml"]));
    });

    it("is shipped in the root package too (node_modules/tierguard/policypack)", () => {
        expect(project.files).toEqual(expect.arrayContaining(["policypack/package.json", "policypack/PulumiPolicy.yaml", "policypack/bin/"]));
    });
});
