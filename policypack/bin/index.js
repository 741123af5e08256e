"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
/**
 * The tierguard policy pack, as the Pulumi engine starts it (`run-policy-pack` loads this file from
 * the pack folder). Constructing the PolicyPack starts the gRPC server, so nothing else imports it.
 */
const policy_1 = require("@pulumi/policy");
const policies_1 = require("./policies");
new policy_1.PolicyPack("tierguard", { policies: (0, policies_1.packPolicies)() });
