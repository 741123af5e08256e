/**
 * Property-based fuzzing through the engine protocol: thousands of random and malformed resources
 * (any JSON value in any field, wrong types, missing fields, odd protocols, garbage CIDRs, unknown
 * sentinels, secrets, huge arrays) and random policy configs. No error may escape the pack: every
 * call answers, no diagnostic is the SDK's "can't run" or our "internal error", and the process lives.
 */
import fc from "fast-check";
import { PACK_DIR, PackProcess, Diagnostic } from "../../cli/engine/packProcess";
import { asEngineSends, config, resource } from "./fuzzCorpus";

let pack: PackProcess;
beforeAll(async () => {
    // As the Pulumi CLI starts it: without the preload tierguard's own runs add.
    pack = await PackProcess.start(PACK_DIR, 30000, { asPulumiStartsIt: true });
});
afterAll(async () => {
    await pack?.stop();
});

function expectNoEscapedError(diagnostics: Diagnostic[]) {
    for (const d of diagnostics) {
        expect(d.message).not.toMatch(/can't run policy|internal error/);
    }
}

it("answers thousands of random resources without an error escaping", async () => {
    await pack.configure({});
    await fc.assert(
        fc.asyncProperty(resource, async (r) => {
            expectNoEscapedError(await pack.analyze({ ...r, props: asEngineSends(r.props) as Record<string, unknown> }));
        }),
        { numRuns: 3000 },
    );
    expect(pack.alive).toBe(true);
}, 300_000);

it("answers random resources under random (often invalid) policy config", async () => {
    await fc.assert(
        fc.asyncProperty(config, fc.array(resource, { minLength: 1, maxLength: 5 }), async (cfg, resources) => {
            const withLevels = Object.fromEntries(Object.entries(asEngineSends(cfg)).map(([k, v]) => [k, { enforcementLevel: "mandatory", ...(v as object) }]));
            await pack.configure(withLevels);
            for (const r of resources) expectNoEscapedError(await pack.analyze({ ...r, props: asEngineSends(r.props) as Record<string, unknown> }));
            expectNoEscapedError(
                await pack.analyzeStack(resources.map((r, i) => ({ ...r, name: `${r.name}${i}`, props: asEngineSends(r.props) as Record<string, unknown> }))),
            );
        }),
        { numRuns: 300 },
    );
    expect(pack.alive).toBe(true);
}, 300_000);
