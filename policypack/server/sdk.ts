/**
 * The parts of `@pulumi/policy` 1.21 the server reuses rather than re-implements: its conversion of
 * properties (deserialize), its unknown-checking proxy, its protobuf builders (protoutil), its policy
 * predicates and its version. They are internal modules (their .d.ts files are empty), so they are
 * typed here, once. Everything protobuf (and the generated service's paths and serialisers) is loaded
 * from where `@pulumi/policy` loads it, so the messages the SDK's builders make are the very classes
 * the service serialises.
 */
import { createRequire } from "module";
import { SdkSerialization, sdkSerialization } from "../sdkDeserializer";
import * as path from "path";
import type * as analyzerProtoTypes from "@pulumi/pulumi/proto/analyzer_pb";
import type * as analyzerRpcTypes from "@pulumi/pulumi/proto/analyzer_grpc_pb";
import type * as pluginProtoTypes from "@pulumi/pulumi/proto/plugin_pb";
import type { EnforcementLevel, Policy, PolicyPackArgs, ReportViolation, Severity } from "@pulumi/policy";

/** `require` as `@pulumi/policy` resolves modules. */
const fromSdk = createRequire(path.join(path.dirname(require.resolve("@pulumi/policy/package.json")), "server.js"));

export const analyzerProto: typeof analyzerProtoTypes = fromSdk("@pulumi/pulumi/proto/analyzer_pb");
export const analyzerRpc: typeof analyzerRpcTypes = fromSdk("@pulumi/pulumi/proto/analyzer_grpc_pb");
export const pluginProto: typeof pluginProtoTypes = fromSdk("@pulumi/pulumi/proto/plugin_pb");
export const emptyProto: { Empty: new () => object } = fromSdk("google-protobuf/google/protobuf/empty_pb");

/** A diagnostic as the SDK's makeAnalyzeResponse reads it. */
export interface SdkDiagnostic {
    policyName: string;
    policyPackName: string;
    policyPackVersion: string;
    description?: string;
    message?: string;
    enforcementLevel: EnforcementLevel;
    urn?: string;
    severity?: Severity;
}

/** A remediation as the SDK's makeRemediateResponse reads it. */
export interface SdkRemediation {
    policyName: string;
    policyPackName: string;
    policyPackVersion: string;
    description: string;
    properties?: Record<string, unknown>;
    diagnostic?: string;
}

type Validation = (args: never, reportViolation: ReportViolation) => unknown;

/** A policy as the SDK's server sees one: resource validation(s), remediation and stack validation are all optional. */
export interface AnyPolicy extends Policy {
    validateResource?: Validation | Validation[];
    remediateResource?: (args: never) => unknown;
    validateStack?: Validation;
    [field: string]: unknown;
}

/** deserialize.js, loaded without the whole of @pulumi/pulumi (see ../sdkDeserializer.ts). */
export const deserialize: SdkSerialization = sdkSerialization();

export const proxy: {
    unknownCheckingProxy<T>(toProxy: T): T;
    UnknownValueError: new (...args: never[]) => Error;
} = fromSdk("./proxy");

export const protoutil: {
    asGrpcError(e: unknown, message?: string): Error;
    makeAnalyzerInfo(
        name: string,
        version: string,
        enforcementLevel: EnforcementLevel,
        args: PolicyPackArgs,
        initialConfig: unknown,
    ): analyzerProtoTypes.AnalyzerInfo;
    makeAnalyzeResponse(ds: SdkDiagnostic[], notApplicable: analyzerProtoTypes.PolicyNotApplicable[] | undefined): analyzerProtoTypes.AnalyzeResponse;
    makeRemediateResponse(rs: SdkRemediation[], notApplicable: analyzerProtoTypes.PolicyNotApplicable[] | undefined): analyzerProtoTypes.RemediateResponse;
    convertEnforcementLevel(level: number): EnforcementLevel;
} = fromSdk("./protoutil");

export const policyHelpers: {
    isResourcePolicy(p: AnyPolicy): boolean;
    isStackPolicy(p: AnyPolicy): boolean;
    getPulumiType(obj: unknown): string | undefined;
} = fromSdk("./policy");

export const sdkVersion: string = (fromSdk("./version") as { version: string }).version;
