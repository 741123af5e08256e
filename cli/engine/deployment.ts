/**
 * What one run of a program registered with the engine, and where the run stands. The resource
 * monitor and the engine service write to it; `check` reads it once the program is done.
 */
import { CaptureResult, CapturedResource, Mode, stackUrnOf } from "./capturedStack";
import { OfflineLedger } from "./dataSources";

export interface DeploymentSettings {
    project: string;
    stack: string;
    organization: string;
    mode: Mode;
    /** The AWS region data sources answer for (program config `aws:region`, else the environment's). */
    region: string;
    /** Called after each registration or read, with the number recorded so far. */
    onResource?: (resource: CapturedResource, count: number) => void;
}

/** What a process the engine starts (the program, a component's provider plugin) is told of the deployment it joins. */
export interface DeploymentConnection {
    stack: string;
    organization: string;
    /** "project:key" → value, as the CLI passes config. */
    config: Record<string, string>;
    secretKeys: string[];
    monitorAddress: string;
    engineAddress: string;
}

/** A message the program logged through the engine (the runner sends its fatal errors this way). */
export interface ProgramLog {
    severity: "debug" | "info" | "warning" | "error";
    message: string;
    urn?: string;
}

/** The engine's answer to a request it refuses, with the gRPC status it is sent with. */
export class EngineRefusal extends Error {
    constructor(
        readonly status: "ALREADY_EXISTS" | "FAILED_PRECONDITION" | "INVALID_ARGUMENT",
        message: string,
    ) {
        super(message);
    }
}

export class Deployment {
    readonly resources: CapturedResource[] = [];
    readonly offline = new OfflineLedger();
    readonly logs: ProgramLog[] = [];
    /** Registrations refused because they came after the program said it was done. */
    readonly late: string[] = [];
    stackUrn: string;
    private readonly byUrn = new Map<string, CapturedResource>();
    private inFlight = 0;
    private idleWaiters: Array<() => void> = [];
    private signalled = false;
    private onSignal?: () => void;
    /** Resolves when the runner calls SignalAndWaitForShutdown: the program finished as Pulumi defines it. */
    readonly shutdownSignalled: Promise<void>;

    constructor(readonly settings: DeploymentSettings) {
        this.stackUrn = stackUrnOf(settings.project, settings.stack);
        this.shutdownSignalled = new Promise((resolve) => (this.onSignal = resolve));
    }

    get isShutdownSignalled(): boolean {
        return this.signalled;
    }

    resource(urn: string): CapturedResource | undefined {
        return this.byUrn.get(urn);
    }

    /** Runs one registration, refusing it once the program has signalled it is done; counts it while it runs. */
    async registration<T>(label: string, work: () => Promise<T>): Promise<T> {
        if (this.signalled) {
            this.late.push(label);
            throw new EngineRefusal("FAILED_PRECONDITION", `${label} was registered after the program signalled that it had finished`);
        }
        this.inFlight++;
        try {
            return await work();
        } finally {
            if (--this.inFlight === 0) for (const wake of this.idleWaiters.splice(0)) wake();
        }
    }

    /** Adds a resource; a URN registered twice is refused as the engine refuses it. */
    record(resource: CapturedResource): void {
        if (this.byUrn.has(resource.urn)) {
            throw new EngineRefusal("ALREADY_EXISTS", `Duplicate resource URN '${resource.urn}'; try giving it a unique name`);
        }
        this.byUrn.set(resource.urn, resource);
        this.resources.push(resource);
        this.settings.onResource?.(resource, this.resources.length);
    }

    log(entry: ProgramLog): void {
        if (entry.severity !== "debug") this.logs.push(entry);
    }

    /** SignalAndWaitForShutdown: no registration may follow; answered once those in flight are done. */
    async signalShutdown(): Promise<void> {
        this.signalled = true;
        this.onSignal?.();
        if (this.inFlight > 0) await new Promise<void>((resolve) => this.idleWaiters.push(resolve));
    }

    capture(): CaptureResult {
        return { project: this.settings.project, stack: this.settings.stack, stackUrn: this.stackUrn, resources: this.resources };
    }
}
