/** The README's policy table is the users' reference: it must match the policies' metadata (policypack/policies/<name>/policy.ts). */
import * as fs from "fs";
import * as path from "path";
import { policyDefinitions as resourcePolicies, stackPolicyDefinitions } from "../../policypack/policies";
import { REPO_ROOT } from "../repoRoot";

const policyDefinitions = [...resourcePolicies, ...stackPolicyDefinitions];

const readme = fs.readFileSync(path.join(REPO_ROOT, "README.md"), "utf8");
const policiesSection = readme.slice(readme.indexOf("\n## Policies"), readme.indexOf("\n## ", readme.indexOf("\n## Policies") + 1));
const rows = new Map<string, string[]>();
for (const line of policiesSection.split("\n")) {
    const cells = line.split("|").map((c) => c.trim());
    const name = /^`([a-z0-9-]+)`$/.exec(cells[1] ?? "");
    if (name && cells.length >= 6) rows.set(name[1], cells.slice(1, -1));
}

const stackPolicies = new Set(stackPolicyDefinitions.map((p) => p.name));

describe("README policy table", () => {
    it("lists exactly the pack's policies, in the registry's order", () => {
        expect([...rows.keys()]).toEqual(policyDefinitions.map((p) => p.name));
    });
    it("marks exactly the stack policies *(stack)*", () => {
        const marked = [...rows].filter(([, cells]) => cells[2].startsWith("*(stack)*")).map(([name]) => name);
        expect(marked).toEqual([...stackPolicies]);
    });
    it.each(policyDefinitions.map((p) => [p.name, p] as const))("%s: default level and every config key with its default", (name, policy) => {
        const [, level, , config] = rows.get(name)!;
        expect(level).toBe(policy.enforcementLevel);
        for (const [key, spec] of Object.entries(policy.config)) {
            expect(config).toContain(`\`${key}\``);
            const shown = JSON.stringify(spec.schema.default).replace(/,/g, ", ");
            if (!config.includes("the database ports above")) expect(config).toContain(`(${shown})`);
        }
    });
});
