"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.NOTHING_TO_REPORT = void 0;
exports.analyze = analyze;
const decode_1 = require("./decode");
const outcomes_1 = require("./outcomes");
const sdk_1 = require("./sdk");
const typesJudged_1 = require("./typesJudged");
/**
 * Most requests' answer: nothing to report, no policy not applicable. The SDK builds this response
 * for every such request; it is built once here and shared (serve.ts serialises it once, and nothing
 * changes it).
 */
exports.NOTHING_TO_REPORT = sdk_1.protoutil.makeAnalyzeResponse([], undefined);
async function analyze(pack, request, reply) {
    const type = request.type;
    const ds = [];
    const notApplicable = new outcomes_1.NotApplicableList();
    let decoded;
    try {
        // Indexed loops: this runs for every request (README, "Loops V8 compiles quickly").
        for (let i = 0; i < pack.policies.length; i++) {
            const p = pack.policies[i];
            let level = pack.state.levelOf(p);
            if (level === "disabled" || !sdk_1.policyHelpers.isResourcePolicy(p))
                continue;
            if (!p.validateResource) {
                notApplicable.add(p.name, "Policy does not implement validateResource");
                continue;
            }
            // A remediation ran before this, yet a violation remains: it is reported as mandatory.
            if (level === "remediate")
                level = "mandatory";
            if (!Array.isArray(p.validateResource)) {
                const pulumiType = sdk_1.policyHelpers.getPulumiType(p.validateResource);
                if (pulumiType && type !== pulumiType) {
                    notApplicable.add(p.name, `Policy only applies to resources of type '${pulumiType}'`);
                    continue;
                }
            }
            const reportViolation = (0, outcomes_1.violationReporter)(p, pack.name, pack.version, level, ds);
            const validations = Array.isArray(p.validateResource) ? p.validateResource : [p.validateResource];
            for (let v = 0; v < validations.length; v++) {
                const validation = validations[v];
                try {
                    // Decoded even for a validation not called: a request that cannot be decoded fails every
                    // policy, as on the SDK's server, which decodes it for each before calling.
                    decoded ?? (decoded = (0, decode_1.decodeResource)(request));
                    if (!(0, typesJudged_1.mayJudge)(validation, type))
                        continue;
                    const props = sdk_1.proxy.unknownCheckingProxy(decoded.props);
                    const tests = (0, decode_1.typeTests)(type, () => props);
                    // Every field written out, in the SDK's order: one object shape for every validation
                    // (a spread in the middle of the literal made V8 build each one field by field).
                    const args = {
                        type,
                        props,
                        urn: decoded.urn,
                        name: decoded.name,
                        opts: decoded.opts,
                        stackTags: pack.state.stackTags,
                        isType: tests.isType,
                        asType: tests.asType,
                        getConfig: pack.state.getConfigOf(p.name),
                        notApplicable: outcomes_1.throwNotApplicable,
                    };
                    if (decoded.provider)
                        args.provider = decoded.provider;
                    const result = (0, outcomes_1.pending)(validation(args, reportViolation));
                    if (result)
                        await result;
                }
                catch (e) {
                    (0, outcomes_1.settleValidationError)(e, p, "validateResource", pack, ds, notApplicable);
                }
            }
        }
    }
    catch (err) {
        reply(err);
        return;
    }
    // Outside the try, as in the SDK: a response that cannot be built is never answered.
    reply(undefined, ds.length === 0 && !notApplicable.entries ? exports.NOTHING_TO_REPORT : sdk_1.protoutil.makeAnalyzeResponse(ds, notApplicable.entries));
}
