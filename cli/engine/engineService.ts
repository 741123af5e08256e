/**
 * The `Engine` gRPC service: where the program logs (the runner reports its fatal errors here, not
 * on stderr) and where the SDK records the root stack resource.
 */
import * as grpc from "@grpc/grpc-js";
import { Empty } from "google-protobuf/google/protobuf/empty_pb";
import * as engproto from "@pulumi/pulumi/proto/engine_pb";
import { Deployment, ProgramLog } from "./deployment";

const SEVERITIES: Record<number, ProgramLog["severity"]> = {
    [engproto.LogSeverity.DEBUG]: "debug",
    [engproto.LogSeverity.INFO]: "info",
    [engproto.LogSeverity.WARNING]: "warning",
    [engproto.LogSeverity.ERROR]: "error",
};

export function engineService(deployment: Deployment, onLog: (entry: ProgramLog) => void): grpc.UntypedServiceImplementation {
    const log: grpc.handleUnaryCall<engproto.LogRequest, Empty> = (call, callback) => {
        const request = call.request;
        const entry: ProgramLog = {
            severity: SEVERITIES[request.getSeverity()] ?? "info",
            message: request.getMessage(),
            ...(request.getUrn() ? { urn: request.getUrn() } : {}),
        };
        deployment.log(entry);
        if (entry.severity !== "debug") onLog(entry);
        callback(null, new Empty());
    };
    const getRootResource: grpc.handleUnaryCall<engproto.GetRootResourceRequest, engproto.GetRootResourceResponse> = (_call, callback) =>
        callback(null, new engproto.GetRootResourceResponse().setUrn(deployment.stackUrn));
    const setRootResource: grpc.handleUnaryCall<engproto.SetRootResourceRequest, engproto.SetRootResourceResponse> = (call, callback) => {
        if (call.request.getUrn()) deployment.stackUrn = call.request.getUrn();
        callback(null, new engproto.SetRootResourceResponse());
    };
    // `pulumi.runtime.requirePulumiVersion(range)`: no Pulumi CLI is involved, so no CLI version can fail it.
    const requirePulumiVersion: grpc.handleUnaryCall<engproto.RequirePulumiVersionRequest, engproto.RequirePulumiVersionResponse> = (_call, callback) =>
        callback(null, new engproto.RequirePulumiVersionResponse());
    return { log, getRootResource, setRootResource, requirePulumiVersion };
}
