"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const policies_1 = require("./policies");
// Loads @pulumi/policy's deserializer without the whole @pulumi/pulumi (server/sdk.ts, sdkDeserializer.ts):
// the SDK's own server, loaded below when asked for, then finds that module already loaded.
const server_1 = require("./server");
const SWITCH = "TIERGUARD_ANALYZER_SERVER";
const choice = process.env[SWITCH];
if (choice === "sdk") {
    const { PolicyPack } = require("@pulumi/policy");
    new PolicyPack("tierguard", { policies: (0, policies_1.packPolicies)() });
}
else if (choice === undefined || choice === "" || choice === "tierguard") {
    (0, server_1.servePolicyPack)("tierguard", { policies: (0, policies_1.packPolicies)() });
}
else {
    console.error(`${SWITCH}=${JSON.stringify(choice)} is not a server: use ${SWITCH}=sdk for @pulumi/policy's own server, or leave it unset (or "tierguard") for tierguard's.`);
    process.exit(1);
}
