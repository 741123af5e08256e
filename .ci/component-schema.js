#!/usr/bin/env node
/**
 * Used by .ci/install-test: starts a component package folder exactly as the Pulumi CLI's Node.js
 * language host starts a source-based package (`pulumi package add <folder>`): `node <run-plugin
 * resolved from the folder> <folder> <engine address>` from another working directory, reads the port
 * it prints, asks GetSchema over the ResourceProvider service and checks the resource tokens.
 *
 *   node .ci/component-schema.js <package-dir> <resource-token>...
 */
const { spawn } = require("child_process");
const os = require("os");
const path = require("path");

const [packageDir, ...expected] = process.argv.slice(2);
if (!packageDir || expected.length === 0) {
    console.error("usage: component-schema.js <package-dir> <resource-token>...");
    process.exit(2);
}
const dir = path.resolve(packageDir);
const fromPackage = (request) => require(require.resolve(request, { paths: [dir] }));
const runPlugin = require.resolve("@pulumi/pulumi/cmd/run-plugin", { paths: [dir] });
const grpc = fromPackage("@grpc/grpc-js");
const { ResourceProviderClient } = fromPackage("@pulumi/pulumi/proto/provider_grpc_pb");
const { GetSchemaRequest } = fromPackage("@pulumi/pulumi/proto/provider_pb");

const started = Date.now();
const child = spawn(process.execPath, [runPlugin, dir, "127.0.0.1:1"], { cwd: os.tmpdir(), stdio: ["ignore", "pipe", "inherit"] });
const timer = setTimeout(() => finish("no port within 60 s"), 60_000);
let stdout = "";
child.on("exit", (code) => finish(`run-plugin exited with code ${code} before printing a port`));
child.stdout.on("data", (chunk) => {
    stdout += chunk;
    const port = /^\s*(\d+)\s*$/m.exec(stdout)?.[1];
    if (!port) return;
    child.removeAllListeners("exit");
    const client = new ResourceProviderClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure());
    client.getSchema(new GetSchemaRequest().setVersion(0), (error, response) => {
        client.close();
        if (error) return finish(`GetSchema failed: ${error.details || error.message}`);
        const schema = JSON.parse(response.getSchema());
        const tokens = Object.keys(schema.resources ?? {}).sort();
        if (tokens.join() !== [...expected].sort().join()) return finish(`GetSchema serves ${tokens.join(", ")}; expected ${expected.join(", ")}`);
        console.log(`component package ${schema.name} ${schema.version}: ${tokens.length} components, schema in ${Date.now() - started} ms`);
        finish();
    });
});

function finish(problem) {
    clearTimeout(timer);
    child.removeAllListeners("exit");
    child.kill("SIGKILL");
    if (problem) {
        console.error(`component-schema: ${dir}: ${problem}`);
        process.exitCode = 1;
    }
}
