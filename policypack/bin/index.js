"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
const policies_1 = require("./policies");
const sdkDeserializer_1 = require("./sdkDeserializer");
// Both servers require @pulumi/policy's deserializer as they load: loaded first, without the whole
// @pulumi/pulumi (see sdkDeserializer.ts), it is the module they find (a third of the pack's start-up CPU).
(0, sdkDeserializer_1.sdkDeserializer)();
const { servePolicyPack } = require("./server");
const SWITCH = "TIERGUARD_ANALYZER_SERVER";
const choice = process.env[SWITCH];
if (choice === "sdk") {
    const { PolicyPack } = require("@pulumi/policy");
    new PolicyPack("tierguard", { policies: (0, policies_1.packPolicies)() });
}
else if (choice === undefined || choice === "" || choice === "tierguard") {
    servePolicyPack("tierguard", { policies: (0, policies_1.packPolicies)() });
}
else {
    console.error(`${SWITCH}=${JSON.stringify(choice)} is not a server: use ${SWITCH}=sdk for @pulumi/policy's own server, or leave it unset (or "tierguard") for tierguard's.`);
    process.exit(1);
}
