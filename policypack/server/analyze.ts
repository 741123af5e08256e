/**
 * Analyze: one resource's inputs, judged by every enabled resource policy — the request decoded once,
 * at the first validation that needs it, and each validation handed its own unknown-checking proxy
 * over that one copy. Levels, "not applicable", unknown values and errors as the SDK's server has them.
 */
import type { ResourceValidationArgs } from "@pulumi/policy";
import type { AnalyzeResponse } from "@pulumi/pulumi/proto/analyzer_pb";
import { DecodedResource, decodeResource, typeTests } from "./decode";
import type { ResourceData } from "./requestDecoding";
import { NotApplicableList, pending, settleValidationError, throwNotApplicable, violationReporter } from "./outcomes";
import type { PackState } from "./packState";
import { AnyPolicy, SdkDiagnostic, policyHelpers, protoutil, proxy } from "./sdk";
import { mayJudge } from "./typesJudged";

/** Answers a request, as a gRPC unary callback: an error, or a response. */
export type Reply<T> = (error: Error | undefined, response?: T) => void;

export interface Pack {
    name: string;
    version: string;
    policies: readonly AnyPolicy[];
    state: PackState;
}

/**
 * Most requests' answer: nothing to report, no policy not applicable. The SDK builds this response
 * for every such request; it is built once here and shared (serve.ts serialises it once, and nothing
 * changes it).
 */
export const NOTHING_TO_REPORT = protoutil.makeAnalyzeResponse([], undefined);

export async function analyze(pack: Pack, request: ResourceData, reply: Reply<AnalyzeResponse>): Promise<void> {
    const type = request.type;
    const ds: SdkDiagnostic[] = [];
    const notApplicable = new NotApplicableList();
    let decoded: DecodedResource | undefined;
    try {
        // Indexed loops: this runs for every request (README, "Loops V8 compiles quickly").
        for (let i = 0; i < pack.policies.length; i++) {
            const p = pack.policies[i];
            let level = pack.state.levelOf(p);
            if (level === "disabled" || !policyHelpers.isResourcePolicy(p)) continue;
            if (!p.validateResource) {
                notApplicable.add(p.name, "Policy does not implement validateResource");
                continue;
            }
            // A remediation ran before this, yet a violation remains: it is reported as mandatory.
            if (level === "remediate") level = "mandatory";
            if (!Array.isArray(p.validateResource)) {
                const pulumiType = policyHelpers.getPulumiType(p.validateResource);
                if (pulumiType && type !== pulumiType) {
                    notApplicable.add(p.name, `Policy only applies to resources of type '${pulumiType}'`);
                    continue;
                }
            }
            const reportViolation = violationReporter(p, pack.name, pack.version, level, ds);
            const validations = Array.isArray(p.validateResource) ? p.validateResource : [p.validateResource];
            for (let v = 0; v < validations.length; v++) {
                const validation = validations[v];
                try {
                    // Decoded even for a validation not called: a request that cannot be decoded fails every
                    // policy, as on the SDK's server, which decodes it for each before calling.
                    decoded ??= decodeResource(request);
                    if (!mayJudge(validation, type)) continue;
                    const props = proxy.unknownCheckingProxy(decoded.props);
                    const tests = typeTests(type, () => props);
                    // Every field written out, in the SDK's order: one object shape for every validation
                    // (a spread in the middle of the literal made V8 build each one field by field).
                    const args: ResourceValidationArgs = {
                        type,
                        props,
                        urn: decoded.urn,
                        name: decoded.name,
                        opts: decoded.opts,
                        stackTags: pack.state.stackTags as ResourceValidationArgs["stackTags"],
                        isType: tests.isType,
                        asType: tests.asType,
                        getConfig: pack.state.getConfigOf(p.name) as ResourceValidationArgs["getConfig"],
                        notApplicable: throwNotApplicable,
                    } as ResourceValidationArgs;
                    if (decoded.provider) args.provider = decoded.provider;
                    const result = pending(validation(args as never, reportViolation));
                    if (result) await result;
                } catch (e) {
                    settleValidationError(e, p, "validateResource", pack, ds, notApplicable);
                }
            }
        }
    } catch (err) {
        reply(err as Error);
        return;
    }
    // Outside the try, as in the SDK: a response that cannot be built is never answered.
    reply(undefined, ds.length === 0 && !notApplicable.entries ? NOTHING_TO_REPORT : protoutil.makeAnalyzeResponse(ds, notApplicable.entries));
}
