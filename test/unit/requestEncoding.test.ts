/**
 * Analyze and AnalyzeStack requests written straight from JavaScript values (cli/engine/requestEncoding.ts)
 * are byte for byte what @pulumi/pulumi's generated messages serialize from Struct.fromJavaScript.
 */
import * as fc from "fast-check";
import { PackResource, analyzeRequest, analyzerResource, encodeAnalyzeStack, secret, UNKNOWN } from "../../cli/engine/packProcess";
import { encodeAnalyzeRequest } from "../../cli/engine/requestEncoding";
import { defaultProvider, urnOf } from "../../cli/engine/packProcess";

const analyzerProto = require("@pulumi/pulumi/proto/analyzer_pb");

const described = (r: PackResource) => ({ urn: r.urn ?? urnOf(r.type, r.name), provider: r.provider ?? defaultProvider(r) });

const SG = "aws:ec2/securityGroup:SecurityGroup";
const examples: PackResource[] = [
    { type: "pulumi:pulumi:Stack", name: "app-dev", props: {} },
    { type: SG, name: "tiny", props: { ingress: [] } },
    {
        type: SG,
        name: "mixed",
        urn: "urn:pulumi:dev::app::aws:ec2/securityGroup:SecurityGroup::mixed",
        props: {
            zeta: 1,
            Alpha: [null, true, false, 0, -0, 1.5, -2e300, "", "é ü 日本 😀", { nested: { deeper: [[], {}] } }],
            é: UNKNOWN,
            tags: { note: secret("s"), long: "x".repeat(200), longWide: "日".repeat(60) },
            "": "empty key",
        },
        parent: "urn:pulumi:dev::app::pulumi:pulumi:Stack::app-dev",
        dependencies: ["b", "a", ""],
        propertyDependencies: { zeta: ["z"], Alpha: [], "": ["e"] },
        provider: { type: "pulumi:providers:aws", name: "west", urn: "urn:pulumi:dev::app::pulumi:providers:aws::west", props: { region: "us-west-2" } },
    },
    {
        type: SG,
        name: "big",
        props: {
            ingress: Array.from({ length: 3000 }, (_, i) => ({
                protocol: "tcp",
                fromPort: i,
                toPort: i,
                cidrBlocks: [`10.${i % 250}.0.0/16`],
                description: `rule ${i}`,
            })),
        },
    },
];

const bytes = (message: { serializeBinary(): Uint8Array }) => Buffer.from(message.serializeBinary());

it("writes each AnalyzeRequest as the generated code does", () => {
    for (const resource of examples) expect(encodeAnalyzeRequest(resource, described(resource)).equals(bytes(analyzeRequest(resource)))).toBe(true);
});

it("writes an AnalyzeStackRequest as the generated code does", () => {
    const request = new analyzerProto.AnalyzeStackRequest();
    request.setResourcesList(examples.map(analyzerResource));
    expect(Buffer.from(encodeAnalyzeStack(examples)).equals(bytes(request))).toBe(true);
});

it("writes any JSON value as the generated code does", () => {
    // Strings without lone surrogates: google-protobuf drops one, Node.js and the Pulumi engine send U+FFFD.
    // And no "__proto__" key: google-protobuf drops it (see the test below).
    const text = fc.string({ unit: "grapheme", maxLength: 60 }).filter((key) => key !== "__proto__");
    const json = fc.letrec((tie) => ({
        value: fc.oneof(
            { depthSize: "small" },
            fc.constant(null),
            fc.boolean(),
            fc.double({ noNaN: true }),
            fc.integer(),
            text,
            fc.array(tie("value"), { maxLength: 5 }),
            fc.dictionary(text, tie("value"), { maxKeys: 5 }),
        ),
    })).value;
    fc.assert(
        fc.property(fc.dictionary(text, json, { maxKeys: 8 }), (props) => {
            const resource: PackResource = { type: SG, name: "r", props };
            expect(encodeAnalyzeRequest(resource, described(resource)).equals(bytes(analyzeRequest(resource)))).toBe(true);
            const request = new analyzerProto.AnalyzeStackRequest();
            request.setResourcesList([analyzerResource({ ...resource, dependencies: Object.keys(props), propertyDependencies: { x: Object.keys(props) } })]);
            const stack = encodeAnalyzeStack([{ ...resource, dependencies: Object.keys(props), propertyDependencies: { x: Object.keys(props) } }]);
            expect(Buffer.from(stack).equals(bytes(request))).toBe(true);
        }),
        { numRuns: 300 },
    );
});

it('writes a "__proto__" property as the engine sends it, where google-protobuf drops it', () => {
    // A stack export parsed by JSON.parse has it as an own property; Go's protobuf sends it like any key.
    // google-protobuf's Map keeps entries in a plain object, so "__proto__" never becomes an entry.
    const props = JSON.parse('{"__proto__": {"cidrBlocks": ["0.0.0.0/0"]}, "name": "x"}');
    const resource: PackResource = { type: SG, name: "r", props };
    const key = Buffer.from("__proto__");
    expect(encodeAnalyzeRequest(resource, described(resource)).includes(key)).toBe(true);
    expect(Buffer.from(encodeAnalyzeStack([resource])).includes(key)).toBe(true);
    expect(bytes(analyzeRequest(resource)).includes(key)).toBe(false);
});

it("refuses what Struct.fromJavaScript refuses", () => {
    const resource: PackResource = { type: SG, name: "r", props: { bad: undefined } };
    expect(() => analyzeRequest(resource)).toThrow("Unexpected struct type.");
    expect(() => encodeAnalyzeRequest(resource, described(resource))).toThrow("Unexpected struct type.");
});
