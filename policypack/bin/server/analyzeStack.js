"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.analyzeStack = analyzeStack;
const decode_1 = require("./decode");
const outcomes_1 = require("./outcomes");
const sdk_1 = require("./sdk");
async function analyzeStack(pack, stack, reply) {
    const ds = [];
    const notApplicable = new outcomes_1.NotApplicableList();
    let resources;
    // The stack's types, collected once when a stack policy first names one.
    let types;
    try {
        for (const p of pack.policies) {
            let level = pack.state.levelOf(p);
            if (level === "disabled" || !sdk_1.policyHelpers.isStackPolicy(p))
                continue;
            // Stack policies cannot remediate: the level is mandatory.
            if (level === "remediate")
                level = "mandatory";
            const pulumiType = sdk_1.policyHelpers.getPulumiType(p.validateStack);
            if (pulumiType && !(types ?? (types = new Set(stack.map((r) => r.type)))).has(pulumiType)) {
                notApplicable.add(p.name, `Policy only applies to resources of type '${pulumiType}'`);
                continue;
            }
            const reportViolation = (0, outcomes_1.violationReporter)(p, pack.name, pack.version, level, ds);
            try {
                resources ?? (resources = (0, decode_1.decodeStack)(stack));
                const args = {
                    resources: resources.slice(),
                    getConfig: pack.state.getConfigOf(p.name),
                    stackTags: pack.state.stackTags,
                    notApplicable: outcomes_1.throwNotApplicable,
                };
                const result = (0, outcomes_1.pending)(p.validateStack(args, reportViolation));
                if (result)
                    await result;
            }
            catch (e) {
                (0, outcomes_1.settleValidationError)(e, p, "validateStack", pack, ds, notApplicable);
            }
        }
    }
    catch (err) {
        reply(err);
        return;
    }
    // Outside the try, as in the SDK: a response that cannot be built is never answered.
    reply(undefined, sdk_1.protoutil.makeAnalyzeResponse(ds, notApplicable.entries));
}
