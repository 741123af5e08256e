/**
 * tierguard's Analyzer server: the methods of `@pulumi/policy` 1.21's server, answering as it answers,
 * but decoding each request once for all policies. See README.md beside this file.
 */
export { servePolicyPack } from "./serve";
