/**
 * What becomes of a multi-language component (`remote: true`): the engine would have its provider
 * plugin `Construct` the children. tierguard does the same when it can start the provider (a local
 * package Pulumi.yaml names, else an installed plugin); otherwise it uses its model of the component
 * when it has one; otherwise nothing is made, and every report says the component was not checked.
 */
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import { ComponentExpansion } from "../capturedStack";
import { Deployment } from "../deployment";
import { ModelContext, ComponentRegistration } from "./modelKit";
import { ModelMemory, modelFor, networkOf } from "./models";
import { PluginHost } from "./pluginHost";
import { DeclaredPackage, PluginLaunch, findInstalledPlugin, launchFromFolder, pluginsDir } from "./pluginSources";

export interface Expanded {
    /** The component's outputs, as the response to its registration carries them. */
    outputs: Struct;
    outputDependencies: Record<string, string[]>;
    expansion: ComponentExpansion;
}

export class ComponentExpander {
    private readonly memory = new ModelMemory();
    /** Components whose provider is constructing them: its own registration of the component is expected. */
    private readonly constructing = new Set<string>();
    /** Per package and version: a program registers many components of one package, found once. */
    private readonly providers = new Map<string, { launch?: PluginLaunch; problem?: string }>();

    constructor(
        private readonly deployment: Deployment,
        private readonly plugins: PluginHost,
        private readonly declared: DeclaredPackage[] = [],
    ) {}

    /**
     * The provider to start for a package: a local folder Pulumi.yaml names (a folder it names that
     * cannot be started is a reason, not a fallback: the CLI would fail there too), else an installed plugin.
     */
    private providerFor(pkg: string, version: string): { launch?: PluginLaunch; problem?: string } {
        const key = `${pkg}\u0000${version}`;
        let found = this.providers.get(key);
        if (!found) this.providers.set(key, (found = this.findProvider(pkg, version)));
        return found;
    }

    private findProvider(pkg: string, version: string): { launch?: PluginLaunch; problem?: string } {
        const entry = this.declared.find((candidate) => candidate.name === pkg);
        if (entry && "folder" in entry) {
            try {
                return { launch: launchFromFolder(pkg, entry.folder, entry.declaredIn) };
            } catch (error) {
                return { problem: (error as Error).message };
            }
        }
        const launch = findInstalledPlugin(pkg, version);
        if (launch) return { launch };
        if (entry && "source" in entry) return { problem: `${entry.declaredIn} names ${entry.source}, which tierguard does not fetch offline` };
        return {};
    }

    /** True once for a component under construction: the provider registering the component itself. */
    isProviderRegistration(urn: string): boolean {
        return this.constructing.delete(urn);
    }

    async expand(component: ComponentRegistration, dependencies: string[], providers: Record<string, string>): Promise<Expanded> {
        const pkg = component.type.split(":")[0];
        const network = networkOf(component.type);
        const versionNote = component.version ? ` ${component.version}` : "";
        const provider = this.providerFor(pkg, component.version);
        const plugin = provider.launch;
        if (plugin) {
            this.constructing.add(component.urn);
            try {
                const constructed = await this.plugins.construct(plugin, component, dependencies, providers);
                return {
                    outputs: constructed.state,
                    outputDependencies: constructed.stateDependencies,
                    expansion: {
                        by: "plugin",
                        detail: `constructed by its provider plugin ${plugin.label}`,
                        ...(plugin.version || component.version ? { version: plugin.version || component.version } : {}),
                        network,
                    },
                };
            } finally {
                this.constructing.delete(component.urn);
            }
        }
        const model = modelFor(component.type, component.version);
        if (model) {
            const context = new ModelContext(this.deployment, component, model.source);
            const outputs = model.build(context, this.memory);
            const made = context.children.length;
            return {
                outputs: Struct.fromJavaScript(outputs as never),
                outputDependencies: {},
                expansion: {
                    by: "model",
                    detail: `modeled from ${model.source}${component.version ? "" : " (the program's SDK named no version: the newest line is assumed)"}${model.newerThanModeled ? ` (${model.newerThanModeled})` : ""}: ${made} resource${made === 1 ? "" : "s"}`,
                    ...(component.version ? { version: component.version } : {}),
                    network: model.withoutNetwork ? "no" : network,
                },
            };
        }
        const why = modelFor(component.type, "")
            ? `tierguard models ${component.type} only for other versions than${versionNote}`
            : `tierguard has no model of ${component.type}`;
        return {
            outputs: new Struct(),
            outputDependencies: {},
            expansion: {
                by: "none",
                detail: `its children are created by its provider plugin, ${provider.problem ?? `which is not installed (${pluginsDir()}/resource-${pkg}-v*)`}, and ${why}: they were not checked`,
                ...(component.version ? { version: component.version } : {}),
                network,
            },
        };
    }
}
