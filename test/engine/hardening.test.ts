/**
 * The "Hardening" issue through the engine protocol, where it is about the pack rather than one policy:
 * the pack started by run-policy-pack and driven over gRPC, in preview mode (unknown ids, dryRun) and
 * update mode (known ids). The hostile-names case is the one test/unit/hardening.test.ts runs
 * in-process: both doors must agree. Its cases about one policy are those policies' examples
 * (test/engine/policyExamples.test.ts).
 */
import * as fs from "fs";
import * as path from "path";
import { Diagnostic, PACK_DIR, PackProcess, urnOf } from "../../cli/engine/packProcess";
import { stackPolicyDefinitions } from "../../policypack/policies";
import { Mode, buildStack } from "../../policypack/kit/examples";
import { HOSTILE_STACK_CASE, PROTOTYPE_NAMES, StackCase, expectedIn } from "../hardeningCases";

const MODES: Mode[] = ["update", "preview"];
const SG = "aws:ec2/securityGroup:SecurityGroup";
const resourceOf = (d: Diagnostic) => d.urn.split("::").pop();
const of = (ds: Diagnostic[], policy: string) => ds.filter((d) => d.policyName === policy);

let pack: PackProcess;
beforeAll(async () => {
    // As the Pulumi CLI starts it: without the preload tierguard's own runs add.
    pack = await PackProcess.start(PACK_DIR, 30000, { asPulumiStartsIt: true });
});
afterAll(async () => {
    await pack?.stop();
});

/** A run of the engine: which mode, then the policy config (with each policy's default level). */
async function startRun(mode: Mode, config: Record<string, { enforcementLevel?: string; [key: string]: unknown }> = {}): Promise<void> {
    await pack.configureStack({ stack: "dev", project: "app", organization: "acme", dryRun: mode === "preview" });
    await pack.configure(config);
}

async function expectCase(c: StackCase, mode: Mode): Promise<void> {
    const level = stackPolicyDefinitions.find((p) => p.name === c.policy)!.enforcementLevel;
    await startRun(mode, c.config ? { [c.policy]: { enforcementLevel: level, ...c.config } } : {});
    const all = await pack.analyzeStack(buildStack(c.stack, mode));
    expect(all.filter((d) => /can't run|could not run|internal error/.test(d.message))).toEqual([]);
    const found = of(all, c.policy);
    const expected = expectedIn(c, mode);
    expect(found.map((d) => `${resourceOf(d)} ${d.enforcementLevel}`).sort()).toEqual(expected.map((e) => `${e.resource} ${e.level}`).sort());
    for (const e of expected) {
        expect(found.some((d) => resourceOf(d) === e.resource && d.enforcementLevel === e.level && e.contains.every((text) => d.message.includes(text)))).toBe(
            true,
        );
    }
}

const STACK_CASES = [HOSTILE_STACK_CASE];

describe.each(MODES)("stack cases over the engine protocol (%s)", (mode) => {
    it.each(STACK_CASES.map((c) => [`${c.policy}: ${c.title}`, c] as const))("%s", async (_, c) => expectCase(c, mode));
});

describe.each(MODES)("A. Object.prototype names reach the pack (%s)", (mode) => {
    it("a mandatory tier-isolation finding stays mandatory beside them (the run fails, exit 1)", async () => {
        await startRun(mode);
        const found = of(await pack.analyzeStack(buildStack(HOSTILE_STACK_CASE.stack, mode)), "tier-isolation");
        expect(found.map((d) => [resourceOf(d), d.enforcementLevel])).toEqual([["orders-db", "mandatory"]]);
    });

    it("as resource types and names, and as protocols, in Analyze", async () => {
        await startRun(mode);
        for (const name of PROTOTYPE_NAMES) {
            expect(await pack.analyze({ type: name, name, props: { [name]: name, tags: { "tierguard:tier": name } } })).toEqual([]);
            const diagnostics = await pack.analyze({
                type: SG,
                name,
                props: { ingress: [{ protocol: name, fromPort: 22, toPort: 22, cidrBlocks: ["0.0.0.0/0"], description: "x" }] },
            });
            expect(diagnostics.filter((d) => /can't run|could not run|internal error/.test(d.message))).toEqual([]);
            const admin = of(diagnostics, "no-admin-ports-from-internet");
            expect(admin.map((d) => d.enforcementLevel)).toEqual(["advisory"]);
            expect(admin[0].message).toContain(`ingress[0].protocol = "${name}" is malformed`);
            expect(admin[0].urn).toBe(urnOf(SG, name));
        }
    });

    it("as config keys: reported as settings the policy does not have", async () => {
        await startRun(mode, { "tier-isolation": { enforcementLevel: "mandatory", constructor: 1, toString: "x", hasOwnProperty: [] } });
        const found = of(await pack.analyzeStack(buildStack(HOSTILE_STACK_CASE.stack, mode)), "tier-isolation");
        for (const key of ["constructor", "toString", "hasOwnProperty"])
            expect(found.map((d) => d.message).join("\n")).toContain(`config "${key}" is not a setting of this policy`);
        expect(found.some((d) => resourceOf(d) === "orders-db" && d.enforcementLevel === "mandatory")).toBe(true);
    });
});

describe("A. a policy that cannot run, as the engine sees it", () => {
    // A pack folder beside the compiled tests, so the pack resolves @pulumi/policy from the project.
    const dir = path.join(__dirname, "packs", "cannot-run");
    let failing: PackProcess;
    beforeAll(async () => {
        fs.mkdirSync(dir, { recursive: true });
        fs.writeFileSync(path.join(dir, "PulumiPolicy.yaml"), "runtime: nodejs\ndescription: policies that cannot run\n");
        fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: "tierguard-cannot-run", version: "0.0.0", main: "index.js" }));
        fs.writeFileSync(path.join(dir, "index.js"), `require(${JSON.stringify(path.join(__dirname, "failingPack.js"))});\n`);
        failing = await PackProcess.start(dir);
    });
    afterAll(async () => {
        await failing?.stop();
    });

    it.each(MODES)("reports at each policy's own level, naming the error; a configured level wins (%s)", async (mode) => {
        await failing.configureStack({ stack: "dev", project: "app", organization: "acme", dryRun: mode === "preview" });
        await failing.configure({});
        const stack = buildStack(HOSTILE_STACK_CASE.stack, mode);
        const found = await failing.analyzeStack(stack);
        expect(found.map((d) => [d.policyName, d.enforcementLevel]).sort()).toEqual([
            ["cannot-run-advisory", "advisory"],
            ["cannot-run-mandatory", "mandatory"],
        ]);
        for (const d of found)
            expect(d.message).toContain(
                `tierguard could not run policy ${d.policyName} on the stack (internal error: TypeError: property.split is not a function)`,
            );
        const onResource = await failing.analyze({ type: SG, name: "web-sg", props: { ingress: [] } });
        expect(onResource.map((d) => [d.policyName, d.enforcementLevel])).toEqual([["cannot-run-on-resources", "mandatory"]]);
        expect(onResource[0].message).toContain('could not run policy cannot-run-on-resources on resource "web-sg"');

        // The level is the policy's, as configured; unknownValues (for "cannot verify") does not touch it.
        await failing.configure({
            "cannot-run-mandatory": { enforcementLevel: "advisory" },
            "cannot-run-advisory": { enforcementLevel: "advisory", unknownValues: "mandatory" },
        });
        expect((await failing.analyzeStack(stack)).map((d) => d.enforcementLevel)).toEqual(["advisory", "advisory"]);
    });
});
