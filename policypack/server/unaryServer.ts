/**
 * The Analyzer's transport: unary gRPC calls over `node:http2`, answered as `@grpc/grpc-js` 1.14's
 * server answers them (the server every SDK pack runs on, so the one the Pulumi engine is known to work
 * with). The Analyzer protocol is unary only, and grpc-js's general machinery (interceptors, call
 * objects, metadata copies, a read queue per call) was a third of a pack's CPU per Analyze; this keeps
 * its observable behaviour — headers, trailers, status codes and their wording, in the same order of
 * checks — and drops the rest. HTTP/2 itself (framing, flow control, HPACK, pings, GOAWAY) stays Node's,
 * as under grpc-js. `test/engine/transportDifferential.test.ts` sends both servers the same well-formed
 * and malformed calls over raw HTTP/2 and requires the same answers.
 */
import * as http2 from "http2";
import * as zlib from "zlib";

/** A unary method: its path, (de)serialisation as the generated service has it, and its handler. */
export interface UnaryMethod {
    path: string;
    requestDeserialize(bytes: Buffer): unknown;
    responseSerialize(value: unknown): Buffer;
    handle(request: unknown, reply: UnaryReply): void;
}

/** A handler's answer: an error (gRPC's `code`/`details`/`metadata` if it has them), or a response. */
export type UnaryReply = (error: Error | null | undefined, response?: unknown) => void;

interface Status {
    code: number;
    details: string;
    metadata?: { toHttp2Headers(): http2.OutgoingHttpHeaders } | null;
}

/** gRPC status codes used here (grpc-js's `Status`). */
const UNKNOWN = 2;
const DEADLINE_EXCEEDED = 4;
const RESOURCE_EXHAUSTED = 8;
export const UNIMPLEMENTED = 12;
const INTERNAL = 13;

/** As grpc-js reads it when it loads: error details are sent to the client only when asked for. */
const SEND_ERROR_DETAILS = (process.env.GRPC_NODE_DEBUG_SEND_ERROR_DETAILS ?? "false") === "true";

/** A server-side failure's status text, as grpc-js words it: terse, or with the error when details are asked for. */
function failure(terse: string, detailed: string, error: unknown): string {
    return SEND_ERROR_DETAILS ? `${detailed}${error instanceof Error ? error.message : String(error)}` : terse;
}

const RESPONSE_HEADERS: http2.OutgoingHttpHeaders = {
    ":status": 200,
    "content-type": "application/grpc+proto",
    "grpc-accept-encoding": "identity,deflate,gzip",
    "grpc-encoding": "identity",
};
const TRAILERS_ONLY_HEADERS: http2.OutgoingHttpHeaders = { ":status": 200, "content-type": "application/grpc+proto" };
const DEADLINE = /(\d{1,8})\s*([HMSmun])/;
const DEADLINE_UNIT_MS: Record<string, number> = { H: 3600000, M: 60000, S: 1000, m: 1, u: 0.001, n: 0.000001 };

/**
 * How much a client may send before the pack has read it: per call, and for all calls of a connection.
 * HTTP/2's default, 65,535 bytes (grpc-js's server keeps it), makes the engine wait for a window update
 * about 70 times while it sends a 5,000-resource AnalyzeStack request (4.5 MB); measured between two
 * processes, such a request arrived in about 13 ms, and in 5 ms with these windows (larger ones were no
 * faster). The pack reads each chunk when its event loop is next free, so at most these 4 MiB wait for a
 * busy pack, besides what one request holds anyway. The only thing a client sees differ from grpc-js's
 * server is the SETTINGS and WINDOW_UPDATE frames (test/engine/transportDifferential.test.ts).
 */
export const RECEIVE_WINDOW = { stream: 1024 * 1024, connection: 4 * 1024 * 1024 };

/** Listens on 127.0.0.1 (a random port), as grpc-js's server for "127.0.0.1:0" with insecure credentials. */
export function serveUnary(
    methods: readonly UnaryMethod[],
    maxReceiveMessage: number,
    listening: (error: Error | null, port: number) => void,
): http2.Http2Server {
    const byPath = new Map(methods.map((method) => [method.path, method]));
    // grpc-js's session options: no header block limit, and session memory unbounded (Node degrades badly at the limit).
    // Flow-control windows larger than HTTP/2's default 65,535 bytes (see RECEIVE_WINDOW).
    const server = http2.createServer({
        maxSendHeaderBlockLength: Number.MAX_SAFE_INTEGER,
        maxSessionMemory: Number.MAX_SAFE_INTEGER,
        settings: { initialWindowSize: RECEIVE_WINDOW.stream },
    });
    server.on("session", (session) => session.setLocalWindowSize(RECEIVE_WINDOW.connection));
    server.setTimeout(0, () => undefined);
    server.on("stream", (stream, headers) => {
        // Any stream error ends in 'close', which cancels the call; without a listener it would be thrown.
        stream.once("error", () => undefined);
        const contentType = headers["content-type"];
        if (typeof contentType !== "string" || !contentType.startsWith("application/grpc")) {
            stream.respond({ ":status": http2.constants.HTTP_STATUS_UNSUPPORTED_MEDIA_TYPE }, { endStream: true });
            return;
        }
        const path = headers[":path"] as string;
        const method = byPath.get(path);
        if (!method) {
            // As grpc-js's unimplemented answer: the path unescaped, before any call exists.
            stream.respond(
                { "grpc-status": UNIMPLEMENTED, "grpc-message": `The server does not implement the method ${path}`, ...TRAILERS_ONLY_HEADERS },
                { endStream: true },
            );
            return;
        }
        new UnaryCall(stream, headers, method, maxReceiveMessage);
    });
    server.once("error", (error) => listening(error, 0));
    server.listen(0, "127.0.0.1", () => listening(null, (server.address() as { port: number }).port));
    return server;
}

/** A request message on its way to the handler: being decompressed, read, or the end of the request. */
type Entry = { kind: "decompressing" } | { kind: "message"; request: unknown } | { kind: "end" };

/**
 * One call, as grpc-js's server call runs it. Each DATA chunk is split into messages (a 5-byte prefix —
 * compressed flag, length — then the bytes) before any of them is handled, so a length over the limit
 * anywhere in the chunk is what the call answers. Each message is decompressed and read as soon as it
 * arrives, and an error in any of them is answered at once; the messages reach the handler in order, the
 * stream paused while one is still being decompressed (one call can hold only so much inflated data).
 * The handler runs at the end of the request, with its one message. The first status sent is the
 * call's; the deadline holds until the response is written.
 */
class UnaryCall {
    private readonly queue: Entry[] = [];
    private requests = 0;
    private request: unknown;
    private finished = false;
    private headersSent = false;
    /** Paused while a message is being decompressed. */
    private paused = false;
    private deadline: NodeJS.Timeout | undefined;
    private readonly encoding: string;
    // The message being read: its prefix, then its parts.
    private readonly prefix = Buffer.alloc(5);
    private prefixRead = 0;
    private parts: Buffer[] = [];
    private remaining = 0;

    constructor(
        private readonly stream: http2.ServerHttp2Stream,
        headers: http2.IncomingHttpHeaders,
        private readonly method: UnaryMethod,
        private readonly maxReceive: number,
    ) {
        stream.once("close", () => this.cancel());
        const timeout = metadataValue(headers["grpc-timeout"]);
        if (timeout !== undefined) this.startDeadline(timeout);
        this.encoding = metadataValue(headers["grpc-encoding"]) ?? "identity";
        stream.on("data", (chunk: Buffer) => this.read(chunk));
        stream.on("end", () => this.enqueue({ kind: "end" }));
    }

    private startDeadline(header: string): void {
        const match = DEADLINE.exec(header);
        if (!match) {
            process.nextTick(() => this.finish({ code: INTERNAL, details: `Invalid grpc-timeout value "${header}"` }));
            return;
        }
        const ms = (+match[1] * DEADLINE_UNIT_MS[match[2]]) | 0;
        this.deadline = setTimeout(() => this.finish({ code: DEADLINE_EXCEEDED, details: "Deadline exceeded" }), ms);
    }

    private get cancelled(): boolean {
        if (!this.finished && (this.stream.destroyed || this.stream.closed)) this.cancel();
        return this.finished;
    }

    private cancel(): void {
        this.finished = true;
        if (this.deadline) clearTimeout(this.deadline);
        // Flush what is still coming, as grpc-js does once a call is over.
        this.stream.resume();
    }

    private read(chunk: Buffer): void {
        if (this.cancelled) return;
        const messages: Array<{ compressed: boolean; body: Buffer }> = [];
        let at = 0;
        while (at < chunk.length) {
            if (this.prefixRead < 5) {
                const take = Math.min(5 - this.prefixRead, chunk.length - at);
                chunk.copy(this.prefix, this.prefixRead, at, at + take);
                this.prefixRead += take;
                at += take;
                if (this.prefixRead < 5) break;
                this.remaining = this.prefix.readUInt32BE(1);
                if (this.maxReceive !== -1 && this.remaining > this.maxReceive) {
                    this.finish({ code: RESOURCE_EXHAUSTED, details: `Received message larger than max (${this.remaining} vs ${this.maxReceive})` });
                    return;
                }
            } else {
                const take = Math.min(this.remaining, chunk.length - at);
                this.parts.push(chunk.subarray(at, at + take));
                this.remaining -= take;
                at += take;
            }
            if (this.prefixRead === 5 && this.remaining === 0) {
                messages.push({ compressed: this.prefix[0] === 1, body: this.parts.length === 1 ? this.parts[0] : Buffer.concat(this.parts) });
                this.prefixRead = 0;
                this.parts = [];
            }
        }
        for (const { compressed, body } of messages) {
            if (this.finished) return;
            if (!compressed || this.encoding === "identity") this.enqueue(this.deserialized(body));
            else this.decompressInto(body);
        }
    }

    /** A message read into the handler's request, or undefined when it cannot be (the call is then answered). */
    private deserialized(bytes: Buffer): Entry | undefined {
        try {
            return { kind: "message", request: this.method.requestDeserialize(bytes) };
        } catch (error) {
            this.finish({
                code: INTERNAL,
                details: failure("Error deserializing request", "Error deserializing request: ", error),
            });
            return undefined;
        }
    }

    private decompressInto(body: Buffer): void {
        const entry: Entry = { kind: "decompressing" };
        this.queue.push(entry);
        this.paused = true;
        this.stream.pause();
        this.decompress(body).then(
            (bytes) => {
                if (this.cancelled) return;
                const read = this.deserialized(bytes);
                if (!read) return;
                Object.assign(entry, read);
                this.drain();
            },
            (status: Status) => this.finish(status),
        );
    }

    private decompress(body: Buffer): Promise<Buffer> {
        const encoding = this.encoding;
        if (encoding !== "gzip" && encoding !== "deflate") {
            return Promise.reject({ code: UNIMPLEMENTED, details: `Received message compressed with unsupported encoding "${encoding}"` });
        }
        const options = this.maxReceive === -1 ? {} : { maxOutputLength: this.maxReceive };
        return new Promise((resolve, reject) => {
            const done = (error: (Error & { code?: string }) | null, result: Buffer) => {
                if (!error) resolve(result);
                else if (error.code === "ERR_BUFFER_TOO_LARGE")
                    reject({ code: RESOURCE_EXHAUSTED, details: `Received message that decompresses to a size larger than ${this.maxReceive}` });
                else reject({ code: INTERNAL, details: "Failed to decompress message" });
            };
            if (encoding === "gzip") zlib.gunzip(body, options, done);
            else zlib.inflate(body, options, done);
        });
    }

    private enqueue(entry: Entry | undefined): void {
        if (!entry || this.cancelled) return;
        this.queue.push(entry);
        this.drain();
    }

    /** Hands the queue's ready entries on, in order; stops at a message still being decompressed. */
    private drain(): void {
        while (this.queue.length > 0 && this.queue[0].kind !== "decompressing") {
            if (this.cancelled) return;
            const entry = this.queue.shift()!;
            if (entry.kind === "end") {
                this.ended();
                return;
            }
            if (++this.requests > 1) {
                this.finish({ code: UNIMPLEMENTED, details: `Received a second request message for server streaming method ${this.method.path}` });
                return;
            }
            this.request = (entry as { request: unknown }).request;
        }
        if (this.paused && this.queue.length === 0 && !this.finished) {
            this.paused = false;
            this.stream.resume();
        }
    }

    private ended(): void {
        if (this.requests === 0) {
            this.finish({ code: UNIMPLEMENTED, details: `Received no request message for server streaming method ${this.method.path}` });
            return;
        }
        try {
            // The first answer is the call's: the Analyzer's handlers answer once (grpc-js would also send a second).
            let answered = false;
            this.method.handle(this.request, (error, response) => {
                if (answered) return;
                answered = true;
                if (error) this.finish(statusOf(error));
                else this.respond(response);
            });
        } catch (error) {
            this.finish({ code: UNKNOWN, details: failure("Unknown error", "Server method handler threw error ", error) });
        }
    }

    private respond(response: unknown): void {
        if (this.cancelled) return;
        let body: Buffer;
        try {
            body = this.method.responseSerialize(response);
        } catch (error) {
            this.finish({ code: INTERNAL, details: failure("Error serializing response", "Error serializing response: ", error) });
            return;
        }
        const framed = Buffer.allocUnsafe(body.byteLength + 5);
        framed[0] = 0;
        framed.writeUInt32BE(body.byteLength, 1);
        body.copy(framed, 5);
        this.headersSent = true;
        this.stream.respond(RESPONSE_HEADERS, { waitForTrailers: true });
        // OK once the message is written: a deadline that passes while flow control holds it back wins.
        this.stream.write(framed, (error) => {
            if (error) this.finish({ code: INTERNAL, details: failure("Internal server error", "Error writing message: ", error) });
            else this.finish({ code: 0, details: "OK" });
        });
    }

    /** The call's one status: in the trailers after the headers were sent, else alone (trailers-only). */
    private finish(status: Status): void {
        if (this.cancelled) return;
        this.finished = true;
        if (this.deadline) clearTimeout(this.deadline);
        const code = { "grpc-status": status.code, "grpc-message": uriEncoded(status.details) };
        const metadata = status.metadata?.toHttp2Headers();
        if (this.headersSent) {
            this.stream.once("wantTrailers", () => this.stream.sendTrailers({ ...code, ...metadata }));
            this.stream.end();
        } else {
            this.stream.respond({ ...code, ...TRAILERS_ONLY_HEADERS, ...metadata }, { endStream: true });
        }
        this.stream.resume();
    }
}

/**
 * A grpc-timeout or grpc-encoding value as grpc-js's metadata keeps it: one it cannot hold (outside
 * printable ASCII) is dropped, as if it had not been sent.
 */
function metadataValue(value: string | string[] | undefined): string | undefined {
    return typeof value === "string" && /^[ -~]*$/.test(value) ? value : undefined;
}

/** grpc-js's serverErrorToStatus: an integer `code` with its `details`, else UNKNOWN with the message. */
function statusOf(error: Error & { code?: unknown; details?: unknown; metadata?: Status["metadata"] }): Status {
    const status: Status = { code: UNKNOWN, details: "message" in error ? error.message : "Unknown Error", metadata: error.metadata ?? null };
    if (typeof error.code === "number" && Number.isInteger(error.code)) {
        status.code = error.code;
        if (typeof error.details === "string") status.details = error.details;
    }
    if (status.metadata && typeof status.metadata.toHttp2Headers !== "function") status.metadata = null;
    return status;
}

/**
 * grpc-message as grpc-js sends it (encodeURI). A lone surrogate, which encodeURI refuses, becomes
 * U+FFFD rather than crashing the pack: grpc-js would throw out of the call there.
 */
function uriEncoded(details: string): string {
    try {
        return encodeURI(details);
    } catch {
        return encodeURI(details.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, "\uFFFD"));
    }
}
