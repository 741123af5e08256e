/**
 * tierguard's Analyzer server (policypack/server) decodes a request once and lets every policy judge
 * that one copy. That is only the SDK's behaviour if no policy writes into the props it is handed (under
 * the SDK's server each policy has a private copy). This holds tierguard's policies to it: every example,
 * in each of its modes, through the server's own Analyze and AnalyzeStack, leaves every decoded copy
 * exactly as it was decoded. (That the answers are the SDK's is test/engine/analyzerServerDifferential.)
 */
import type { AnalyzeResponse } from "@pulumi/pulumi/proto/analyzer_pb";
import { analyzeRequest, encodeAnalyzeStack } from "../../cli/engine/packProcess";
import { ResourceExample, StackExample } from "../../policypack/kit/examples";
import { packPolicies } from "../../policypack/policies";
import { NOTHING_TO_REPORT, Pack, analyze } from "../../policypack/server/analyze";
import { analyzeStack } from "../../policypack/server/analyzeStack";
import { PackState } from "../../policypack/server/packState";
import * as requestDecoding from "../../policypack/server/requestDecoding";
import { AnyPolicy } from "../../policypack/server/sdk";
import { engineInput, exampleRuns, policiesUnderTest } from "../policyExamples";

const decoded: Array<{ value: unknown; asDecoded: string }> = [];
beforeAll(() => {
    const original = requestDecoding.propertiesOf;
    jest.spyOn(requestDecoding, "propertiesOf").mockImplementation((struct) => {
        const value = original(struct);
        decoded.push({ value, asDecoded: JSON.stringify(value) });
        return value;
    });
});
afterAll(() => jest.restoreAllMocks());

const pack: Pack = { name: "tierguard", version: "0.1.0", policies: packPolicies() as unknown as AnyPolicy[], state: new PackState("advisory") };

function answer(send: (reply: (error: Error | undefined, response?: AnalyzeResponse) => void) => Promise<void>): Promise<AnalyzeResponse> {
    return new Promise((resolve, reject) => void send((error, response) => (error ? reject(error) : resolve(response!))));
}

it.each(exampleRuns(policiesUnderTest()))("%s: no policy writes into the shared decoded props", async (_, subject, example, mode) => {
    decoded.length = 0;
    const own = (example as ResourceExample | StackExample).config ?? {};
    for (const config of [{}, { [subject.name]: { enforcementLevel: "mandatory" as const, ...own } }]) {
        pack.state.config = config;
        if (subject.kind === "resource") {
            const input = engineInput(example as ResourceExample, mode);
            await answer((reply) => analyze(pack, requestDecoding.analyzeRequestFrom(Buffer.from(analyzeRequest(input).serializeBinary())), reply));
            await answer((reply) => analyzeStack(pack, requestDecoding.analyzeStackRequestFrom(Buffer.from(encodeAnalyzeStack([input]))), reply));
        } else {
            const resources = engineInput(example as StackExample, mode);
            await answer((reply) => analyzeStack(pack, requestDecoding.analyzeStackRequestFrom(Buffer.from(encodeAnalyzeStack(resources))), reply));
        }
    }
    expect(decoded.length).toBeGreaterThan(0);
    for (const { value, asDecoded } of decoded) expect(JSON.stringify(value)).toBe(asDecoded);
});

it("still answers 'nothing to report' with an empty response after every example (it is shared by all requests)", async () => {
    // Runs after the examples above, which got it for every request with nothing to report.
    pack.state.config = {};
    const quiet = analyzeRequest({ type: "aws:ec2/vpc:Vpc", name: "vpc", urn: "urn:pulumi:dev::p::aws:ec2/vpc:Vpc::vpc", props: { cidrBlock: "10.0.0.0/16" } });
    const response = await answer((reply) =>
        analyze(pack, requestDecoding.analyzeRequestFrom(Buffer.from(quiet.serializeBinary())) as requestDecoding.ResourceData, reply),
    );
    expect(response).toBe(NOTHING_TO_REPORT);
    expect(NOTHING_TO_REPORT.getDiagnosticsList()).toEqual([]);
    expect(NOTHING_TO_REPORT.getNotApplicableList()).toEqual([]);
    expect(NOTHING_TO_REPORT.serializeBinary()).toEqual(new Uint8Array());
});
