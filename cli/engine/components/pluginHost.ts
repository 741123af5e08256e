/**
 * Component provider plugins (found by pluginSources.ts), started as the engine starts them (the
 * engine's address as the last argument, the port printed on stdout) and asked to `Construct` a
 * component against tierguard's own resource monitor, as the engine asks them.
 */
import { ChildProcess, spawn } from "child_process";
import * as path from "path";
import * as grpc from "@grpc/grpc-js";
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import { ResourceProviderClient } from "@pulumi/pulumi/proto/provider_grpc_pb";
import * as providerproto from "@pulumi/pulumi/proto/provider_pb";
import { lifelineFd } from "../lifeline";
import { ComponentRegistration } from "./modelKit";
import { DeploymentConnection } from "../deployment";
import { PluginLaunch } from "./pluginSources";

/** What a Construct needs to know about the deployment. */
export interface ConstructSettings extends DeploymentConnection {
    project: string;
}

export interface Constructed {
    urn: string;
    state: Struct;
    stateDependencies: Record<string, string[]>;
}

interface RunningPlugin {
    child: ChildProcess;
    client: ResourceProviderClient;
    configured: Promise<void>;
}

export class PluginHost {
    private readonly running = new Map<string, Promise<RunningPlugin>>();

    constructor(private readonly settings: ConstructSettings) {}

    private start(plugin: PluginLaunch): Promise<RunningPlugin> {
        let started = this.running.get(plugin.label);
        if (!started) {
            started = launch(plugin, this.settings.engineAddress).then((plugin) => {
                // Configure as the engine configures a provider before using it: secrets and resources accepted.
                const request = new providerproto.ConfigureRequest().setAcceptsecrets(true).setAcceptresources(true).setArgs(new Struct());
                plugin.configured = new Promise((resolve, reject) => plugin.client.configure(request, (error) => (error ? reject(error) : resolve())));
                return plugin;
            });
            this.running.set(plugin.label, started);
        }
        return started;
    }

    async construct(source: PluginLaunch, component: ComponentRegistration, dependencies: string[], providers: Record<string, string>): Promise<Constructed> {
        const plugin = await this.start(source);
        await plugin.configured;
        const { settings } = this;
        const request = new providerproto.ConstructRequest()
            .setProject(settings.project)
            .setStack(settings.stack)
            .setOrganization(settings.organization)
            // A dry run in both modes, as the program itself runs (--dry-run): in "update" the engine answers
            // known placeholder ids, but other computed outputs stay unknown, which only a dry run expects.
            .setDryrun(true)
            .setParallel(16)
            .setMonitorendpoint(settings.monitorAddress)
            .setType(component.type)
            .setName(component.name)
            .setParent(component.parent ?? "")
            .setInputs(Struct.fromJavaScript(component.inputs as never))
            .setDependenciesList(dependencies)
            .setConfigsecretkeysList(settings.secretKeys)
            .setAcceptsOutputValues(true);
        for (const [key, value] of Object.entries(settings.config)) request.getConfigMap().set(key, value);
        for (const [key, urns] of Object.entries(component.inputDependencies)) {
            request.getInputdependenciesMap().set(key, new providerproto.ConstructRequest.PropertyDependencies().setUrnsList(urns));
        }
        for (const [key, ref] of Object.entries(providers)) request.getProvidersMap().set(key, ref);
        const response = await new Promise<providerproto.ConstructResponse>((resolve, reject) =>
            plugin.client.construct(request, (error, reply) =>
                error
                    ? reject(
                          new Error(
                              `${component.type} "${component.name}": the provider ${source.label} failed to construct it: ${error.details || error.message}`,
                          ),
                      )
                    : resolve(reply),
            ),
        );
        const stateDependencies: Record<string, string[]> = {};
        for (const [key, deps] of response.getStatedependenciesMap().entries()) stateDependencies[key] = deps.getUrnsList();
        return { urn: response.getUrn(), state: response.getState() ?? new Struct(), stateDependencies };
    }

    /** Stops every plugin started (their process groups: a plugin may start processes of its own). */
    async close(): Promise<void> {
        const plugins = await Promise.allSettled(this.running.values());
        for (const result of plugins) {
            if (result.status !== "fulfilled") continue;
            result.value.client.close();
            try {
                process.kill(-result.value.child.pid!, "SIGKILL");
            } catch {
                // Already gone.
            }
        }
        this.running.clear();
    }
}

/** Starts a plugin and connects to the port it prints. */
function launch(plugin: PluginLaunch, engineAddress: string, timeoutMs = 60_000): Promise<RunningPlugin> {
    const binary = plugin.label;
    return new Promise((resolve, reject) => {
        const child = spawn(plugin.command, [...plugin.args, engineAddress], {
            // A Node.js plugin stops itself when tierguard ends (the lifeline); any plugin is stopped with its group.
            env: {
                ...process.env,
                ...plugin.env,
                NODE_OPTIONS: `${process.env.NODE_OPTIONS ?? ""} --require ${JSON.stringify(path.join(__dirname, "..", "lifelinePreload.js"))}`.trim(),
                TIERGUARD_LIFELINE_FD: String(lifelineFd),
            },
            detached: true,
            stdio: ["ignore", "pipe", "pipe", "pipe"],
        });
        let stdout = "";
        let stderr = "";
        const timer = setTimeout(
            () => reject(new Error(`the plugin ${binary} did not print a port within ${timeoutMs / 1000} s; it printed:\n${stderr}`)),
            timeoutMs,
        );
        child.stderr!.on("data", (chunk) => (stderr = (stderr + chunk).slice(-8192)));
        child.on("error", (error) => {
            clearTimeout(timer);
            reject(new Error(`the plugin ${binary} could not be started: ${error.message}`));
        });
        child.on("exit", (code) => {
            clearTimeout(timer);
            reject(new Error(`the plugin ${binary} exited with code ${code} before it printed a port; it printed:\n${stderr}`));
        });
        child.stdout!.on("data", (chunk) => {
            stdout += chunk;
            const port = /^\s*(\d+)\s*$/m.exec(stdout)?.[1];
            if (!port) return;
            clearTimeout(timer);
            child.removeAllListeners("exit");
            const client = new ResourceProviderClient(`127.0.0.1:${port}`, grpc.credentials.createInsecure(), {
                "grpc.max_receive_message_length": 400 * 1024 * 1024,
                "grpc.max_send_message_length": 400 * 1024 * 1024,
            });
            resolve({ child, client, configured: Promise.resolve() });
        });
    });
}
