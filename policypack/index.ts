/**
 * The tierguard policy pack, as the Pulumi engine starts it (`run-policy-pack` loads this file from
 * the pack folder). Starting it starts the gRPC server, so nothing else imports it.
 *
 * The policies are @pulumi/policy policies. By default tierguard serves them itself (policypack/server:
 * the SDK's Analyzer methods and answers, each request decoded once for all policies);
 * TIERGUARD_ANALYZER_SERVER=sdk serves them with `new PolicyPack(...)`, the SDK's own server.
 */
import type * as policySdk from "@pulumi/policy";
import { packPolicies } from "./policies";
// Loads @pulumi/policy's deserializer without the whole @pulumi/pulumi (server/sdk.ts, sdkDeserializer.ts):
// the SDK's own server, loaded below when asked for, then finds that module already loaded.
import { servePolicyPack } from "./server";

const SWITCH = "TIERGUARD_ANALYZER_SERVER";
const choice = process.env[SWITCH];

if (choice === "sdk") {
    const { PolicyPack } = require("@pulumi/policy") as typeof policySdk;
    new PolicyPack("tierguard", { policies: packPolicies() });
} else if (choice === undefined || choice === "" || choice === "tierguard") {
    servePolicyPack("tierguard", { policies: packPolicies() });
} else {
    console.error(
        `${SWITCH}=${JSON.stringify(choice)} is not a server: use ${SWITCH}=sdk for @pulumi/policy's own server, or leave it unset (or "tierguard") for tierguard's.`,
    );
    process.exit(1);
}
