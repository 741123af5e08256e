/**
 * Test helper, run as its own Node process (jest's module loader does not honour the TypeScript
 * require hook): captures a program as `tierguard check` does and prints the analysed resources.
 * Usage: node captureProgram.js <program-dir> <preview|update>
 */
import { captureProgram } from "../../cli/program/capture";
import { UNKNOWN, isAnalysed } from "../../cli/engine/runPack";
import { loadConfig, loadProject } from "../../cli/program/project";
import { enableTypeScript } from "../../cli/program/typescript";

async function main(): Promise<void> {
    const [dir, mode] = process.argv.slice(2);
    const project = loadProject(dir);
    const config = loadConfig(project, "dev", []);
    if (project.typescript) enableTypeScript();
    process.chdir(project.dir);
    const capture = await captureProgram({
        programDir: project.dir,
        run: () => require(project.entry),
        project: project.name,
        stack: "dev",
        mode: mode === "update" ? "update" : "preview",
        config: config.values,
        secretKeys: config.secretKeys,
    });
    // Each resource with its inputs (for Analyze) and as AnalyzeStack sees it (outputs, dependencies).
    const resources = capture.resources.map((r) => ({
        analysed: isAnalysed(r),
        inputs: { type: r.type, name: r.name, urn: r.urn, props: r.inputs },
        outputs: { type: r.type, name: r.name, urn: r.urn, parent: r.parent, dependencies: r.dependencies, propertyDependencies: r.propertyDependencies, props: r.custom ? { ...r.inputs, id: r.id ?? UNKNOWN } : r.inputs },
    }));
    process.stdout.write(JSON.stringify(resources), () => process.exit(0));
}

main().catch((error) => {
    console.error(error);
    process.exit(2);
});
