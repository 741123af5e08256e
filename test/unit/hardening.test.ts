/**
 * The "Hardening" issue in-process, where it is about the pack rather than one policy: hostile names
 * (shared with test/engine/hardening.test.ts), policies that cannot run, and the answers offline. Its
 * cases about one policy (stack-defined prefix lists, the default group through the VPC, instances on
 * existing interfaces, NACL return traffic, every data store with a public switch) are those policies'
 * examples, run by test/unit/policyExamples.test.ts and test/engine/policyExamples.test.ts.
 */
import { PolicyDefinition, configProblems, evaluate } from "../../policypack/kit/define";
import { StackPolicyDefinition, defineStackPolicy, evaluateStack, toStackPolicy } from "../../policypack/kit/defineStack";
import { parseConfig } from "../../policypack/kit/config";
import { parseProtocol } from "../../policypack/model/protocol";
import { stackPolicyDefinitions } from "../../policypack/policies";
import { answerDataSource } from "../../cli/engine/dataSources";
import { Mode, buildStack } from "../../policypack/kit/examples";
import { TYPES, check, checkStack, checkStackAll, graphOf, policy, resourceOf, sgWithIngress, stackPolicy, tcp, unverifiable, violations } from "../helpers";
import { HOSTILE_STACK_CASE, PROTOTYPE_NAMES, StackCase, expectedIn } from "../hardeningCases";

const MODES: Mode[] = ["update", "preview"];

/** Runs a case's policy in-process and compares every report with what the case expects. */
function expectCase(c: StackCase, mode: Mode): void {
    const reports = checkStack(c.policy, buildStack(c.stack, mode), c.config ?? {});
    const level = stackPolicy(c.policy).enforcementLevel;
    const got = reports.map((r) => ({ resource: resourceOf(r), level: r.enforcementLevel ?? level, message: r.message }));
    const expected = expectedIn(c, mode);
    expect(got.map(({ resource, level }) => `${resource} ${level}`).sort()).toEqual(expected.map((e) => `${e.resource} ${e.level}`).sort());
    for (const e of expected) {
        const matching = got.filter((g) => g.resource === e.resource && g.level === e.level);
        expect(matching.some((g) => e.contains.every((text) => g.message.includes(text)))).toBe(true);
    }
}

const STACK_CASES = [HOSTILE_STACK_CASE];

describe.each(MODES)("stack cases in-process (%s)", (mode) => {
    it.each(STACK_CASES.map((c) => [`${c.policy}: ${c.title}`, c] as const))("%s", (_, c) => expectCase(c, mode));
});

describe("A. names that are Object.prototype members", () => {
    it.each(MODES)("no stack policy fails on them, and each still judges (%s)", (mode) => {
        const all = checkStackAll(buildStack(HOSTILE_STACK_CASE.stack, mode));
        for (const [, reports] of all) for (const r of reports) expect(r.message).not.toMatch(/could not run|internal error/);
        expect(all.get("tier-isolation")!.map(resourceOf)).toEqual(["orders-db"]);
    });

    it("reads types, names and property-dependency keys as plain strings when building the graph", () => {
        for (const name of PROTOTYPE_NAMES) {
            const graph = graphOf([
                { type: name, name, urn: `urn:pulumi:dev::app::${name}::${name}`, props: { [name]: name }, propertyDependencies: { [name]: [name] } },
            ]);
            expect(graph.resources).toHaveLength(1);
            expect(graph.carriers).toEqual([]);
            expect(graph.groups).toEqual([]);
        }
    });

    it("a protocol written like an Object member is malformed, never a protocol", () => {
        for (const name of PROTOTYPE_NAMES) {
            expect(parseProtocol(name, "protocol")).toEqual(expect.objectContaining({ kind: "malformed", value: name }));
            const reports = check(
                "no-admin-ports-from-internet",
                TYPES.sg,
                sgWithIngress({ protocol: name, fromPort: 22, toPort: 22, cidrBlocks: ["0.0.0.0/0"] }),
            );
            expect(violations(reports)).toEqual([]);
            expect(unverifiable(reports)[0].message).toContain(`ingress[0].protocol = "${name}" is malformed`);
        }
    });

    it("a config key named like an Object member is not a setting of any policy", () => {
        const keys = stackPolicy("tier-isolation").config;
        for (const name of PROTOTYPE_NAMES) {
            const { errors } = parseConfig(keys, JSON.parse(`{ "${name}": 1 }`));
            expect(errors).toEqual([expect.stringContaining(`config "${name}" is not a setting of this policy`)]);
        }
        // The stray key fails the run once per stack, and the policy still judges with its safe defaults.
        const admin = policy("no-admin-ports-from-internet");
        expect(configProblems(admin, { constructor: [22] })).toEqual([
            expect.objectContaining({ enforcementLevel: "mandatory", message: expect.stringContaining('config "constructor" is not a setting') }),
        ]);
        expect(
            violations(check("no-admin-ports-from-internet", TYPES.sg, sgWithIngress(tcp(22, { cidrBlocks: ["0.0.0.0/0"] })), { constructor: [22] }))[0]
                .message,
        ).toContain("SSH (22) open to the internet");
    });

    it("a tier tag or tag key named like an Object member gives no tier", () => {
        for (const name of PROTOTYPE_NAMES) {
            const graph = graphOf(
                buildStack(
                    [{ type: "aws:ec2/instance:Instance", name: "vm", props: { tags: JSON.parse(`{ "tierguard:tier": "${name}", "${name}": "data" }`) } }],
                    "update",
                ),
            );
            expect(graph.carriers[0].tier).toBeUndefined();
        }
    });

    it("the offline IAM policy document keeps condition and principal keys named __proto__ and constructor as plain keys", () => {
        const answer = answerDataSource(
            "aws:iam/getPolicyDocument:getPolicyDocument",
            JSON.parse(
                '{ "statements": [ { "actions": ["s3:GetObject"], "principals": [ { "type": "__proto__", "identifiers": ["x"] } ], "conditions": [ { "test": "__proto__", "variable": "polluted", "values": ["yes"] }, { "test": "constructor", "variable": "toString", "values": ["v"] } ] } ] }',
            ),
            { region: "us-east-1" },
        );
        expect(({} as Record<string, unknown>).polluted).toBeUndefined();
        const statement = JSON.parse(answer.result.json as string).Statement[0];
        expect(Object.keys(statement.Principal)).toEqual(["__proto__"]);
        expect(statement.Condition).toEqual(JSON.parse('{ "__proto__": { "polluted": "yes" }, "constructor": { "toString": "v" } }'));
    });
});

describe("A. a policy that cannot run keeps its level", () => {
    const throwing = (level: "mandatory" | "advisory"): StackPolicyDefinition<Record<string, never>> => ({
        name: `throws-${level}`,
        description: "throws",
        enforcementLevel: level,
        severity: "high",
        remediationSteps: "none",
        tags: ["test"],
        config: {},
        check() {
            throw new TypeError("property.split is not a function");
        },
    });

    it("a stack policy whose check throws reports the error at the policy's own level (no level of ours)", () => {
        const reports = evaluateStack(throwing("mandatory"), graphOf([]), { unknownValues: "advisory" });
        expect(reports).toEqual([
            {
                message: expect.stringContaining(
                    "tierguard could not run policy throws-mandatory on the stack (internal error: TypeError: property.split is not a function)",
                ),
            },
        ]);
        expect(reports[0].enforcementLevel).toBeUndefined();
    });

    it("a stack whose graph cannot be built fails every stack policy at its own level, naming the error", () => {
        const reported: Array<Record<string, unknown>> = [];
        const hostile = {
            get type(): string {
                throw new RangeError("no type");
            },
        };
        for (const definition of [defineStackPolicy(throwing("mandatory")), ...stackPolicyDefinitions]) {
            // The SDK's type allows a promise; ours reports synchronously, which the length check below holds.
            void toStackPolicy(definition).validateStack(
                { resources: [hostile], getConfig: () => ({}) } as never,
                ((v: Record<string, unknown>) => reported.push({ ...v, policy: definition.name })) as never,
            );
        }
        expect(reported).toHaveLength(1 + stackPolicyDefinitions.length);
        for (const r of reported) {
            expect(r.enforcementLevel).toBeUndefined();
            expect(r.message).toContain(
                `tierguard could not run policy ${r.policy} on the stack (building its network graph) (internal error: RangeError: no type)`,
            );
        }
    });

    it("a resource policy whose check throws does the same", () => {
        const definition: PolicyDefinition<Record<string, never>> = {
            ...throwing("mandatory"),
            appliesTo: new Set([TYPES.sg]),
            check() {
                throw new Error("boom");
            },
        };
        const reports = evaluate(definition, { type: TYPES.sg, name: "web-sg", urn: "urn:x", props: {} }, {});
        expect(reports).toEqual([
            { message: expect.stringContaining('tierguard could not run policy throws-mandatory on resource "web-sg" (internal error: Error: boom)') },
        ]);
    });
});
