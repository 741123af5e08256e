/**
 * The packages a Pulumi.yaml names (`packages:`, `plugins.providers`): what check starts for remote
 * components. An entry the Pulumi CLI's project schema refuses is an error naming the entry and its
 * value, never skipped (its components would then go unchecked for a reason nobody sees).
 */
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { declaredPackages } from "../../cli/engine/components/pluginSources";
import { UsageError, loadProject } from "../../cli/program/project";

const DIR = "/projects/shop";
const FILE = "/projects/shop/Pulumi.yaml";
const read = (project: Record<string, unknown>) => declaredPackages(project, DIR, FILE);

it("reads local folders, sources it cannot fetch, and provider overrides first", () => {
    expect(
        read({
            packages: { local: "./pkg", remote: "github.com/example/thing@v1.0.0", spec: { source: "file://../other", version: "1.2.3", parameters: ["a"] } },
            plugins: { providers: [{ name: "dev", path: "/opt/dev", version: "0.1.0" }, { name: "unpathed" }] },
        }),
    ).toEqual([
        { name: "dev", folder: "/opt/dev", declaredIn: `${FILE} plugins.providers[0]` },
        { name: "local", folder: "/projects/shop/pkg", declaredIn: `${FILE} packages.local` },
        { name: "remote", source: "github.com/example/thing@v1.0.0", declaredIn: `${FILE} packages.remote` },
        { name: "spec", folder: "/projects/other", declaredIn: `${FILE} packages.spec` },
    ]);
    expect(read({})).toEqual([]);
    expect(read({ packages: null, plugins: null })).toEqual([]);
    expect(read({ plugins: { analyzers: [] } })).toEqual([]);
});

it.each([
    [{ packages: ["./pkg"] }, `${FILE}: packages must be a mapping of a name to a source, got ["./pkg"]`],
    [{ packages: { tg: 42 } }, `${FILE} packages.tg must be a source (a path, a URL or a registry name) or a mapping with a source, got 42`],
    [{ packages: { tg: "" } }, `${FILE} packages.tg must be a source (a path, a URL or a registry name) or a mapping with a source, got ""`],
    [{ packages: { tg: null } }, `${FILE} packages.tg must be a source (a path, a URL or a registry name) or a mapping with a source, got null`],
    [{ packages: { tg: { version: "1.0.0" } } }, `${FILE} packages.tg.source must be a non-empty string, got nothing`],
    [{ packages: { tg: { sorce: "./pkg" } } }, `${FILE} packages.tg.source must be a non-empty string, got nothing`],
    [{ packages: { tg: { source: "./pkg", version: 1 } } }, `${FILE} packages.tg.version must be a string, got 1`],
    [{ packages: { tg: { source: "./pkg", parameters: "a b" } } }, `${FILE} packages.tg.parameters must be a list of strings, got "a b"`],
    [{ packages: { tg: { source: "./pkg", parameters: [1] } } }, `${FILE} packages.tg.parameters must be a list of strings, got [1]`],
    [{ plugins: "none" }, `${FILE}: plugins must be a mapping, got "none"`],
    [{ plugins: { providers: { name: "x" } } }, `${FILE}: plugins.providers must be a list, got {"name":"x"}`],
    [{ plugins: { providers: ["./pkg"] } }, `${FILE} plugins.providers[0] must be a mapping of name, path and version, got "./pkg"`],
    [{ plugins: { providers: [{ name: "x", path: 7 }] } }, `${FILE} plugins.providers[0].path must be a string, got 7`],
    [{ plugins: { providers: [{ name: "x", path: "./p", version: 2 }] } }, `${FILE} plugins.providers[0].version must be a string, got 2`],
    [{ plugins: { providers: [{ path: "./p" }] } }, `${FILE} plugins.providers[0] has a path but no name: name the provider its folder serves`],
])("%j is refused, naming the entry and its value", (project, message) => {
    expect(() => read(project)).toThrow(UsageError);
    expect(() => read(project)).toThrow(message);
});

it("check refuses such a Pulumi.yaml as a usage error (exit 2), before running anything", () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "tierguard-packages-"));
    try {
        fs.writeFileSync(path.join(dir, "Pulumi.yaml"), "name: shop\nruntime: nodejs\npackages:\n  tierguard:\n    sorce: ./pkg\n");
        expect(() => loadProject(dir)).toThrow(
            new UsageError(`${path.join(dir, "Pulumi.yaml")} packages.tierguard.source must be a non-empty string, got nothing`),
        );
    } finally {
        fs.rmSync(dir, { recursive: true, force: true });
    }
});
