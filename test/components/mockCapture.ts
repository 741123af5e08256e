/**
 * Component unit tests only: runs component code in this process under the SDK's mocks (a preview,
 * so computed outputs are unknown; "update" gives known placeholder ids) and records each
 * registration as the engine would hand it to a pack. Fast enough for property tests over many
 * configurations; `tierguard check` itself runs programs under its real engine (cli/engine).
 */
import { CaptureResult, CapturedResource, Mode, STACK_TYPE, placeholderId, stackUrnOf, urnOf } from "../../cli/engine/capturedStack";
import { analyzerValue } from "../../cli/engine/wireValues";

export { CaptureResult, CapturedResource, Mode };

export interface CaptureOptions {
    /** The program's directory: its own @pulumi/pulumi is the one driven. */
    programDir: string;
    /** Loads and runs the program (require of its entry point); may return stack outputs. */
    run: () => unknown;
    project: string;
    stack: string;
    mode: Mode;
}

/** A registration request, read through the generated protobuf getters. */
interface RegisterRequest {
    getType(): string;
    getName(): string;
    getParent(): string;
    getCustom(): boolean;
    getRemote(): boolean;
    getProvider(): string;
    getObject(): { toJavaScript(): Record<string, unknown> } | undefined;
    getDependenciesList(): string[];
    getPropertydependenciesMap(): { entries(): Iterable<[string, { getUrnsList(): string[] }]> } | undefined;
    getSourceposition?(): { getUri(): string; getLine(): number; getColumn(): number } | undefined;
}

/** The program's own @pulumi/pulumi and its runtime settings (where the monitor lives). */
function programSdk(programDir: string) {
    const pulumi = require(require.resolve("@pulumi/pulumi", { paths: [programDir] }));
    const settings = require(require.resolve("@pulumi/pulumi/runtime/settings", { paths: [programDir] }));
    return { pulumi, settings };
}

/** Mocks as a first preview answers: outputs are the inputs, everything a provider would compute stays unknown. */
async function mockAsPreview(pulumi: any, options: CaptureOptions): Promise<void> {
    await pulumi.runtime.setMocks(
        {
            newResource(args: { inputs: Record<string, unknown> }) {
                return { id: undefined, state: args.inputs };
            },
            call() {
                return {};
            },
        },
        options.project,
        options.stack,
        true,
    );
}

/** A registration as the engine would hand it to a pack. */
function capturedOf(request: RegisterRequest, urn: string, mode: Mode): CapturedResource {
    const propertyDependencies: Record<string, string[]> = {};
    for (const [key, urns] of request.getPropertydependenciesMap()?.entries() ?? []) propertyDependencies[key] = urns.getUrnsList();
    const position = request.getSourceposition?.();
    const custom = request.getCustom();
    const type = request.getType();
    return {
        urn,
        type,
        name: request.getName(),
        custom,
        remote: request.getRemote(),
        parent: request.getParent() || undefined,
        provider: request.getProvider() || undefined,
        inputs: analyzerValue(request.getObject()?.toJavaScript() ?? {}) as Record<string, unknown>,
        dependencies: request.getDependenciesList(),
        propertyDependencies,
        source: position ? { uri: position.getUri(), line: position.getLine(), column: position.getColumn() } : undefined,
        ...(custom && mode === "update" ? { id: placeholderId(type, urn) } : {}),
    };
}

/** Makes the mock monitor record every registration into `resources`, with URNs and ids as the engine makes them. */
function recordRegistrations(monitor: any, options: CaptureOptions, resources: CapturedResource[]): void {
    // URNs as the engine makes them: the parent's full qualified type chain, except for the root stack.
    monitor.newUrn = (parent: string | undefined, type: string, name: string): string => urnOf(options.stack, options.project, parent, type, name);
    const mockRegister = monitor.registerResource.bind(monitor);
    monitor.registerResource = (request: RegisterRequest, callback: (error: unknown, response: unknown) => void) => {
        const captured = capturedOf(request, monitor.newUrn(request.getParent() || undefined, request.getType(), request.getName()), options.mode);
        resources.push(captured);
        // Answer as the engine does in a preview: the URN, the id (known placeholder in update mode,
        // unknown in preview), the inputs as outputs, and nothing for a remote component's children.
        mockRegister(request, (error: unknown, response: { setId(id: string): void } | undefined) => {
            if (response && captured.id) response.setId(captured.id);
            callback(error, response);
        });
    };
}

/**
 * Runs the program in a stack and waits for its registrations. A failure inside an apply or a
 * registration (e.g. an Output that fails validation when it resolves) surfaces as an unhandled
 * rejection, as it fails a real deployment: it fails the run.
 */
async function runProgramInStack(pulumi: any, settings: any, run: () => unknown): Promise<void> {
    const failures: unknown[] = [];
    const onRejection = (reason: unknown) => failures.push(reason);
    process.on("unhandledRejection", onRejection);
    try {
        await pulumi.runtime.runInPulumiStack(async () => {
            // A program may export its outputs, a promise of them, or a (possibly async) function returning them.
            const exported = await run();
            return typeof exported === "function" ? await (exported as () => unknown)() : exported;
        });
        await settings.waitForRPCs();
        // Rejections are reported after the microtasks that produced them; give them a turn to arrive.
        await new Promise((resolve) => setImmediate(resolve));
    } catch (error) {
        throw failures[0] ?? error;
    } finally {
        process.off("unhandledRejection", onRejection);
    }
    if (failures.length > 0) throw failures[0];
}

export async function captureProgram(options: CaptureOptions): Promise<CaptureResult> {
    const { pulumi, settings } = programSdk(options.programDir);
    await mockAsPreview(pulumi, options);
    const resources: CapturedResource[] = [];
    recordRegistrations(settings.getMonitor(), options, resources);
    await runProgramInStack(pulumi, settings, options.run);
    const stackResource = resources.find((r) => r.type === STACK_TYPE);
    return { project: options.project, stack: options.stack, stackUrn: stackResource?.urn ?? stackUrnOf(options.project, options.stack), resources };
}
