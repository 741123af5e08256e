/**
 * Every policy of the registry with the examples of its folder (policypack/policies/<name>/examples.ts),
 * and what an example expects, for the generic tests that run every example in-process
 * (test/unit/policyExamples.test.ts) and over the engine protocol (test/engine/policyExamples.test.ts).
 *
 * A resource's verdicts are the kinds of finding the policy gives it — "fail" (a violation), "cannot
 * verify" — or "pass" when it gives none. Both doors are compared with the example as lists of
 * "resource: verdicts" for every resource that does not pass, so a failure shows the difference.
 */
import * as fs from "fs";
import * as path from "path";
import { policyDefinitions, stackPolicyDefinitions } from "../policypack/policies";
import { ResourcePolicy } from "../policypack/kit/define";
import { StackPolicy } from "../policypack/kit/defineStack";
import { StackGraph } from "../policypack/network/graph";
import { Mode, ResourceExample, StackExample, Verdict, Verdicts, buildStack, modesOf, propsIn, urnOf, inMode } from "../policypack/kit/examples";

/** The policy folders beside the tests: compiled in dist/, or the TypeScript sources when tests run on them. */
export const POLICIES_DIR = path.resolve(__dirname, "..", "policypack", "policies");

/** Whether a folder has the module `name` (policy, examples), compiled or not. */
export function hasModule(folder: string, name: string): boolean {
    return [".js", ".ts"].some((extension) => fs.existsSync(path.join(POLICIES_DIR, folder, name + extension)));
}

export type PolicyUnderTest =
    | { kind: "resource"; name: string; policy: ResourcePolicy; examples: readonly ResourceExample[] }
    | { kind: "stack"; name: string; policy: StackPolicy; examples: readonly StackExample[] };

/** The folders under policypack/policies: one per policy (the files beside them are shapes policies share). */
export function policyFolders(): string[] {
    return fs
        .readdirSync(POLICIES_DIR, { withFileTypes: true })
        .filter((entry) => entry.isDirectory())
        .map((entry) => entry.name)
        .sort();
}

/** The examples a folder exports, or undefined when it has no examples module. */
export function examplesOf(folder: string): readonly ResourceExample[] | readonly StackExample[] | undefined {
    if (!hasModule(folder, "examples")) return undefined;
    const loaded: { examples?: ResourceExample[] | StackExample[] } = require(path.join(POLICIES_DIR, folder, "examples"));
    return loaded.examples;
}

/** Every registered policy, with the examples of the folder named after it (none when it has no folder). */
export function policiesUnderTest(): PolicyUnderTest[] {
    return [
        ...policyDefinitions.map((policy): PolicyUnderTest => ({
            kind: "resource",
            name: policy.name,
            policy,
            examples: (examplesOf(policy.name) ?? []) as readonly ResourceExample[],
        })),
        ...stackPolicyDefinitions.map((policy): PolicyUnderTest => ({
            kind: "stack",
            name: policy.name,
            policy,
            examples: (examplesOf(policy.name) ?? []) as readonly StackExample[],
        })),
    ];
}

/** What a finding is about: a resource's name, or "(stack)" for the stack as a whole. */
export const STACK = "(stack)";
export const resourceNameOf = (urn: string | undefined) => (urn ? urn.split("::").pop()! : STACK);

/** One finding as either door reports it. */
export interface Seen {
    resource: string;
    verdict: Exclude<Verdict, "pass">;
    message: string;
}

const ORDER: Verdict[] = ["fail", "cannot verify", "pass"];

/** A set of verdicts, in a fixed order; "pass" only when there is nothing else. */
export function normalised(verdicts: Verdicts | undefined): Verdict[] {
    const given = verdicts === undefined ? [] : typeof verdicts === "string" ? [verdicts] : [...verdicts];
    const findings = ORDER.filter((v) => v !== "pass" && given.includes(v));
    return findings.length > 0 ? findings : ["pass"];
}

/** "resource: fail + cannot verify" for every resource that does not pass, sorted. */
function listed(byResource: Map<string, Verdict[]>): string[] {
    return [...byResource]
        .filter(([, verdicts]) => verdicts.join() !== "pass")
        .map(([resource, verdicts]) => `${resource}: ${verdicts.join(" + ")}`)
        .sort();
}

/** The verdicts an example expects in `mode`, by resource. */
export function expectedVerdicts(example: ResourceExample | StackExample, mode: Mode): Map<string, Verdict[]> {
    if ("type" in example) return new Map([[example.name, normalised(inMode(example.expect, mode))]]);
    return new Map(Object.entries(inMode(example.expect, mode)).map(([resource, verdicts]) => [resource, normalised(verdicts)]));
}

export const expectedList = (example: ResourceExample | StackExample, mode: Mode) => listed(expectedVerdicts(example, mode));

export function seenList(seen: readonly Seen[]): string[] {
    const byResource = new Map<string, Verdict[]>();
    for (const s of seen) byResource.set(s.resource, normalised([...(byResource.get(s.resource) ?? []), s.verdict]));
    return listed(byResource);
}

/** The worst verdict an example expects in any mode of its own: what its name must start with. */
export function worstVerdict(example: ResourceExample | StackExample): Verdict {
    const all = modesOf(example).flatMap((mode) => [...expectedVerdicts(example, mode).values()].flat());
    return ORDER.find((v) => all.includes(v)) ?? "pass";
}

export const PREFIXES: Record<Verdict, string> = { fail: "fail_", "cannot verify": "cannot_verify_", pass: "pass_" };

/** Texts an example expects in the messages about each resource in `mode`. */
export function expectedTexts(example: ResourceExample | StackExample, mode: Mode): Array<[string, readonly string[]]> {
    if ("type" in example) return example.messageContains ? [[example.name, inMode(example.messageContains, mode)]] : [];
    return Object.entries(example.messageContains ?? {}).map(([resource, texts]) => [resource, inMode(texts, mode)]);
}

/** Texts expected but found in no message about their resource. */
export function missingTexts(example: ResourceExample | StackExample, mode: Mode, seen: readonly Seen[]): string[] {
    const missing: string[] = [];
    for (const [resource, texts] of expectedTexts(example, mode)) {
        const messages = seen.filter((s) => s.resource === resource).map((s) => s.message);
        for (const text of texts) if (!messages.some((m) => m.includes(text))) missing.push(`${resource}: ${text}`);
    }
    return missing;
}

/** What the engine hands the pack for an example: a resource's inputs (Analyze) or a stack (AnalyzeStack). */
export function engineInput(example: ResourceExample, mode: Mode): { type: string; name: string; urn: string; props: Record<string, unknown> };
export function engineInput(example: StackExample, mode: Mode): ReturnType<typeof buildStack>;
export function engineInput(example: ResourceExample | StackExample, mode: Mode) {
    if ("type" in example) return { type: example.type, name: example.name, urn: urnOf(example.type, example.name), props: propsIn(example.props, mode) };
    return buildStack(example.resources, mode);
}

/**
 * The policy run in-process, as the pack's wrapper runs it (config, exemptions, levels). A report with
 * no level of its own is a violation; one with a level is "cannot verify" (it takes the unknownValues level).
 */
export function judgeInProcess(subject: PolicyUnderTest, example: ResourceExample | StackExample, mode: Mode): Seen[] {
    const config = example.config ?? {};
    const seen = (resource: string, report: { message: string; enforcementLevel?: string }): Seen => ({
        resource,
        verdict: report.enforcementLevel === undefined ? "fail" : "cannot verify",
        message: report.message,
    });
    if (subject.kind === "resource") {
        const resource = engineInput(example as ResourceExample, mode);
        return subject.policy.evaluate(resource, config).map((report) => seen(resource.name, report));
    }
    const graph = new StackGraph(engineInput(example as StackExample, mode));
    return subject.policy.evaluate(graph, config).map((report) => seen(resourceNameOf(report.urn), report));
}

/** Every example of every policy in every mode it runs in, as jest table rows. */
export function exampleRuns(subjects: readonly PolicyUnderTest[]): Array<[string, PolicyUnderTest, ResourceExample | StackExample, Mode]> {
    return subjects.flatMap((subject) =>
        (subject.examples as ReadonlyArray<ResourceExample | StackExample>).flatMap((example) =>
            modesOf(example).map((mode): [string, PolicyUnderTest, ResourceExample | StackExample, Mode] => [
                `${subject.name} › ${example.name} (${mode})`,
                subject,
                example,
                mode,
            ]),
        ),
    );
}
