/**
 * One pack process judging one or more stacks, in the order and shape the Pulumi engine uses: started
 * and configured once (GetAnalyzerInfo, then Configure with the config file's values over schema
 * defaults, as the CLI fills them), then ConfigureStack, Analyze and AnalyzeStack per stack.
 */
import * as path from "path";
import { PACK_DIR, PackProcess, PolicyInfo } from "./packProcess";
import { CaptureResult, Mode, isAnalysed } from "./capturedStack";
import { PolicyConfigFile, configurationFor, validatePolicyConfig } from "../policyConfig";
import { withRuleFacts } from "./ruleFacts";
import { PackConfiguration, internetDefinition } from "../../policypack/inProcess";
import { InternetOptions } from "../../policypack/model/addresses";
import { PackVerdict, StackJudgement } from "./stackJudgement";
import { EXCEPTIONS_KEY, ExceptionStatus, PolicyException, applyExceptions, readExceptions } from "../policyExceptions";
import { Violation } from "./violation";

/** A stack's verdict after the config file's policy exceptions (if any) were applied, as the Pulumi CLI applies them. */
export interface SessionVerdict extends PackVerdict {
    /** Violations an exception waived: reported, but they do not count. */
    exempted: Violation[];
    /** The config file's exceptions, with their status and what each waived in this stack. */
    exceptions: ExceptionStatus[];
}

/** How long a pack that answered before may take to answer GetAnalyzerInfo before it counts as stopped. */
const PROBE_TIMEOUT_MS = 5000;

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
    return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms);
        promise.then(
            (value) => {
                clearTimeout(timer);
                resolve(value);
            },
            (error) => {
                clearTimeout(timer);
                reject(error);
            },
        );
    });
}

/** What a judged stack's network graph is drawn with, so that it shows what the pack judged. */
export interface GraphBasis {
    /** The internet definition tier-isolation judges paths with, under the configuration the pack was sent. */
    internet: InternetOptions;
    /** Whether violations carry the paths they name: tierguard's own pack's do; another pack's cannot, so none is coloured. */
    edgesKnown: boolean;
}

export class PackSession {
    readonly graphBasis: GraphBasis;

    private constructor(
        private readonly pack: PackProcess,
        /** The pack's policies as GetAnalyzerInfo describes them (for SARIF rules). */
        readonly policies: PolicyInfo[],
        /** The configuration the pack was sent (Configure). */
        configuration: PackConfiguration,
        /** For tierguard's own pack, that configuration: rule facts are evaluated in-process with it. */
        private readonly ownConfiguration: PackConfiguration | undefined,
        /**
         * The config file's policy exceptions. The engine side applies them to what the pack reports, as
         * the Pulumi CLI does under `pulumi preview`; the pack is never sent them.
         */
        readonly exceptions: PolicyException[] = [],
    ) {
        this.graphBasis = { internet: internetDefinition(configuration), edgesKnown: ownConfiguration !== undefined };
    }

    /**
     * Starts the pack and configures it. The config is first validated against the policies the pack
     * declares (`configSource` names its file in the error): a typo is refused, never sent.
     */
    static async open(configFile: PolicyConfigFile, packDir: string = PACK_DIR, configSource?: string): Promise<PackSession> {
        const pack = await PackProcess.start(packDir);
        try {
            const info = await pack.getAnalyzerInfo();
            const own = path.resolve(packDir) === path.resolve(PACK_DIR);
            validatePolicyConfig(configSource, configFile, info.policies, own);
            const configuration = configurationFor(info.policies, configFile);
            await pack.configure(configuration);
            return new PackSession(pack, info.policies, configuration, own ? configuration : undefined, readExceptions(configFile[EXCEPTIONS_KEY]));
        } catch (error) {
            await pack.stop();
            throw error;
        }
    }

    async close(): Promise<void> {
        await this.pack.stop();
    }

    /**
     * After a request failed: undefined when the pack still answers, else how it ended (it may have
     * run out of memory, been killed, or hang), with its last words on stderr. A pack that still runs
     * but does not answer is left to close() to stop.
     */
    async failure(): Promise<string | undefined> {
        if (this.pack.alive) {
            try {
                await withTimeout(this.pack.getAnalyzerInfo(), PROBE_TIMEOUT_MS);
                return undefined;
            } catch {
                // Gone or going: say how, below.
            }
        }
        const ended = (await this.pack.ended(1000)) ?? `it did not answer within ${PROBE_TIMEOUT_MS / 1000} s`;
        const lastWords = this.pack.stderr().trim().split("\n").slice(-3).join(" / ");
        return lastWords ? `${ended}; its last output: ${lastWords}` : ended;
    }

    /**
     * Judges a stack: ConfigureStack, Analyze of each resource, AnalyzeStack. With `recordedState` (a stack export), resources whose
     * recorded outputs differ from their inputs are also analysed as recorded (see drift.ts).
     */
    async judge(capture: CaptureResult, mode: Mode, options: { recordedState?: boolean; now?: number } = {}): Promise<SessionVerdict> {
        const judgement = new StackJudgement(this.pack, this.policies, capture, mode);
        const byUrn = new Map(capture.resources.map((r) => [r.urn, r]));
        const lookup = (urn: string) => byUrn.get(urn);
        for (const resource of capture.resources) if (isAnalysed(resource)) judgement.analyze(resource, lookup, options);
        const verdict = await judgement.finish(capture);
        const violations = this.ownConfiguration ? withRuleFacts(verdict.violations, capture, this.ownConfiguration) : verdict.violations;
        return { ...verdict, ...applyExceptions(violations, this.exceptions, options.now) };
    }
}
