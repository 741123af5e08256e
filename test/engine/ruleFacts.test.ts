/**
 * Rule facts: the CLI runs the pack's evaluation in-process to learn the rule, protocol, ports and peer
 * of each violation (the Analyzer protocol carries only messages). Held here to the protocol's own
 * verdicts, on stacks rich in rules (the benchmark's synthetic stack with NACLs, standalone rules and
 * tiers; the hostile-names stack; every stack policy's examples; every resource policy's examples as one
 * stack) in both modes, with default and non-default config: every verdict of the pack started as the
 * engine starts it has an in-process twin with the same policy, resource and message, and nothing more.
 */
import { PackSession, PolicyConfigFile } from "../../cli/engine/runPack";
import { CaptureResult, CapturedResource, Mode, stackUrnOf } from "../../cli/engine/capturedStack";
import { judgeInProcess } from "../../policypack/inProcess";
import { isAnalysed, outputsOf } from "../../cli/engine/runPack";
import { configurationFor } from "../../cli/engine/runPack";
import { syntheticStack } from "../../bench/syntheticStack";
import { ResourceExample, StackExample, buildStack, propsIn, urnOf } from "../../policypack/kit/examples";
import { HOSTILE_STACK_CASE } from "../hardeningCases";
import { policiesUnderTest } from "../policyExamples";

function captureOf(resources: Array<{ type: string; name: string; urn: string; props: Record<string, unknown>; propertyDependencies: Record<string, string[]> }>): CaptureResult {
    return {
        project: "app",
        stack: "dev",
        stackUrn: stackUrnOf("app", "dev"),
        resources: resources.map(
            (r): CapturedResource => ({
                urn: r.urn,
                type: r.type,
                name: r.name,
                custom: true,
                remote: false,
                inputs: r.props,
                dependencies: [...new Set(Object.values(r.propertyDependencies).flat())],
                propertyDependencies: r.propertyDependencies,
            }),
        ),
    };
}

const MODES: Mode[] = ["update", "preview"];
const stacks: Array<[string, (mode: Mode) => CaptureResult]> = [
    [
        "the synthetic benchmark stack",
        (mode) => {
            const s = syntheticStack(600);
            return {
                project: s.project,
                stack: s.stack,
                stackUrn: stackUrnOf(s.project, s.stack),
                resources: s.resources.map(
                    (r): CapturedResource => ({
                        urn: r.urn,
                        type: r.type,
                        name: r.name,
                        custom: r.type !== "pulumi:pulumi:Stack",
                        remote: false,
                        inputs: r.inputs,
                        ...(mode === "update" ? { outputs: r.outputs, id: r.id } : {}),
                        dependencies: r.dependencies,
                        propertyDependencies: r.propertyDependencies,
                    }),
                ),
            };
        },
    ],
    [HOSTILE_STACK_CASE.title, (mode) => captureOf(buildStack(HOSTILE_STACK_CASE.stack, mode))],
    // Every stack policy's examples, each run by every policy of the pack.
    ...policiesUnderTest()
        .filter((subject) => subject.kind === "stack")
        .flatMap((subject) => (subject.examples as readonly StackExample[]).map((example): [string, (mode: Mode) => CaptureResult] => [`${subject.name} example ${example.name}`, (mode) => captureOf(buildStack(example.resources, mode))])),
    [
        // Named after their policy too: examples of different policies may share a name.
        "every resource policy's examples, as one stack",
        (mode) =>
            captureOf(
                policiesUnderTest()
                    .filter((subject) => subject.kind === "resource")
                    .flatMap((subject) => (subject.examples as readonly ResourceExample[]).map((example) => ({ ...example, name: `${subject.name}--${example.name}` })))
                    .map((example) => ({ type: example.type, name: example.name, urn: urnOf(example.type, example.name), props: propsIn(example.props, mode), propertyDependencies: {} })),
            ),
    ],
];
const configs: Array<[string, PolicyConfigFile]> = [
    ["default config", {}],
    ["every policy mandatory, unknowns mandatory, narrower internet", { all: "mandatory", "tier-isolation": { internetPrefixV4: 8, unknownValues: "mandatory" }, "no-admin-ports-from-internet": { ports: [22, "8000-8100"] } }],
];

const key = (v: { policy: string; urn: string; message: string }) => `${v.policy} | ${v.urn} | ${v.message}`;

describe.each(configs)("with %s", (_title, config) => {
    let session: PackSession;
    beforeAll(async () => {
        session = await PackSession.open(config);
    });
    afterAll(async () => {
        await session?.close();
    });
    describe.each(MODES)("%s", (mode) => {
        it.each(stacks)("%s: the protocol's verdicts and the in-process evaluation agree", async (_name, build) => {
            const capture = build(mode);
            const verdict = await session.judge(capture, mode);
            const configuration = configurationFor(session.policies, config);
            const inProcess = judgeInProcess(
                capture.resources.filter(isAnalysed).map((r) => ({ ...r, props: r.inputs })),
                capture.resources.map((r) => ({ ...r, props: outputsOf(r) })),
                configuration,
            ).map((f) => ({ ...f, urn: f.urn || capture.stackUrn }));
            if (_name === "the synthetic benchmark stack") expect(verdict.violations.length).toBeGreaterThanOrEqual(9);
            expect(verdict.violations.map(key).sort()).toEqual(inProcess.map(key).sort());
            // Every finding about a rule got its facts, from the same rule.
            const withRule = inProcess.filter((f) => f.rule).length;
            expect(verdict.violations.filter((v) => v.rule !== undefined)).toHaveLength(withRule);
            for (const v of verdict.violations.filter((v) => v.rule)) {
                expect(v.protocol).toMatch(/^(TCP|UDP|ICMP|ICMPv6|all protocols|IP protocol \d+|unknown)/);
                expect(v.ports).toBeTruthy();
            }
        });
    });
});

it("names the rule, protocol, ports and peer of SSH open to the world", async () => {
    const session = await PackSession.open({});
    try {
        const capture = captureOf([
            {
                type: "aws:ec2/securityGroup:SecurityGroup",
                name: "ssh-sg",
                urn: "urn:pulumi:dev::app::aws:ec2/securityGroup:SecurityGroup::ssh-sg",
                props: { description: "x", ingress: [{ protocol: "tcp", fromPort: 443, toPort: 443, cidrBlocks: ["10.0.0.0/8"], description: "a" }, { protocol: "-1", fromPort: 0, toPort: 0, cidrBlocks: ["0.0.0.0/0"], ipv6CidrBlocks: ["::/0"], description: "b" }], egress: [] },
                propertyDependencies: {},
            },
        ]);
        const verdict = await session.judge(capture, "update");
        const admin = verdict.violations.find((v) => v.policy === "no-admin-ports-from-internet")!;
        expect(admin).toMatchObject({ rule: "ingress[1]", protocol: "all protocols", ports: "all", peer: "0.0.0.0/0, ::/0" });
        expect(admin.ruleUrn).toBeUndefined();
        const policiesOfRule = verdict.violations.filter((v) => v.rule === "ingress[1]").map((v) => v.policy);
        expect(policiesOfRule.length).toBeGreaterThanOrEqual(3);
    } finally {
        await session.close();
    }
});
