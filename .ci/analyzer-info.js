#!/usr/bin/env node
/**
 * Used by .ci/install-test: starts a policy pack folder exactly as the Pulumi engine does
 * (`node <@pulumi/pulumi>/cmd/run-policy-pack <engine-address> .` from the folder, the runner and the
 * gRPC client resolved from the pack's own dependencies, as the engine would resolve them), asks it
 * GetAnalyzerInfo over the Analyzer gRPC service, and checks it lists exactly the expected policies.
 *
 *   node .ci/analyzer-info.js <pack-dir> <policy-name>...
 *
 * Prints the pack's name, version, startup time and policy count; exits 1 on any difference.
 */
const { spawn } = require("child_process");
const path = require("path");

const [packDir, ...expected] = process.argv.slice(2);
if (!packDir || expected.length === 0) {
    console.error("usage: analyzer-info.js <pack-dir> <policy-name>...");
    process.exit(2);
}
const dir = path.resolve(packDir);
const fromPack = (request) => require(require.resolve(request, { paths: [dir] }));
const runner = require.resolve("@pulumi/pulumi/cmd/run-policy-pack", { paths: [dir] });
const grpc = fromPack("@grpc/grpc-js");
const analyzerRpc = fromPack("@pulumi/pulumi/proto/analyzer_grpc_pb");
const { Empty } = fromPack("google-protobuf/google/protobuf/empty_pb");

function fail(message) {
    console.error(`analyzer-info: ${dir}: ${message}`);
    process.exitCode = 1;
}

const started = Date.now();
const child = spawn(process.execPath, [runner, "127.0.0.1:1", "."], { cwd: dir, stdio: ["ignore", "pipe", "pipe"] });
let stdout = "";
let stderr = "";
child.stderr.on("data", (chunk) => (stderr += chunk));
const timer = setTimeout(() => {
    fail(`no port printed within 60 s; stderr:\n${stderr}`);
    child.kill();
}, 60000);
child.on("exit", (code) => {
    clearTimeout(timer);
    if (!stdout.match(/^\d+\s*$/m)) fail(`exited with code ${code} before printing a port; stderr:\n${stderr}`);
});
child.stdout.on("data", (chunk) => {
    const first = stdout === "";
    stdout += chunk;
    const port = /^(\d+)\s*$/m.exec(stdout);
    if (!port || !first) return;
    clearTimeout(timer);
    const startupMs = Date.now() - started;
    const Client = grpc.makeGenericClientConstructor(analyzerRpc.AnalyzerService, "Analyzer");
    const client = new Client(`127.0.0.1:${port[1]}`, grpc.credentials.createInsecure());
    client.getAnalyzerInfo(new Empty(), (error, info) => {
        client.close();
        child.kill();
        if (error) return fail(`GetAnalyzerInfo failed: ${error.message}`);
        const names = info.getPoliciesList().map((p) => p.getName());
        const missing = expected.filter((name) => !names.includes(name));
        const extra = names.filter((name) => !expected.includes(name));
        console.log(`analyzer-info: ${dir}: pack ${info.getName()} ${info.getVersion()} started in ${startupMs} ms, lists ${names.length} policies`);
        if (missing.length > 0) fail(`missing policies: ${missing.join(", ")}`);
        if (extra.length > 0) fail(`unexpected policies: ${extra.join(", ")}`);
    });
});
