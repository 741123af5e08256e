/**
 * Rule facts: the CLI runs the pack's evaluation in-process to learn the rule, protocol, ports, peer
 * and path of each violation (the Analyzer protocol carries only messages). Held here to the
 * protocol's own verdicts, on stacks rich in rules (the benchmark's synthetic stack with NACLs,
 * standalone rules and tiers; the hostile-names stack; every stack policy's examples; every resource
 * policy's examples as one stack) in both modes, with default and non-default config (levels,
 * settings, exemptions, a policy disabled): every verdict of the pack started as the engine starts it
 * has an in-process twin with the same policy, resource and message, and nothing more; every path a
 * violation names is a path of the stack's graph as the pack builds it under that config, from the
 * violation's own rule to its own resource.
 */
import { PackSession } from "../../cli/engine/packSession";
import { PolicyConfigFile, configurationFor } from "../../cli/policyConfig";
import { CaptureResult, CapturedResource, Mode, isAnalysed, outputsOf, stackAsSent, stackUrnOf } from "../../cli/engine/capturedStack";
import { internetDefinition, judgeInProcess, stackGraphInProcess } from "../../policypack/inProcess";
import { edgeOf, pathsTo } from "../../policypack/network/reachability";
import { Violation } from "../../cli/engine/violation";
import { syntheticStack } from "../../bench/syntheticStack";
import { ResourceExample, StackExample, buildStack, propsIn, urnOf } from "../../policypack/kit/examples";
import { HOSTILE_STACK_CASE } from "../hardeningCases";
import { policiesUnderTest } from "../policyExamples";

function captureOf(
    resources: Array<{ type: string; name: string; urn: string; props: Record<string, unknown>; propertyDependencies: Record<string, string[]> }>,
): CaptureResult {
    return {
        project: "app",
        stack: "dev",
        stackUrn: stackUrnOf("app", "dev"),
        resources: resources.map((r): CapturedResource => ({
            urn: r.urn,
            type: r.type,
            name: r.name,
            custom: true,
            remote: false,
            inputs: r.props,
            dependencies: [...new Set(Object.values(r.propertyDependencies).flat())],
            propertyDependencies: r.propertyDependencies,
        })),
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
                resources: s.resources.map((r): CapturedResource => ({
                    urn: r.urn,
                    type: r.type,
                    name: r.name,
                    custom: r.type !== "pulumi:pulumi:Stack",
                    remote: false,
                    inputs: r.inputs,
                    ...(mode === "update" ? { outputs: r.outputs, id: r.id } : {}),
                    dependencies: r.dependencies,
                    propertyDependencies: r.propertyDependencies,
                })),
            };
        },
    ],
    [HOSTILE_STACK_CASE.title, (mode) => captureOf(buildStack(HOSTILE_STACK_CASE.stack, mode))],
    // Every stack policy's examples, each run by every policy of the pack.
    ...policiesUnderTest()
        .filter((subject) => subject.kind === "stack")
        .flatMap((subject) =>
            (subject.examples as readonly StackExample[]).map((example): [string, (mode: Mode) => CaptureResult] => [
                `${subject.name} example ${example.name}`,
                (mode) => captureOf(buildStack(example.resources, mode)),
            ]),
        ),
    [
        // Named after their policy too: examples of different policies may share a name.
        "every resource policy's examples, as one stack",
        (mode) =>
            captureOf(
                policiesUnderTest()
                    .filter((subject) => subject.kind === "resource")
                    .flatMap((subject) =>
                        (subject.examples as readonly ResourceExample[]).map((example) => ({ ...example, name: `${subject.name}--${example.name}` })),
                    )
                    .map((example) => ({
                        type: example.type,
                        name: example.name,
                        urn: urnOf(example.type, example.name),
                        props: propsIn(example.props, mode),
                        propertyDependencies: {},
                    })),
            ),
    ],
];
/** Each config, with how many violations the synthetic stack has under it at least. */
const configs: Array<[string, PolicyConfigFile, number]> = [
    ["default config", {}, 9],
    [
        "every policy mandatory, unknowns mandatory, narrower internet",
        {
            all: "mandatory",
            "tier-isolation": { internetPrefixV4: 8, unknownValues: "mandatory" },
            "no-admin-ports-from-internet": { ports: [22, "8000-8100"] },
        },
        9,
    ],
    [
        "wider internet, exemptions, a policy disabled",
        {
            "tier-isolation": { internetPrefixV4: 24, exemptions: [{ resource: "*1*", reason: "held to the protocol" }] },
            "no-admin-ports-from-internet": "disabled",
        },
        5,
    ],
];

/** Every path a violation names is one of the stack's paths under the config, from the violation's rule to its resource. */
function expectPathsOfTheStack(violations: Violation[], capture: CaptureResult, configuration: ReturnType<typeof configurationFor>): void {
    const graph = stackGraphInProcess(stackAsSent(capture));
    const pathsOf = (policy: string) => {
        const internet = internetDefinition(configuration, policy);
        return new Set(graph.carriers.flatMap((carrier) => pathsTo(graph, carrier, internet).map((path) => JSON.stringify(edgeOf(path)))));
    };
    const paths = new Map(["tier-isolation", "internet-exposure"].map((policy) => [policy, pathsOf(policy)]));
    for (const v of violations.filter((v) => v.edge)) {
        expect(paths.has(v.policy)).toBe(true);
        expect(paths.get(v.policy)!.has(JSON.stringify(v.edge))).toBe(true);
        expect(v.edge!.destinationUrn).toBe(v.urn);
        expect(v.edge!.rule.urn).toBe(v.ruleUrn ?? v.urn);
        expect(v.edge!.rule.path || "standalone ingress rule").toBe(v.rule);
    }
}

const key = (v: { policy: string; urn: string; message: string }) => `${v.policy} | ${v.urn} | ${v.message}`;

describe.each(configs)("with %s", (_title, config, syntheticViolations) => {
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
            if (_name === "the synthetic benchmark stack") expect(verdict.violations.length).toBeGreaterThanOrEqual(syntheticViolations);
            expect(verdict.violations.map(key).sort()).toEqual(inProcess.map(key).sort());
            // Every finding about a rule got its facts, from the same rule.
            const withRule = inProcess.filter((f) => f.rule).length;
            expect(verdict.violations.filter((v) => v.rule !== undefined)).toHaveLength(withRule);
            for (const v of verdict.violations.filter((v) => v.rule)) {
                expect(v.protocol).toMatch(/^(TCP|UDP|ICMP|ICMPv6|all protocols|IP protocol \d+|unknown)/);
                expect(v.ports).toBeTruthy();
            }
            // Every finding about a path got it; each is a path of the stack under the same config.
            expect(verdict.violations.filter((v) => v.edge)).toHaveLength(inProcess.filter((f) => f.edge).length);
            if (_name === "the synthetic benchmark stack" && mode === "update") expect(verdict.violations.filter((v) => v.edge).length).toBeGreaterThan(0);
            expectPathsOfTheStack(verdict.violations, capture, configuration);
        });
    });
    // One pack per config for the whole file: this case of the default config uses its session too.
    if (Object.keys(config).length === 0)
        it("names the rule, protocol, ports and peer of SSH open to the world", async () => {
            const capture = captureOf([
                {
                    type: "aws:ec2/securityGroup:SecurityGroup",
                    name: "ssh-sg",
                    urn: "urn:pulumi:dev::app::aws:ec2/securityGroup:SecurityGroup::ssh-sg",
                    props: {
                        description: "x",
                        ingress: [
                            { protocol: "tcp", fromPort: 443, toPort: 443, cidrBlocks: ["10.0.0.0/8"], description: "a" },
                            { protocol: "-1", fromPort: 0, toPort: 0, cidrBlocks: ["0.0.0.0/0"], ipv6CidrBlocks: ["::/0"], description: "b" },
                        ],
                        egress: [],
                    },
                    propertyDependencies: {},
                },
            ]);
            const verdict = await session.judge(capture, "update");
            const admin = verdict.violations.find((v) => v.policy === "no-admin-ports-from-internet")!;
            expect(admin).toMatchObject({ rule: "ingress[1]", protocol: "all protocols", ports: "all", peer: "0.0.0.0/0, ::/0" });
            expect(admin.ruleUrn).toBeUndefined();
            const policiesOfRule = verdict.violations.filter((v) => v.rule === "ingress[1]").map((v) => v.policy);
            expect(policiesOfRule.length).toBeGreaterThanOrEqual(3);
        });
});
