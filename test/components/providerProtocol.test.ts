/**
 * tierguard's component provider over the provider protocol, started as the Pulumi CLI starts a
 * source-based component package (`pulumi package add <folder>`): the Node.js language host runs
 * `node <@pulumi/pulumi/cmd/run-plugin resolved from the package> <package folder> <engine address>`
 * from another working directory, and run-plugin `require`s the folder (package.json `main`). Then
 * `GetPluginInfo` and `GetSchema` as the CLI asks them. Neither needs an engine, so the address is a
 * dummy. Runs on the compiled output (`npm test`, integration phase). Construct against tierguard's
 * engine: test/cli/componentPackage.test.ts.
 */
import { ChildProcess, spawn } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as grpc from "@grpc/grpc-js";
import { Empty } from "google-protobuf/google/protobuf/empty_pb";
import { ResourceProviderClient } from "@pulumi/pulumi/proto/provider_grpc_pb";
import * as providerproto from "@pulumi/pulumi/proto/provider_pb";
import * as pluginproto from "@pulumi/pulumi/proto/plugin_pb";
import { PackageSchema, THREE_TIER_TOKEN, TIERED_TOKEN } from "../../components/provider/schema";

const ROOT = path.resolve(__dirname, "..", "..", "..");
const RUN_PLUGIN = require.resolve("@pulumi/pulumi/cmd/run-plugin", { paths: [ROOT] });
const VERSION = (JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as { version: string }).version;

let child: ChildProcess | undefined;
let client: ResourceProviderClient | undefined;

/** Starts the provider as the engine does and resolves with the port it prints. */
function start(): Promise<number> {
    return new Promise((resolve, reject) => {
        child = spawn(process.execPath, [RUN_PLUGIN, ROOT, "127.0.0.1:1"], { cwd: os.tmpdir(), stdio: ["ignore", "pipe", "pipe"] });
        let stdout = "";
        let stderr = "";
        const timer = setTimeout(() => reject(new Error(`no port within 20 s; stderr:\n${stderr}`)), 20000);
        child.stderr!.on("data", (chunk) => (stderr += chunk));
        child.on("exit", (code) => {
            clearTimeout(timer);
            reject(new Error(`the provider exited with code ${code} before printing a port; stderr:\n${stderr}`));
        });
        child.stdout!.on("data", (chunk) => {
            stdout += chunk;
            const port = /^\s*(\d+)\s*$/m.exec(stdout)?.[1];
            if (!port) return;
            clearTimeout(timer);
            child!.removeAllListeners("exit");
            resolve(Number(port));
        });
    });
}

beforeAll(async () => {
    const port = await start();
    client = new ResourceProviderClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure());
});

afterAll(async () => {
    client?.close();
    const running = child;
    if (running && running.exitCode === null && running.signalCode === null) {
        const exited = new Promise((resolve) => running.once("exit", resolve));
        running.kill("SIGTERM");
        await exited;
    }
});

test("GetPluginInfo answers the npm package's version", async () => {
    const info = await new Promise<pluginproto.PluginInfo>((resolve, reject) =>
        client!.getPluginInfo(new Empty(), (err, res) => (err ? reject(err) : resolve(res!))),
    );
    expect(info.getVersion()).toBe(VERSION);
});

test("GetSchema serves both components with the inputs and outputs of schema.ts", async () => {
    const request = new providerproto.GetSchemaRequest();
    request.setVersion(0);
    const response = await new Promise<providerproto.GetSchemaResponse>((resolve, reject) =>
        client!.getSchema(request, (err, res) => (err ? reject(err) : resolve(res!))),
    );
    const schema = JSON.parse(response.getSchema()) as PackageSchema;
    expect(schema.name).toBe("tierguard");
    expect(schema.version).toBe(VERSION);
    expect(Object.keys(schema.resources).sort()).toEqual([THREE_TIER_TOKEN, TIERED_TOKEN].sort());

    const threeTier = schema.resources[THREE_TIER_TOKEN];
    expect(threeTier.isComponent).toBe(true);
    expect(Object.keys(threeTier.inputProperties).sort()).toEqual(["admin", "app", "database", "egress", "loadBalancer", "tags", "vpcId", "web"]);
    expect(threeTier.requiredInputs.sort()).toEqual(["database", "vpcId", "web"]);
    expect(Object.keys(threeTier.properties)).toEqual(["securityGroupIds"]);
    expect(threeTier.required).toEqual(["securityGroupIds"]);

    const tiered = schema.resources[TIERED_TOKEN];
    expect(tiered.isComponent).toBe(true);
    expect(Object.keys(tiered.inputProperties).sort()).toEqual(["egress", "flows", "tags", "tiers", "vpcId"]);
    expect(tiered.requiredInputs.sort()).toEqual(["flows", "tiers", "vpcId"]);
    expect(Object.keys(tiered.properties)).toEqual(["securityGroupIds"]);
    expect(tiered.required).toEqual(["securityGroupIds"]);

    // Every $ref points to a type the schema defines.
    const refs = [...response.getSchema().matchAll(/"\$ref":"#\/types\/([^"]+)"/g)].map((m) => m[1]);
    expect(refs.length).toBeGreaterThan(0);
    for (const ref of refs) expect(Object.keys(schema.types)).toContain(ref);
});
