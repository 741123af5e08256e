/**
 * A policy pack whose policies cannot run (each check throws), wrapped by tierguard's own kit: what a
 * bug of ours meeting an unforeseen input looks like to the engine. Started only as a pack (its
 * PolicyPack starts a gRPC server), by test/engine/hardening.test.ts; never imported by a test.
 */
import { PolicyPack } from "@pulumi/policy";
import { definePolicy, toResourcePolicy } from "../../policypack/kit/define";
import { defineStackPolicy, toStackPolicy } from "../../policypack/kit/defineStack";

const metadata = (level: "mandatory" | "advisory") => ({
    name: `cannot-run-${level}`,
    description: `A ${level} policy whose check throws.`,
    enforcementLevel: level,
    severity: "high" as const,
    remediationSteps: "None: this pack exists to test how a failing policy reports.",
    tags: ["test"],
    config: {},
});

const failing = (): never => {
    throw new TypeError("property.split is not a function");
};

const stackPolicies = [defineStackPolicy({ ...metadata("mandatory"), check: failing }), defineStackPolicy({ ...metadata("advisory"), check: failing })];
const resourcePolicy = definePolicy({
    ...metadata("mandatory"),
    name: "cannot-run-on-resources",
    appliesTo: new Set(["aws:ec2/securityGroup:SecurityGroup"]),
    check: failing,
});

new PolicyPack("tierguard-cannot-run", { policies: [...stackPolicies.map(toStackPolicy), toResourcePolicy(resourcePolicy)] });
