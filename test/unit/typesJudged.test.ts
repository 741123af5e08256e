/** Validations that declare the types they judge are not called for others (policypack/server/typesJudged.ts). */
import type { ResourceValidationPolicy } from "@pulumi/policy";
import { tierguardPolicies } from "../../policypack/compose";
import { policyDefinitions } from "../../policypack/policies";
import { declareTypesJudged, mayJudge, typesJudgedBy } from "../../policypack/server/typesJudged";

const SG = "aws:ec2/securityGroup:SecurityGroup";

it("a validation that declared nothing may judge every type", () => {
    expect(mayJudge(() => undefined, "aws:s3/bucket:Bucket")).toBe(true);
});

it("a declared validation may judge its types only", () => {
    const validation = declareTypesJudged(() => undefined, new Set([SG]));
    expect(mayJudge(validation, SG)).toBe(true);
    expect(mayJudge(validation, "aws:s3/bucket:Bucket")).toBe(false);
});

it("every tierguard resource policy declares its types, also with settings applied (compose wraps it)", () => {
    const byName = new Map(policyDefinitions.map((d) => [d.name, d]));
    const withSettings = tierguardPolicies({ all: "mandatory", "no-wide-ingress-port-ranges": { maxPorts: 10 } });
    const resourcePolicies = withSettings.filter((p): p is ResourceValidationPolicy => "validateResource" in p);
    expect(resourcePolicies.length).toBeGreaterThan(5);
    for (const policy of resourcePolicies) {
        const types = typesJudgedBy(policy.validateResource as object);
        expect([policy.name, types]).toEqual([policy.name, byName.get(policy.name)!.appliesTo]);
    }
});
