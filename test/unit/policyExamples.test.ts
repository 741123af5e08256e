/**
 * Every example of every policy, in-process, in each engine mode it runs in: the policy's verdicts on the
 * example's resources are exactly the example's, and its messages contain the texts the example names.
 * Also that every policy is one folder with examples that show both sides of it. The same examples run
 * over the engine protocol in test/engine/policyExamples.test.ts.
 */
import { policyDefinitions, stackPolicyDefinitions } from "../../policypack/policies";
import { ResourceExample, StackExample, inMode, modesOf } from "../../policypack/kit/examples";
import {
    PREFIXES,
    STACK,
    hasModule,
    exampleRuns,
    expectedList,
    expectedTexts,
    expectedVerdicts,
    judgeInProcess,
    missingTexts,
    policiesUnderTest,
    policyFolders,
    seenList,
    worstVerdict,
} from "../policyExamples";

const subjects = policiesUnderTest();
const registered = [...policyDefinitions, ...stackPolicyDefinitions].map((p) => p.name);

describe("a policy is one folder", () => {
    it("every registered policy has a folder named after it, and every folder is a registered policy", () => {
        expect(policyFolders()).toEqual([...registered].sort());
    });
    it.each(registered)("%s/ holds policy.ts and examples.ts", (name) => {
        expect({ policy: hasModule(name, "policy"), examples: hasModule(name, "examples") }).toEqual({ policy: true, examples: true });
    });
});

describe.each(subjects.map((s) => [s.name, s] as const))("%s examples", (_, subject) => {
    const examples = subject.examples as ReadonlyArray<ResourceExample | StackExample>;

    it("show both sides: at least one example that passes and one that fails", () => {
        const worst = examples.map(worstVerdict);
        expect(worst).toContain("pass");
        expect(worst).toContain("fail");
    });

    it("are of the policy's kind: resources for a resource policy, stacks for a stack policy", () => {
        for (const example of examples)
            expect({ example: example.name, isStack: "resources" in example }).toEqual({ example: example.name, isStack: subject.kind === "stack" });
    });

    it("have unique names that start with their worst verdict (pass_, fail_, cannot_verify_)", () => {
        expect(new Set(examples.map((e) => e.name)).size).toBe(examples.length);
        const misnamed = examples.filter((e) => !e.name.startsWith(PREFIXES[worstVerdict(e)])).map((e) => `${e.name} expects ${worstVerdict(e)}`);
        expect(misnamed).toEqual([]);
    });

    it("name only resources they hold, expect no 'pass' beside a finding, and expect texts only where there are findings", () => {
        const problems: string[] = [];
        for (const example of examples) {
            const names = new Set("resources" in example ? [...example.resources.map((r) => r.name), STACK] : [example.name]);
            for (const mode of modesOf(example)) {
                const verdicts = expectedVerdicts(example, mode);
                const raw = "resources" in example ? Object.values(inMode(example.expect, mode)) : [inMode(example.expect, mode)];
                for (const resource of verdicts.keys()) if (!names.has(resource)) problems.push(`${example.name}: no resource ${resource}`);
                for (const given of raw)
                    if (Array.isArray(given) && given.includes("pass") && given.length > 1) problems.push(`${example.name}: "pass" with other verdicts`);
                for (const [resource, texts] of expectedTexts(example, mode)) {
                    if (texts.length > 0 && (verdicts.get(resource) ?? ["pass"]).join() === "pass")
                        problems.push(`${example.name} (${mode}): texts expected from ${resource}, which passes`);
                }
            }
        }
        expect(problems).toEqual([]);
    });
});

describe("every example in-process", () => {
    it.each(exampleRuns(subjects))("%s", (_, subject, example, mode) => {
        const seen = judgeInProcess(subject, example, mode);
        expect(seen.filter((s) => /could not run|internal error|Invalid configuration|Invalid exemption/.test(s.message))).toEqual([]);
        expect(seenList(seen)).toEqual(expectedList(example, mode));
        expect(missingTexts(example, mode, seen)).toEqual([]);
        // A resource policy's message names the resource it is about, and a violation says how to fix it.
        if (subject.kind === "resource") {
            for (const s of seen) expect(s.message).toContain(example.name);
            for (const s of seen.filter((s) => s.verdict === "fail")) expect(s.message).toContain("Fix");
        }
    });
});
