/**
 * Transforms (`transforms` resource option, `pulumi.runtime.registerResourceTransform`,
 * `registerInvokeTransform`) run in the program: the SDK hands the engine a callback (a target
 * address and a token) and the engine calls back into the program for every registration or invoke
 * they apply to, as Pulumi's engine does — a resource's own transforms, then its ancestors', then
 * the stack's.
 */
import * as grpc from "@grpc/grpc-js";
import { Struct } from "google-protobuf/google/protobuf/struct_pb";
import { CallbacksClient } from "@pulumi/pulumi/proto/callback_grpc_pb";
import { Callback, CallbackInvokeRequest } from "@pulumi/pulumi/proto/callback_pb";
import * as resproto from "@pulumi/pulumi/proto/resource_pb";

export interface CallbackRef {
    target: string;
    token: string;
}

export const callbackRef = (callback: Callback): CallbackRef => ({ target: callback.getTarget(), token: callback.getToken() });

/** Clients of the program's callback servers, one per address. */
export class ProgramCallbacks {
    private readonly clients = new Map<string, CallbacksClient>();

    private client(target: string): CallbacksClient {
        let client = this.clients.get(target);
        if (!client) {
            client = new CallbacksClient(target, grpc.credentials.createInsecure(), {
                "grpc.max_receive_message_length": 400 * 1024 * 1024,
                "grpc.max_send_message_length": 400 * 1024 * 1024,
            });
            this.clients.set(target, client);
        }
        return client;
    }

    /** Calls one callback with an encoded request; resolves with the encoded response. */
    invoke(callback: CallbackRef, request: Uint8Array): Promise<Uint8Array> {
        const message = new CallbackInvokeRequest();
        message.setToken(callback.token);
        message.setRequest(request);
        return new Promise((resolve, reject) =>
            this.client(callback.target).invoke(message, (error, response) => (error ? reject(error) : resolve(response.getResponse_asU8()))),
        );
    }

    close(): void {
        for (const client of this.clients.values()) client.close();
        this.clients.clear();
    }
}

/** The options of a registration, in the form transforms receive and return them. */
export function transformOptionsOf(request: resproto.RegisterResourceRequest): resproto.TransformResourceOptions {
    const options = new resproto.TransformResourceOptions();
    options.setDependsOnList(request.getDependenciesList());
    options.setProtect(request.getProtect() ?? false);
    options.setIgnoreChangesList(request.getIgnorechangesList());
    options.setReplaceOnChangesList(request.getReplaceonchangesList());
    options.setVersion(request.getVersion());
    options.setAliasesList(request.getAliasesList());
    options.setProvider(request.getProvider());
    for (const [key, value] of request.getProvidersMap().entries()) options.getProvidersMap().set(key, value);
    options.setCustomTimeouts(request.getCustomtimeouts());
    options.setPluginDownloadUrl(request.getPlugindownloadurl());
    options.setRetainOnDelete(request.getRetainondelete() ?? false);
    options.setDeletedWith(request.getDeletedwith());
    if (request.getDeletebeforereplacedefined()) options.setDeleteBeforeReplace(request.getDeletebeforereplace());
    options.setAdditionalSecretOutputsList(request.getAdditionalsecretoutputsList());
    options.setImport(request.getImportid());
    options.setHideDiffList(request.getHidediffsList());
    return options;
}

export interface TransformSubject {
    type: string;
    name: string;
    custom: boolean;
    parent: string;
    properties: Struct;
    options: resproto.TransformResourceOptions;
}

/** Runs resource transforms in order, each on the previous one's result. */
export async function transformResource(callbacks: ProgramCallbacks, transforms: CallbackRef[], subject: TransformSubject): Promise<TransformSubject> {
    let current = subject;
    for (const transform of transforms) {
        const request = new resproto.TransformRequest();
        request.setType(current.type);
        request.setName(current.name);
        request.setCustom(current.custom);
        request.setParent(current.parent);
        request.setProperties(current.properties);
        request.setOptions(current.options);
        const response = resproto.TransformResponse.deserializeBinary(await callbacks.invoke(transform, request.serializeBinary()));
        current = { ...current, properties: response.getProperties() ?? current.properties, options: response.getOptions() ?? current.options };
    }
    return current;
}

/** Runs invoke transforms in order on an invoke's arguments. */
export async function transformInvoke(callbacks: ProgramCallbacks, transforms: CallbackRef[], token: string, args: Struct): Promise<Struct> {
    let current = args;
    let options = new resproto.TransformInvokeOptions();
    for (const transform of transforms) {
        const request = new resproto.TransformInvokeRequest();
        request.setToken(token);
        request.setArgs(current);
        request.setOptions(options);
        const response = resproto.TransformInvokeResponse.deserializeBinary(await callbacks.invoke(transform, request.serializeBinary()));
        current = response.getArgs() ?? current;
        options = response.getOptions() ?? options;
    }
    return current;
}
