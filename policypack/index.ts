/**
 * The tierguard policy pack, as the Pulumi engine starts it (`run-policy-pack` loads this file from
 * the pack folder). Constructing the PolicyPack starts the gRPC server, so nothing else imports it.
 */
import { PolicyPack } from "@pulumi/policy";
import { packPolicies } from "./policies";

new PolicyPack("tierguard", { policies: packPolicies() });
