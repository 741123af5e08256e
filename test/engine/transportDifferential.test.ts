/**
 * tierguard's pack serves gRPC itself (policypack/server/unaryServer.ts), as @grpc/grpc-js's server
 * does for the SDK's packs. Both are sent the same calls over raw HTTP/2 — well-formed, and malformed in
 * every way a client can get a unary call wrong — and must answer alike: the HTTP status, the gRPC
 * headers, whether the status came alone (trailers-only) or after a message, the status and its text
 * (stack frames left out, as in analyzerServerDifferential.test.ts), and the message's bytes. Only the
 * flow-control windows differ, on purpose (the last test).
 */
import * as http2 from "http2";
import * as zlib from "zlib";
import type { ChildProcess } from "child_process";
import { Empty } from "google-protobuf/google/protobuf/empty_pb";
import { PACK_DIR, analyzeRequest } from "../../cli/engine/packProcess";
import { startPack, stopPack } from "./packStart";
import { RECEIVE_WINDOW } from "../../policypack/server/unaryServer";

const SG = "aws:ec2/securityGroup:SecurityGroup";
const ANALYZE = "/pulumirpc.Analyzer/Analyze";
const PLUGIN_INFO = "/pulumirpc.Analyzer/GetPluginInfo";
const CONFIGURE = "/pulumirpc.Analyzer/Configure";

/** What a client can observe of one call. */
interface Observed {
    headers: Record<string, unknown>;
    /** Undefined when the status came in the response headers (trailers-only). */
    trailers?: Record<string, unknown>;
    body: string;
}

/** The headers a gRPC client reads; grpc-message without stack frames. */
function observable(headers: http2.IncomingHttpHeaders): Record<string, unknown> {
    const seen: Record<string, unknown> = {};
    for (const name of [":status", "content-type", "grpc-encoding", "grpc-accept-encoding", "grpc-status", "grpc-message"]) {
        if (headers[name] === undefined) continue;
        seen[name] = name === "grpc-message" ? withoutFrames(String(headers[name])) : headers[name];
    }
    return seen;
}

/** grpc-message as sent (which a client decodes as a URI component, when it can), less its stack frames. */
function withoutFrames(message: string): string {
    return message
        .split("%0A")
        .filter((line) => !/^(%20)+at%20/.test(line))
        .join("%0A");
}

interface Call {
    path: string;
    headers?: http2.OutgoingHttpHeaders;
    /** DATA frames as sent, one write each. */
    frames: Buffer[];
}

function send(session: http2.ClientHttp2Session, call: Call): Promise<Observed> {
    return new Promise((resolve, reject) => {
        const stream = session.request(
            { ":method": "POST", ":path": call.path, "content-type": "application/grpc", te: "trailers", ...call.headers },
            { endStream: false },
        );
        let headers: http2.IncomingHttpHeaders = {};
        let trailers: http2.IncomingHttpHeaders | undefined;
        const body: Buffer[] = [];
        stream.on("response", (h) => (headers = h));
        stream.on("trailers", (t) => (trailers = t));
        stream.on("data", (chunk: Buffer) => body.push(chunk));
        stream.on("close", () =>
            resolve({ headers: observable(headers), trailers: trailers && observable(trailers), body: Buffer.concat(body).toString("hex") }),
        );
        stream.on("error", reject);
        for (const frame of call.frames) stream.write(frame);
        stream.end();
    });
}

/** A message as gRPC frames it: compressed flag, 4-byte length, the bytes. */
function framed(bytes: Uint8Array, flag = 0): Buffer {
    const prefix = Buffer.alloc(5);
    prefix[0] = flag;
    prefix.writeUInt32BE(bytes.length, 1);
    return Buffer.concat([prefix, bytes]);
}

const empty = Buffer.from(new Empty().serializeBinary());
const sshOpen = analyzeRequest({
    type: SG,
    name: "web",
    urn: `urn:pulumi:dev::app::${SG}::web`,
    props: { ingress: [{ protocol: "tcp", fromPort: 22, toPort: 22, cidrBlocks: ["0.0.0.0/0"] }] },
}).serializeBinary();

const CALLS: Array<[string, Call]> = [
    ["GetPluginInfo", { path: PLUGIN_INFO, frames: [framed(empty)] }],
    ["Analyze, a violation", { path: ANALYZE, frames: [framed(sshOpen)] }],
    ["Analyze, one byte per frame", { path: ANALYZE, frames: [...framed(sshOpen)].map((byte) => Buffer.from([byte])) }],
    ["Analyze, a valid grpc-timeout", { path: ANALYZE, headers: { "grpc-timeout": "30S" }, frames: [framed(sshOpen)] }],
    ["Analyze, gzip", { path: ANALYZE, headers: { "grpc-encoding": "gzip" }, frames: [framed(zlib.gzipSync(sshOpen), 1)] }],
    ["Analyze, deflate", { path: ANALYZE, headers: { "grpc-encoding": "deflate" }, frames: [framed(zlib.deflateSync(sshOpen), 1)] }],
    ["Analyze, flagged compressed but identity", { path: ANALYZE, headers: { "grpc-encoding": "identity" }, frames: [framed(sshOpen, 1)] }],
    ["Analyze, gzip sent uncompressed", { path: ANALYZE, headers: { "grpc-encoding": "gzip" }, frames: [framed(sshOpen)] }],
    ["Analyze, a compressed flag of 2", { path: ANALYZE, frames: [framed(sshOpen, 2)] }],
    ["Analyze, an unsupported encoding", { path: ANALYZE, headers: { "grpc-encoding": "br" }, frames: [framed(sshOpen, 1)] }],
    ["Analyze, gzip that is not", { path: ANALYZE, headers: { "grpc-encoding": "gzip" }, frames: [framed(Buffer.from("not gzip"), 1)] }],
    ["Analyze, content-type application/grpc+proto", { path: ANALYZE, headers: { "content-type": "application/grpc+proto" }, frames: [framed(sshOpen)] }],
    ["Analyze, as GET", { path: ANALYZE, headers: { ":method": "GET" }, frames: [framed(sshOpen)] }],
    ["an unknown method", { path: "/pulumirpc.Analyzer/Nope", frames: [framed(empty)] }],
    ["an unknown service", { path: "/grpc.health.v1.Health/Check", frames: [framed(empty)] }],
    ["a path with percent signs and a query", { path: "/a%zz%20b?x=<i>", frames: [framed(empty)] }],
    ["Handshake (implemented by neither)", { path: "/pulumirpc.Analyzer/Handshake", frames: [framed(empty)] }],
    ["Cancel (implemented by neither)", { path: "/pulumirpc.Analyzer/Cancel", frames: [framed(empty)] }],
    ["no content-type", { path: PLUGIN_INFO, headers: { "content-type": undefined }, frames: [framed(empty)] }],
    ["content-type text/plain", { path: PLUGIN_INFO, headers: { "content-type": "text/plain" }, frames: [framed(empty)] }],
    ["no message", { path: PLUGIN_INFO, frames: [] }],
    ["two messages", { path: PLUGIN_INFO, frames: [framed(empty), framed(empty)] }],
    ["two messages in one frame", { path: ANALYZE, frames: [Buffer.concat([framed(sshOpen), framed(sshOpen)])] }],
    ["a message, then a second that cannot be read", { path: CONFIGURE, frames: [framed(empty), framed(Buffer.from([0xff, 0xff, 0xff]))] }],
    ["half a prefix", { path: PLUGIN_INFO, frames: [Buffer.from([0, 0, 0])] }],
    ["a message cut short", { path: ANALYZE, frames: [framed(sshOpen).subarray(0, 20)] }],
    ["a message, then one cut short", { path: ANALYZE, frames: [framed(sshOpen), framed(sshOpen).subarray(0, 9)] }],
    ["a request that cannot be read", { path: CONFIGURE, frames: [framed(Buffer.from([0xff, 0xff, 0xff]))] }],
    ["an Analyze request that cannot be read", { path: ANALYZE, frames: [framed(Buffer.from([0x0a, 0x80]))] }],
    ["a grpc-timeout that is not one", { path: PLUGIN_INFO, headers: { "grpc-timeout": "soon" }, frames: [framed(empty)] }],
    // grpc-js's metadata drops a value outside printable ASCII: as if the header had not been sent.
    ["a grpc-timeout outside printable ASCII", { path: PLUGIN_INFO, headers: { "grpc-timeout": "soon\u00e9" }, frames: [framed(empty)] }],
    ["a grpc-encoding outside printable ASCII", { path: ANALYZE, headers: { "grpc-encoding": "gzip\u00e9" }, frames: [framed(zlib.gzipSync(sshOpen), 1)] }],
    // A DATA chunk is split into messages before any is read: a length over the limit anywhere in it wins.
    [
        "a message that cannot be read, then a length over the limit, in one frame",
        { path: CONFIGURE, frames: [Buffer.concat([framed(Buffer.from([0xff, 0xff, 0xff])), Buffer.from([0, 0x7f, 0xff, 0xff, 0xff])])] },
    ],
    // Each message is read as it arrives: the plain one fails before the gzip one is inflated.
    [
        "gzip that is not, then a message that cannot be read, in one frame",
        {
            path: CONFIGURE,
            headers: { "grpc-encoding": "gzip" },
            frames: [Buffer.concat([framed(Buffer.from("not gzip"), 1), framed(Buffer.from([0xff, 0xff]))])],
        },
    ],
    [
        "gzip, then an uncompressed second message",
        { path: PLUGIN_INFO, headers: { "grpc-encoding": "gzip" }, frames: [framed(zlib.gzipSync(empty), 1), framed(empty)] },
    ],
    ["a grpc-timeout with too many digits", { path: PLUGIN_INFO, headers: { "grpc-timeout": "123456789S" }, frames: [framed(empty)] }],
];

let packs: Array<{ child: ChildProcess; port: number; session: http2.ClientHttp2Session }>;

beforeAll(async () => {
    packs = await Promise.all(
        [undefined, "sdk"].map(async (server) => {
            const { child, port } = await startPack(server, PACK_DIR);
            const session = http2.connect(`http://127.0.0.1:${port}`);
            // A session error fails the calls on it, which the test then reports.
            session.on("error", () => undefined);
            return { child, port, session };
        }),
    );
}, 60_000);

afterAll(async () => {
    for (const { child, session } of packs ?? []) {
        session.close();
        await stopPack(child);
    }
});

it.each(CALLS)("%s: answered as grpc-js's server answers it", async (_, call) => {
    const [ours, sdk] = await Promise.all(packs.map(({ session }) => send(session, call)));
    expect(ours).toEqual(sdk);
});

it("the answers differ where they should: statuses, shapes and bodies are not all alike", async () => {
    const answers = await Promise.all(CALLS.map(([, call]) => send(packs[0].session, call)));
    const statuses = new Set(answers.map((a) => `${a.headers[":status"]} ${(a.trailers ?? a.headers)["grpc-status"]}`));
    // OK, RESOURCE_EXHAUSTED, UNIMPLEMENTED, INTERNAL, HTTP 415, and (at least) the bodies of GetPluginInfo and Analyze.
    expect([...statuses].sort()).toEqual(["200 0", "200 12", "200 13", "200 8", "415 undefined"]);
    expect(answers.filter((a) => a.trailers !== undefined).length).toBeGreaterThan(5);
    expect(answers.filter((a) => a.trailers === undefined).length).toBeGreaterThan(5);
    expect(new Set(answers.map((a) => a.body)).size).toBeGreaterThanOrEqual(3);
});

it("a deadline that passes while flow control holds the response back is the call's status", async () => {
    // The client's window is closed, so the answer cannot be written before the 300 ms deadline; it opens after 800 ms.
    const answers = await Promise.all(
        packs.map(async ({ port }) => {
            const session = http2.connect(`http://127.0.0.1:${port}`, { settings: { initialWindowSize: 0 } });
            session.on("error", () => undefined);
            const opened = setTimeout(() => session.settings({ initialWindowSize: 65535 }), 800);
            try {
                return await send(session, { path: ANALYZE, headers: { "grpc-timeout": "300m" }, frames: [framed(sshOpen)] });
            } finally {
                clearTimeout(opened);
                session.close();
            }
        }),
    );
    expect(answers[0]).toEqual(answers[1]);
    expect(answers[0].trailers).toEqual({ "grpc-status": "4", "grpc-message": "Deadline%20exceeded" });
    expect(answers[0].body.length).toBeGreaterThan(0);
});

it("a call the client abandons halfway leaves the pack serving", async () => {
    for (const { session } of packs) {
        const stream = session.request({ ":method": "POST", ":path": ANALYZE, "content-type": "application/grpc" });
        stream.write(framed(sshOpen).subarray(0, 30));
        stream.close(http2.constants.NGHTTP2_CANCEL);
    }
    const [ours, sdk] = await Promise.all(packs.map(({ session }) => send(session, { path: ANALYZE, frames: [framed(sshOpen)] })));
    expect(ours).toEqual(sdk);
    expect(ours.trailers?.["grpc-status"]).toBe("0");
});

// The one deliberate difference from grpc-js's server a client can see: larger flow-control windows.
it("offers a client the windows of RECEIVE_WINDOW (grpc-js keeps HTTP/2's 65,535 bytes), and answers a large request alike", async () => {
    const session = http2.connect(`http://127.0.0.1:${packs[0].port}`);
    session.on("error", () => undefined);
    try {
        await new Promise<void>((resolve) => session.once("remoteSettings", () => resolve()));
        // The connection's window arrives as a WINDOW_UPDATE after the settings: wait for it (up to 10 s on a busy machine).
        for (let i = 0; i < 1000 && session.state.remoteWindowSize !== RECEIVE_WINDOW.connection; i++) await new Promise((r) => setTimeout(r, 10));
        expect(session.remoteSettings.initialWindowSize).toBe(RECEIVE_WINDOW.stream);
        expect({ connectionWindow: session.state.remoteWindowSize }).toEqual({ connectionWindow: RECEIVE_WINDOW.connection });
        // A 4 MB request (a 5,000-resource AnalyzeStack is 4.5 MB) is still answered as grpc-js answers it.
        const large = { path: CONFIGURE, frames: [framed(Buffer.alloc(4 * 1024 * 1024, 0xff))] };
        const [ours, sdk] = await Promise.all(packs.map(({ session }) => send(session, large)));
        expect(ours).toEqual(sdk);
    } finally {
        session.close();
    }
});
