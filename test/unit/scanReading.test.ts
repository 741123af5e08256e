/** How scan reads a file before judging it: its encoding, its shape, and its special values. */
import { UndecodableText, decodeJsonText } from "../../cli/scan/decodeText";
import { measureJson } from "../../cli/scan/jsonShape";
import { UnreadableValue, readPropertyValues } from "../../cli/scan/propertyValues";
import { recordedProperties } from "../../cli/engine/drift";
import { RESOURCE_SIG, SECRET_SIG, SIG_KEY, UNKNOWN } from "../../policypack/model/sentinels";

describe("decodeJsonText", () => {
    const json = '{"name":"café"}';
    const le = Buffer.from(json, "utf16le");
    const be = Buffer.from(le).swap16();
    it.each([
        ["UTF-8", Buffer.from(json)],
        ["UTF-8 with a byte-order mark", Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(json)])],
        ["UTF-16 LE with a byte-order mark", Buffer.concat([Buffer.from([0xff, 0xfe]), le])],
        ["UTF-16 BE with a byte-order mark", Buffer.concat([Buffer.from([0xfe, 0xff]), be])],
        ["UTF-16 LE without a mark", le],
        ["UTF-16 BE without a mark", be],
    ])("reads %s", (_, bytes) => {
        expect(decodeJsonText(bytes)).toBe(json);
    });
    it("refuses what is none of them, saying what it is", () => {
        expect(() => decodeJsonText(Buffer.from([0x7b, 0xe9, 0x7d]))).toThrow(
            new UndecodableText("it is not UTF-8 text (nor UTF-16): it has a byte sequence UTF-8 does not allow"),
        );
        expect(() => decodeJsonText(Buffer.from([0xff, 0xfe, 0, 0, 0x7b, 0, 0, 0]))).toThrow(/UTF-32/);
        expect(() => decodeJsonText(Buffer.concat([Buffer.from([0xff, 0xfe]), le, Buffer.from([0x7d])]))).toThrow(/odd number of bytes/);
    });
});

describe("measureJson", () => {
    it("counts nesting outside strings only, escaped quotes included", () => {
        expect(measureJson('{"a":"[[[{{{\\"[[[","b":[1,[2]]}', 3)).toEqual({ containers: 3, values: 5 });
        expect(measureJson('{"a":"\\\\"}', 1).tooDeep).toBeUndefined();
        expect(measureJson("[\n[\n[", 2)).toEqual({ tooDeep: { line: 3 }, containers: 3, values: 3 });
    });
    it("measures a million levels without recursion", () => {
        expect(measureJson("[".repeat(1_000_000) + "]".repeat(1_000_000), 256).tooDeep).toEqual({ line: 1 });
    });
});

describe("readPropertyValues", () => {
    it("reads secrets, resource references and outputs as the engine sends them; weighs the values", () => {
        const read = readPropertyValues(
            {
                shown: { [SIG_KEY]: SECRET_SIG, plaintext: '"10.0.0.0/8"' },
                encrypted: { [SIG_KEY]: SECRET_SIG, ciphertext: "AAAA" },
                group: { [SIG_KEY]: RESOURCE_SIG, urn: "urn:pulumi:dev::app::aws:ec2/securityGroup:SecurityGroup::web", id: "sg-1" },
            },
            "inputs",
        );
        expect(read.value).toEqual({ shown: { [SIG_KEY]: SECRET_SIG, value: "10.0.0.0/8" }, encrypted: UNKNOWN, group: "sg-1" });
        expect(read.bytes).toBeGreaterThan(0);
    });
    it("names where an unknown signature is", () => {
        expect(() => readPropertyValues({ ingress: [{ "odd key": { [SIG_KEY]: 42 } }] }, "outputs")).toThrow(UnreadableValue);
        expect(() => readPropertyValues({ ingress: [{ "odd key": { [SIG_KEY]: 42 } }] }, "outputs")).toThrow(
            /^outputs\.ingress\[0\]\["odd key"\]: an object whose signature key \S+ is 42,/,
        );
    });
});

describe("recordedProperties", () => {
    it("is the inputs with each property they set replaced by a differing recorded output", () => {
        const inputs = { ingress: [{ fromPort: 443 }], description: "web" };
        expect(recordedProperties(inputs, { ingress: [{ fromPort: 443 }, { fromPort: 22 }], description: "web", arn: "arn:1" })).toEqual({
            ingress: [{ fromPort: 443 }, { fromPort: 22 }],
            description: "web",
        });
        expect(recordedProperties(inputs, { ingress: [{ fromPort: 443 }], description: "web", arn: "arn:1" })).toBeUndefined();
        // A property the inputs leave out is not compared.
        expect(recordedProperties({ description: "web" }, { description: "web", ingress: [{ fromPort: 22 }] })).toBeUndefined();
        expect(recordedProperties(inputs, undefined)).toBeUndefined();
    });
});
