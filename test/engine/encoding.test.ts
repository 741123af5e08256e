/** The AnalyzeStack request tierguard writes resource by resource is the message the generated protobuf code writes. */
import { PackResource, encodeAnalyzeStack, secret } from "../../cli/engine/packProcess";

const analyzerProto = require("@pulumi/pulumi/proto/analyzer_pb");

function resources(): PackResource[] {
    const big = Array.from({ length: 400 }, (_, i) => ({
        protocol: "tcp",
        fromPort: i,
        toPort: i,
        cidrBlocks: [`10.0.${i % 250}.0/24`],
        description: `rule ${i}`,
    }));
    return [
        { type: "pulumi:pulumi:Stack", name: "app-dev", props: {} },
        { type: "aws:ec2/securityGroup:SecurityGroup", name: "tiny", props: { ingress: [] } },
        // Over 16 KiB: its length takes a three-byte varint.
        {
            type: "aws:ec2/securityGroup:SecurityGroup",
            name: "big",
            props: { ingress: big, tags: { note: secret("s") } },
            parent: "urn:pulumi:dev::app::pulumi:pulumi:Stack::app-dev",
            dependencies: ["a", "b"],
            propertyDependencies: { ingress: ["a"], tags: [] },
        },
    ];
}

it("encodes an AnalyzeStackRequest byte for byte as the generated code does", () => {
    const encoded = encodeAnalyzeStack(resources());
    const decoded = analyzerProto.AnalyzeStackRequest.deserializeBinary(encoded);
    expect(decoded.getResourcesList().map((r: any) => r.getName())).toEqual(["app-dev", "tiny", "big"]);
    expect(decoded.getResourcesList()[2].getProperties().toJavaScript().ingress).toHaveLength(400);
    expect(decoded.getResourcesList()[2].getPropertydependenciesMap().get("ingress").getUrnsList()).toEqual(["a"]);
    // Re-serialising the decoded message with the generated code gives the same bytes.
    expect(Buffer.from(decoded.serializeBinary()).equals(Buffer.from(encoded))).toBe(true);
    expect(encoded.length).toBeGreaterThan(16384);
});

it("encodes an empty stack as an empty message", () => {
    expect(encodeAnalyzeStack([]).length).toBe(0);
    expect(analyzerProto.AnalyzeStackRequest.deserializeBinary(encodeAnalyzeStack([])).getResourcesList()).toEqual([]);
});
