/**
 * Every example of every policy over the engine protocol: the pack started as the engine starts it
 * (run-policy-pack), told the mode (ConfigureStack dryRun), configured, then sent the example as the
 * engine sends it — a resource's inputs to Analyze, a stack to AnalyzeStack. The verdicts must be the
 * example's, exactly as in-process (test/unit/policyExamples.test.ts).
 *
 * The protocol carries a level, not a kind of finding. So each example first runs with the policy
 * advisory and unknownValues mandatory: a violation then arrives advisory and a "cannot verify"
 * mandatory. It then runs as users get it, with the policy's own level: violations at that level,
 * "cannot verify" advisory. A failing example's findings are hidden by an exemption and by disabling
 * the policy.
 */
import { Diagnostic, PACK_DIR, PackProcess } from "../../cli/engine/packProcess";
import { MODES, Mode, ResourceExample, StackExample } from "../../policypack/kit/examples";
import {
    PolicyUnderTest,
    Seen,
    engineInput,
    exampleRuns,
    expectedList,
    expectedVerdicts,
    missingTexts,
    policiesUnderTest,
    resourceNameOf,
    seenList,
} from "../policyExamples";

const subjects = policiesUnderTest();
type Config = Record<string, { enforcementLevel?: string; [key: string]: unknown }>;

let pack: PackProcess;
beforeAll(async () => {
    // As the Pulumi CLI starts it: without the preload tierguard's own runs add.
    pack = await PackProcess.start(PACK_DIR, 30000, { asPulumiStartsIt: true });
});
afterAll(async () => {
    await pack?.stop();
});

/** A run of the engine: the mode, then the policy config. */
async function run(subject: PolicyUnderTest, example: ResourceExample | StackExample, mode: Mode, config: Config): Promise<Diagnostic[]> {
    await pack.configureStack({ stack: "dev", project: "app", organization: "acme", dryRun: mode === "preview" });
    await pack.configure(config);
    const all =
        subject.kind === "resource"
            ? await pack.analyze(engineInput(example as ResourceExample, mode))
            : await pack.analyzeStack(engineInput(example as StackExample, mode));
    // Whatever the policy, no example may make any policy fail to run, nor the SDK give up on a preview.
    expect(all.filter((d) => /can't run|could not run|internal error|Invalid configuration|Invalid exemption/.test(d.message))).toEqual([]);
    return all.filter((d) => d.policyName === subject.name);
}

const settings = (example: ResourceExample | StackExample, level: string, extra: Record<string, unknown> = {}) => ({
    enforcementLevel: level,
    ...example.config,
    ...extra,
});

describe("every example over the engine protocol", () => {
    it.each(exampleRuns(subjects))("%s", async (_, subject, example, mode) => {
        // Violations advisory, "cannot verify" mandatory: the levels tell the kinds apart.
        const told = await run(subject, example, mode, { [subject.name]: settings(example, "advisory", { unknownValues: "mandatory" }) });
        const seen = told.map((d): Seen => ({
            resource: resourceNameOf(d.urn),
            verdict: d.enforcementLevel === "mandatory" ? "cannot verify" : "fail",
            message: d.message,
        }));
        expect(seenList(seen)).toEqual(expectedList(example, mode));
        expect(missingTexts(example, mode, seen)).toEqual([]);

        // As users get them: the policy's own level for violations, advisory for "cannot verify".
        const asUsers = await run(subject, example, mode, example.config ? { [subject.name]: settings(example, subject.policy.enforcementLevel) } : {});
        const levelOf = { fail: subject.policy.enforcementLevel, "cannot verify": "advisory" } as const;
        const expectedLevels = [...expectedVerdicts(example, mode)].flatMap(([resource, verdicts]) =>
            verdicts.filter((v) => v !== "pass").map((v) => `${resource}: ${levelOf[v as "fail" | "cannot verify"]}`),
        );
        expect([...new Set(asUsers.map((d) => `${resourceNameOf(d.urn)}: ${d.enforcementLevel}`))].sort()).toEqual([...new Set(expectedLevels)].sort());
    });
});

describe.each(MODES)("examples with findings, %s mode", (mode) => {
    const withFindings = exampleRuns(subjects).filter(([, , example, m]) => m === mode && expectedList(example, mode).length > 0);
    it.each(withFindings)("%s: an exemption with a reason hides its findings; a disabled policy is silent", async (_, subject, example) => {
        expect(
            await run(subject, example, mode, {
                [subject.name]: settings(example, subject.policy.enforcementLevel, { exemptions: [{ resource: "*", reason: "accepted risk" }] }),
            }),
        ).toEqual([]);
        expect(await run(subject, example, mode, { [subject.name]: settings(example, "disabled") })).toEqual([]);
    });
});
