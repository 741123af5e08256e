/** The README's policy table is the users' reference: it must match the pack. */
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

describe("README policy table", () => {
    it("lists exactly the pack's policies", () => {
        expect([...rows.keys()].sort()).toEqual(policyDefinitions.map((p) => p.name).sort());
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
