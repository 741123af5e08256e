/**
 * tierguard's Analyzer server (policypack/server) answers exactly as @pulumi/policy's own server.
 *
 * The pack is started twice, as the engine starts it (run-policy-pack from policypack/): once as it
 * ships, once with TIERGUARD_ANALYZER_SERVER=sdk. Both get the same requests, in the same order, and
 * must give the same bytes back — or fail with the same gRPC status and the same error text. (Error
 * texts carry a JavaScript stack, as the SDK sends it; its frames name each server's own functions, so
 * the "    at ..." lines are left out of the comparison, and nothing else.)
 *
 * The requests: every one the engine-protocol suite sends for the policy examples (each example in each
 * of its modes, under several configs: none, the suite's two, an exemption, disabled, remediate, every
 * policy mandatory), with Remediate and a one-resource AnalyzeStack beside each Analyze; ConfigureStack
 * with tags; GetAnalyzerInfo, GetPluginInfo and the methods neither implements; requests the SDK cannot
 * read; and the fuzzed corpus of fuzz.test.ts, seeded, under random configs and levels.
 */
import type { ChildProcess } from "child_process";
import * as fs from "fs";
import * as path from "path";
import fc from "fast-check";
import * as grpc from "@grpc/grpc-js";
import { Empty } from "google-protobuf/google/protobuf/empty_pb";
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import * as analyzerRpc from "@pulumi/pulumi/proto/analyzer_grpc_pb";
import * as analyzerProto from "@pulumi/pulumi/proto/analyzer_pb";
import { PACK_DIR, PackResource, analyzeRequest, encodeAnalyzeStack, secret } from "../../cli/engine/packProcess";
import { policyDefinitions, stackPolicyDefinitions } from "../../policypack/policies";
import { Mode, ResourceExample, StackExample } from "../../policypack/kit/examples";
import { engineInput, exampleRuns, policiesUnderTest } from "../policyExamples";
import { asEngineSends, config as fuzzConfig, resource as fuzzResource } from "./fuzzCorpus";
import { startPack, stopPack } from "./packStart";

type Method = keyof typeof analyzerRpc.AnalyzerService;
type Answer = { bytes: Buffer } | { code: number; details: string };

const LEVELS = ["advisory", "mandatory", "disabled", "remediate"];
type Config = Record<string, { enforcementLevel?: string; [key: string]: unknown }>;
const POLICY_NAMES = [...policyDefinitions, ...stackPolicyDefinitions].map((d) => d.name);

/** A pack started as the engine starts it, and a client that sends and receives bytes. */
class RawPack {
    private constructor(
        private readonly child: ChildProcess,
        private readonly client: grpc.Client,
    ) {}

    /** `server`: the value of TIERGUARD_ANALYZER_SERVER, or undefined to leave it unset (tierguard's server, as shipped). */
    static async start(server: string | undefined, packDir = PACK_DIR): Promise<RawPack> {
        const { child, port } = await startPack(server, packDir);
        const client = new grpc.Client(`127.0.0.1:${port}`, grpc.credentials.createInsecure(), {
            "grpc.max_receive_message_length": 400 * 1024 * 1024,
            "grpc.max_send_message_length": 400 * 1024 * 1024,
        });
        return new RawPack(child, client);
    }

    call(method: Method, bytes: Uint8Array, deadlineMs = 60_000): Promise<Answer> {
        const path = (analyzerRpc.AnalyzerService[method] as { path: string }).path;
        return new Promise((resolve) =>
            this.client.makeUnaryRequest(
                path,
                (b: Uint8Array) => Buffer.from(b),
                (b: Buffer) => b,
                bytes,
                new grpc.Metadata(),
                { deadline: Date.now() + deadlineMs },
                (error: grpc.ServiceError | null, value?: Buffer) =>
                    // A deadline's text is the client's own (timings, address): the status is what the server did.
                    resolve(
                        error
                            ? { code: error.code, details: error.code === grpc.status.DEADLINE_EXCEEDED ? "never answered" : error.details }
                            : { bytes: value ?? Buffer.alloc(0) },
                    ),
            ),
        );
    }

    async stop(): Promise<void> {
        this.client.close();
        await stopPack(this.child);
    }
}

/** An error's text without its stack frames (which name each server's own functions and files). */
const withoutFrames = (details: string) =>
    details
        .split("\n")
        .filter((line) => !/^\s+at /.test(line))
        .join("\n");

const serialise = (message: { serializeBinary(): Uint8Array }) => message.serializeBinary();

function configureRequest(config: Record<string, { enforcementLevel?: string | number; [key: string]: unknown }>, withoutProperties = false): Uint8Array {
    const request = new analyzerProto.ConfigureAnalyzerRequest();
    const map = request.getPolicyconfigMap();
    for (const [policy, { enforcementLevel, ...properties }] of Object.entries(config)) {
        const policyConfig = new analyzerProto.PolicyConfig();
        const level = typeof enforcementLevel === "number" ? enforcementLevel : LEVELS.indexOf(enforcementLevel ?? "advisory");
        policyConfig.setEnforcementlevel(level as analyzerProto.EnforcementLevel);
        if (!withoutProperties) policyConfig.setProperties(Struct.fromJavaScript(properties as never));
        map.set(policy, policyConfig);
    }
    return serialise(request);
}

function configureStackRequest(dryRun: boolean, tags: Record<string, string> = {}): Uint8Array {
    const request = new analyzerProto.AnalyzerStackConfigureRequest();
    request.setStack("dev");
    request.setProject("app");
    request.setOrganization("acme");
    request.setDryRun(dryRun);
    for (const [k, v] of Object.entries(tags)) request.getTagsMap().set(k, v);
    return serialise(request);
}

const analyze = (resource: PackResource) => serialise(analyzeRequest(resource));
const stack = (resources: PackResource[]) => encodeAnalyzeStack(resources);
const everyPolicy = (enforcementLevel: string) => Object.fromEntries(POLICY_NAMES.map((name) => [name, { enforcementLevel }]));

let ours: RawPack;
let sdk: RawPack;
beforeAll(async () => {
    [ours, sdk] = await Promise.all([RawPack.start(undefined), RawPack.start("sdk")]);
});
afterAll(async () => {
    await Promise.all([ours?.stop(), sdk?.stop()]);
});

/** Sends one request to both; records a difference, and what was compared. */
class Differential {
    constructor(
        private readonly a: () => RawPack = () => ours,
        private readonly b: () => RawPack = () => sdk,
    ) {}

    readonly differences: string[] = [];
    readonly counts: Record<string, number> = {};
    errors = 0;

    async send(label: string, method: Method, bytes: Uint8Array, deadlineMs?: number): Promise<Answer> {
        const [a, b] = await Promise.all([this.a().call(method, bytes, deadlineMs), this.b().call(method, bytes, deadlineMs)]);
        this.counts[method] = (this.counts[method] ?? 0) + 1;
        if ("code" in a || "code" in b) this.errors++;
        const same =
            "bytes" in a && "bytes" in b
                ? a.bytes.equals(b.bytes)
                : "code" in a && "code" in b && a.code === b.code && withoutFrames(a.details) === withoutFrames(b.details);
        if (!same && this.differences.length < 20)
            this.differences.push(`${label} (${method}):\n  tierguard: ${shown(method, a)}\n  sdk:       ${shown(method, b)}`);
        return a;
    }
}

function shown(method: Method, answer: Answer): string {
    if ("code" in answer) return `status ${answer.code}: ${withoutFrames(answer.details)}`;
    const type = (analyzerRpc.AnalyzerService[method] as unknown as { responseType: { deserializeBinary(b: Uint8Array): { toObject(): unknown } } })
        .responseType;
    return JSON.stringify(type.deserializeBinary(answer.bytes).toObject()).slice(0, 2000);
}

it("TIERGUARD_ANALYZER_SERVER takes sdk or tierguard; any other value stops the pack, naming the variable and its values", async () => {
    await expect(RawPack.start("SDK")).rejects.toThrow(
        /exited with code 1: TIERGUARD_ANALYZER_SERVER="SDK" is not a server: use TIERGUARD_ANALYZER_SERVER=sdk .*\(or "tierguard"\)/,
    );
    // Named explicitly, tierguard's server answers as it does by default (GetPluginInfo: the SDK version both report).
    const explicit = await RawPack.start("tierguard");
    try {
        const [a, b] = await Promise.all([explicit.call("getPluginInfo", serialise(new Empty())), sdk.call("getPluginInfo", serialise(new Empty()))]);
        expect(a).toEqual(b);
    } finally {
        await explicit.stop();
    }
});

/** An example's requests, encoded once for all its configs: Analyze (a resource example) and AnalyzeStack. */
const encoded = new Map<string, { analyze?: Uint8Array; stack: Uint8Array }>();
function encodedOnce(label: string, kind: "resource" | "stack", example: ResourceExample | StackExample, mode: Mode) {
    let bytes = encoded.get(label);
    if (!bytes) {
        if (kind === "resource") {
            const input = engineInput(example as ResourceExample, mode);
            bytes = { analyze: analyze(input), stack: stack([input]) };
        } else bytes = { stack: stack(engineInput(example as StackExample, mode)) };
        encoded.set(label, bytes);
    }
    return bytes;
}

it("answers every request of the engine-protocol suite as the SDK's server does", async () => {
    const d = new Differential();
    for (const method of ["getAnalyzerInfo", "getPluginInfo", "handshake", "cancel"] as const) await d.send(method, method, serialise(new Empty()));

    const runs = exampleRuns(policiesUnderTest());
    // Per policy and mode: the stack configured once, then each config sent once and every example
    // judged under it concurrently (requests of one config do not depend on each other).
    const groups = new Map<string, typeof runs>();
    for (const run of runs) groups.set(`${run[1].name} ${run[3]}`, [...(groups.get(`${run[1].name} ${run[3]}`) ?? []), run]);
    let judged = 0;
    for (const [group, members] of groups) {
        const [, subject, , mode] = members[0];
        const level = subject.policy.enforcementLevel;
        await d.send(group, "configureStack", configureStackRequest(mode === "preview", { "tierguard:tier": "web", env: mode }));
        const variants: Array<[string, (own: object) => Config]> = [
            ["no config", () => ({})],
            [
                "violations advisory, cannot-verify mandatory",
                (own) => ({ [subject.name]: { enforcementLevel: "advisory", ...own, unknownValues: "mandatory" } }),
            ],
            ["as users get it", (own) => ({ [subject.name]: { enforcementLevel: level, ...own } })],
            ["exempted", (own) => ({ [subject.name]: { enforcementLevel: level, ...own, exemptions: [{ resource: "*", reason: "accepted risk" }] } })],
            ["disabled", () => ({ [subject.name]: { enforcementLevel: "disabled" } })],
            ["remediate", (own) => ({ [subject.name]: { enforcementLevel: "remediate", ...own } })],
            ["every policy mandatory", (own) => ({ ...everyPolicy("mandatory"), [subject.name]: { enforcementLevel: "mandatory", ...own } })],
        ];
        for (const [configLabel, configFor] of variants) {
            const byConfig = new Map<string, typeof runs>();
            for (const run of members) {
                const key = JSON.stringify(configFor((run[2] as ResourceExample | StackExample).config ?? {}));
                byConfig.set(key, [...(byConfig.get(key) ?? []), run]);
            }
            for (const [key, sameConfig] of byConfig) {
                await d.send(`${group}, ${configLabel}`, "configure", configureRequest(JSON.parse(key)));
                await Promise.all(
                    sameConfig.map(async ([label, , example]) => {
                        const at = `${label}, ${configLabel}`;
                        judged++;
                        const bytes = encodedOnce(label, subject.kind, example, mode);
                        if (bytes.analyze) {
                            await d.send(at, "analyze", bytes.analyze);
                            if (configLabel === "remediate" || configLabel === "no config") {
                                await d.send(at, "remediate", bytes.analyze);
                                await d.send(at, "analyzeStack", bytes.stack);
                            }
                        } else {
                            await d.send(at, "analyzeStack", bytes.stack);
                        }
                    }),
                );
            }
        }
    }
    expect(d.differences).toEqual([]);
    // Every example in both modes where it runs, each under seven configs.
    expect(runs.length).toBeGreaterThan(700);
    expect(judged).toBe(runs.length * 7);
    expect(d.errors).toBe(2); // handshake and cancel: unimplemented by both
}, 120_000);

it("answers requests neither can read, malformed config and odd stacks as the SDK's server does", async () => {
    const d = new Differential();
    const SG = "aws:ec2/securityGroup:SecurityGroup";
    const ssh = { ingress: [{ protocol: "tcp", fromPort: 22, toPort: 22, cidrBlocks: ["0.0.0.0/0"] }] };
    await d.send("preview", "configureStack", configureStackRequest(true));
    await d.send("unknown level number", "configure", configureRequest({ "no-admin-ports-from-internet": { enforcementLevel: 9 } }));
    await d.send("config without properties", "configure", configureRequest({ "no-admin-ports-from-internet": {} }, true));
    await d.send("config of a policy the pack does not have", "configure", configureRequest({ "not-a-policy": { enforcementLevel: "mandatory", x: 1 } }));
    await d.send("after it", "analyze", analyze({ type: SG, name: "web", props: ssh }));
    await d.send("empty config", "configure", configureRequest({}));

    const bad = (props: object) => ({ type: SG, name: "web", props });
    const cases: Array<[string, Uint8Array]> = [
        ["an unrecognised signature", analyze(bad({ x: { "4dabf18193072939515e22adb298388d": "nope" } }))],
        ["an asset", analyze(bad({ x: { "4dabf18193072939515e22adb298388d": "c44067f5952c0a294b673a41bacd8c17", text: "hi" } }))],
        ["an asset with nothing", analyze(bad({ x: { "4dabf18193072939515e22adb298388d": "c44067f5952c0a294b673a41bacd8c17" } }))],
        ["a secret rule list", analyze(bad({ ingress: secret(ssh.ingress) }))],
        ["unknowns everywhere", analyze(bad({ ingress: "6a19a0b0-7e62-4c92-b797-7f8e31da9cc2", egress: ["dd056dcd-154b-4c76-9bd3-c8f88648b5ff"] }))],
    ];
    const neverAnswered = new Set(["an unrecognised signature", "an asset with nothing", "no options", "no properties"]);
    const noOptions = analyzeRequest(bad(ssh));
    noOptions.clearOptions();
    cases.push(["no options", serialise(noOptions)]);
    const noProperties = analyzeRequest(bad(ssh));
    noProperties.clearProperties();
    cases.push(["no properties", serialise(noProperties)]);
    const noProvider = analyzeRequest(bad(ssh));
    noProvider.clearProvider();
    cases.push(["no provider", serialise(noProvider)]);
    const unknownProvider = analyzeRequest({
        ...bad(ssh),
        provider: { type: "pulumi:providers:aws", name: "p", urn: "urn:p", props: { region: "04da6b54-80e4-46f7-96ec-b56ff0331ba9" } },
    });
    cases.push(["a provider with unknown props", serialise(unknownProvider)]);
    for (const [label, bytes] of cases) {
        await d.send(label, "analyze", bytes);
        if (!neverAnswered.has(label)) await d.send(label, "remediate", bytes);
    }
    // A type no tierguard policy judges: its validations are not even called (server/typesJudged.ts), yet a
    // request that cannot be decoded still fails every policy, as on the SDK's server.
    const bucket = (props: object) => ({ type: "aws:s3/bucket:Bucket", name: "logs", props });
    for (const [label, props] of [
        ["a bucket", { bucket: "logs", acl: "private" }],
        ["a bucket with an unrecognised signature", { x: { "4dabf18193072939515e22adb298388d": "nope" } }],
        ["a bucket with an asset with nothing", { x: { "4dabf18193072939515e22adb298388d": "c44067f5952c0a294b673a41bacd8c17" } }],
        ["a bucket with unknowns", { bucket: "04da6b54-80e4-46f7-96ec-b56ff0331ba9" }],
    ] as const)
        await d.send(label, "analyze", analyze(bucket(props)));
    // Every policy at remediate: Remediate lists each as not implementing it; Analyze downgrades to mandatory.
    await d.send("every policy remediate", "configure", configureRequest(everyPolicy("remediate")));
    for (const [label, bytes] of cases.filter(([l]) => l !== "no options")) {
        await d.send(label, "analyze", bytes);
        if (!neverAnswered.has(label)) await d.send(label, "remediate", bytes);
    }
    await d.send("every policy disabled", "configure", configureRequest(everyPolicy("disabled")));
    for (const [label, bytes] of cases) await d.send(`${label}, every policy disabled`, "analyze", bytes);
    await d.send("empty config", "configure", configureRequest({}));

    const stackOf = (resources: analyzerProto.AnalyzerResource[]) => {
        const request = new analyzerProto.AnalyzeStackRequest();
        request.setResourcesList(resources);
        return serialise(request);
    };
    const asResource = (r: PackResource) => analyzerProto.AnalyzeStackRequest.deserializeBinary(stack([r])).getResourcesList()[0];
    const sg = { type: SG, name: "sg", props: ssh, urn: "urn:pulumi:dev::app::" + SG + "::sg" };
    const child = { ...sg, name: "child", urn: "urn:pulumi:dev::app::" + SG + "::child", parent: sg.urn, dependencies: [sg.urn, "urn:gone"] };
    await d.send("an empty stack", "analyzeStack", stackOf([]));
    await d.send(
        "parents, dependencies and a duplicate URN",
        "analyzeStack",
        stack([sg, child, { ...child, propertyDependencies: { ingress: [sg.urn, "urn:gone"] } }]),
    );
    const optionless = asResource(sg);
    optionless.clearOptions();
    await d.send("a stack resource without options", "analyzeStack", stackOf([optionless]));
    const propless = asResource(sg);
    propless.clearProperties();
    await d.send("a stack resource without properties", "analyzeStack", stackOf([propless]));
    // The SDK decodes Remediate's request outside its error handling: one it cannot read is never answered, by either.
    await d.send("every policy remediate", "configure", configureRequest(everyPolicy("remediate")));
    await Promise.all(cases.filter(([label]) => neverAnswered.has(label)).map(([label, bytes]) => d.send(label, "remediate", bytes, 1500)));
    await d.send("stack tags", "configureStack", configureStackRequest(false, { a: "1", "": "", "tierguard:tier": "data" }));
    await d.send("still answering", "getAnalyzerInfo", serialise(new Empty()));

    expect(d.differences).toEqual([]);
    expect(d.errors).toBeGreaterThan(8);
}, 60_000);

it("answers the fuzzed corpus (seeded) as the SDK's server does", async () => {
    const d = new Differential();
    await d.send("preview", "configureStack", configureStackRequest(true, { env: "fuzz" }));
    await d.send("no config", "configure", configureRequest({}));
    const resources = fc.sample(fuzzResource, { seed: 17, numRuns: 2000 });
    for (const [i, r] of resources.entries())
        await d.send(`resource #${i}`, "analyze", analyze({ ...r, props: asEngineSends(r.props) as Record<string, unknown> }));

    const withConfig = fc.tuple(
        fuzzConfig,
        fc.array(fc.constantFrom(...LEVELS), { minLength: 20, maxLength: 20 }),
        fc.array(fuzzResource, { minLength: 1, maxLength: 5 }),
    );
    for (const [i, [config, levels, rs]] of fc.sample(withConfig, { seed: 18, numRuns: 300 }).entries()) {
        const withLevels = Object.fromEntries(
            Object.entries(asEngineSends(config)).map(([k, v], j) => [k, { enforcementLevel: levels[j % levels.length], ...(v as object) }]),
        );
        await d.send(`config #${i}`, "configureStack", configureStackRequest(i % 2 === 0));
        await d.send(`config #${i}`, "configure", configureRequest(withLevels));
        const sent = rs.map((r, j) => ({ ...r, name: `${r.name}${j}`, props: asEngineSends(r.props) as Record<string, unknown> }));
        await Promise.all([
            ...sent.map((r) => d.send(`config #${i}`, "analyze", analyze(r))),
            ...(i % 5 === 0 ? sent.map((r) => d.send(`config #${i}`, "remediate", analyze(r))) : []),
            d.send(`config #${i}`, "analyzeStack", stack(sent)),
        ]);
    }
    expect(d.differences).toEqual([]);
    expect(d.counts.analyze).toBeGreaterThan(2500);
}, 120_000);

describe("a pack that takes every path tierguard's policies do not (test/engine/serverProbePack.ts)", () => {
    // A pack folder beside the compiled tests, so the pack resolves @pulumi/policy from the project.
    const dir = path.join(__dirname, "packs", "server-probe");
    // The probe's policies (it cannot be imported: it starts a server).
    const PROBE_POLICIES = [
        "several-validations",
        "typed-to-security-groups",
        "typed-to-buckets",
        "typed-to-nothing",
        "reads-everything",
        "not-applicable",
        "throws",
        "remediates",
        "remediates-in-place",
        "validates-and-remediates",
        "remediation-reads-unknown",
        "stack-reader",
        "stack-typed",
        "stack-token",
    ];
    let probe: RawPack;
    let probeSdk: RawPack;
    beforeAll(async () => {
        fs.mkdirSync(dir, { recursive: true });
        fs.writeFileSync(path.join(dir, "PulumiPolicy.yaml"), "runtime: nodejs\ndescription: server probe\n");
        fs.writeFileSync(path.join(dir, "package.json"), JSON.stringify({ name: "server-probe", version: "1.2.3", main: "index.js" }));
        fs.writeFileSync(path.join(dir, "index.js"), `require(${JSON.stringify(path.join(__dirname, "serverProbePack.js"))});\n`);
        [probe, probeSdk] = await Promise.all([RawPack.start(undefined, dir), RawPack.start("sdk", dir)]);
    });
    afterAll(async () => {
        await Promise.all([probe?.stop(), probeSdk?.stop()]);
    });

    it("answers as the SDK's server does", async () => {
        const d = new Differential(
            () => probe,
            () => probeSdk,
        );
        const SG = "aws:ec2/securityGroup:SecurityGroup";
        const UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
        const ingress = [{ protocol: "tcp", fromPort: 22, toPort: 22, cidrBlocks: ["0.0.0.0/0"] }];
        const provider = { type: "pulumi:providers:aws", name: "p", urn: "urn:pulumi:dev::app::pulumi:providers:aws::p", props: { region: "eu-west-1" } };
        const resources: PackResource[] = [
            { type: SG, name: "web", props: { ingress, description: "web", password: secret("hunter2") } },
            { type: SG, name: "preview", props: { ingress: UNKNOWN, description: UNKNOWN, id: UNKNOWN } },
            { type: SG, name: "with-provider", props: { ingress }, provider },
            { type: SG, name: "unknown-provider", props: { ingress }, provider: { ...provider, props: { region: UNKNOWN } } },
            { type: "aws:s3/bucket:Bucket", name: "bucket", props: { acl: "private", id: "none" } },
            { type: "aws:s3/bucket:Bucket", name: "na-reason-bucket", props: {} },
            { type: "aws:ec2/vpc:Vpc", name: "na-plain", props: { cidrBlock: "10.0.0.0/16" } },
        ];
        const failing: PackResource[] = [
            { type: SG, name: "boom", props: {} },
            { type: SG, name: "boom-string", props: {} },
        ];
        const withOptions = () => {
            const request = analyzeRequest({ type: SG, name: "options", props: { ingress } });
            const options = request.getOptions()!;
            options.setProtect(true);
            options.setDeletebeforereplacedefined(true);
            options.setDeletebeforereplace(true);
            options.setParent("urn:pulumi:dev::app::pulumi:pulumi:Stack::app-dev");
            options.setIgnorechangesList(["tags"]);
            options.setAliasesList(["urn:old"]);
            options.setAdditionalsecretoutputsList(["password"]);
            const timeouts = new analyzerProto.AnalyzerResourceOptions.CustomTimeouts();
            timeouts.setCreate(60);
            timeouts.setDelete(1.5);
            options.setCustomtimeouts(timeouts);
            return serialise(request);
        };
        const urn = (r: PackResource) => `urn:pulumi:dev::app::${r.type}::${r.name}`;
        const linked: PackResource[] = resources.map((r, i) => ({
            ...r,
            parent: i > 0 ? urn(resources[0]) : undefined,
            dependencies: i > 1 ? [urn(resources[1]), "urn:gone"] : [],
            propertyDependencies: i > 2 ? { ingress: [urn(resources[0])], none: [] } : ({} as Record<string, string[]>),
        }));

        for (const method of ["getAnalyzerInfo", "getPluginInfo"] as const) await d.send(method, method, serialise(new Empty()));
        const configs: Array<[string, Config]> = [
            ["defaults", {}],
            [
                "levels and settings",
                {
                    "reads-everything": { enforcementLevel: "advisory", limit: 3 },
                    "several-validations": { enforcementLevel: "disabled" },
                    "stack-reader": { enforcementLevel: "remediate", note: "x" },
                },
            ],
            ["every policy remediate", Object.fromEntries(PROBE_POLICIES.map((name) => [name, { enforcementLevel: "remediate" }]))],
        ];
        for (const dryRun of [true, false]) {
            await d.send("stack", "configureStack", configureStackRequest(dryRun, { env: "probe", owner: "team" }));
            for (const [label, config] of configs) {
                await d.send(label, "configure", configureRequest(config));
                for (const r of [...resources, ...failing]) {
                    await d.send(`${label}: ${r.name}`, "analyze", analyze(r));
                    await d.send(`${label}: ${r.name}`, "remediate", analyze(r));
                }
                await d.send(`${label}: options`, "analyze", withOptions());
                await d.send(`${label}: options`, "remediate", withOptions());
                await d.send(`${label}: linked stack`, "analyzeStack", stack(linked));
                await d.send(`${label}: empty stack`, "analyzeStack", stack([]));
                await d.send(`${label}: no security groups`, "analyzeStack", stack(resources.filter((r) => r.type !== SG)));
                await d.send(`${label}: no buckets`, "analyzeStack", stack(resources.filter((r) => r.type === SG)));
            }
        }
        expect(d.differences).toEqual([]);
        expect(d.errors).toBeGreaterThan(6);
    }, 60_000);
});
