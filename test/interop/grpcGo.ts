/**
 * `npm run interop:grpc-go`: the pack's gRPC server against grpc-go, the gRPC of the Pulumi engine,
 * which `npm test` cannot run (no Go toolchain in CI). Builds test/interop/grpc-go (GOPATH mode, with
 * google.golang.org/grpc from GOPATH or Debian's golang-google-grpc-dev), writes the requests it sends,
 * starts the pack on tierguard's server and on the SDK's, and requires the same answers from both.
 * Exit 0 when they agree, 1 when they differ, 2 when Go or grpc-go is missing.
 */
import { execFileSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import * as analyzerProto from "@pulumi/pulumi/proto/analyzer_pb";
import { PACK_DIR, analyzeRequest, encodeAnalyzeStack } from "../../cli/engine/packProcess";
import { syntheticStack } from "../../bench/syntheticStack";
import { startPack, stopPack } from "../engine/packStart";

const SG = "aws:ec2/securityGroup:SecurityGroup";
const SOURCE = path.join(__dirname, "..", "..", "..", "test", "interop", "grpc-go");

function build(work: string): string {
    const gopath = path.join(work, "gopath");
    const pkg = path.join(gopath, "src", "interop");
    fs.mkdirSync(pkg, { recursive: true });
    fs.copyFileSync(path.join(SOURCE, "main.go"), path.join(pkg, "main.go"));
    const binary = path.join(work, "interop");
    const GOPATH = [gopath, process.env.GOPATH, "/usr/share/gocode"].filter(Boolean).join(path.delimiter);
    try {
        execFileSync("go", ["build", "-o", binary, "interop"], {
            cwd: pkg,
            env: { ...process.env, GOPATH, GO111MODULE: "off", GOFLAGS: "", GOCACHE: path.join(work, "cache") },
            stdio: ["ignore", "inherit", "inherit"],
        });
    } catch (error) {
        console.error(`could not build the grpc-go client (needs go, and google.golang.org/grpc in GOPATH or /usr/share/gocode): ${(error as Error).message}`);
        process.exit(2);
    }
    return binary;
}

function writeRequests(work: string): void {
    const ssh = { ingress: [{ protocol: "tcp", fromPort: 22, toPort: 22, cidrBlocks: ["0.0.0.0/0"] }] };
    fs.writeFileSync(
        path.join(work, "analyze.bin"),
        analyzeRequest({ type: SG, name: "web", urn: `urn:pulumi:dev::app::${SG}::web`, props: ssh }).serializeBinary(),
    );
    // 20,000 resources: an 18 MB request, well past HTTP/2's windows, so flow control is exercised.
    const stack = syntheticStack(20000);
    const root = stack.resources[0].urn;
    const resources = stack.resources.map((r) => ({
        type: r.type,
        name: r.name,
        urn: r.urn,
        props: r.outputs,
        parent: r.type === "pulumi:pulumi:Stack" ? undefined : root,
        dependencies: r.dependencies,
        propertyDependencies: r.propertyDependencies,
    }));
    fs.writeFileSync(path.join(work, "stack.bin"), encodeAnalyzeStack(resources));
    const configure = new analyzerProto.AnalyzerStackConfigureRequest();
    configure.setStack("dev");
    configure.setProject("app");
    configure.setOrganization("acme");
    configure.setDryRun(true);
    fs.writeFileSync(path.join(work, "configureStack.bin"), configure.serializeBinary());
}

async function answers(binary: string, work: string, server: string | undefined): Promise<string> {
    const { child, port } = await startPack(server, PACK_DIR);
    try {
        return execFileSync(binary, [`127.0.0.1:${port}`], { cwd: work, encoding: "utf8" });
    } finally {
        await stopPack(child);
    }
}

async function main(): Promise<void> {
    const work = fs.mkdtempSync(path.join(os.tmpdir(), "tierguard-grpc-go-"));
    try {
        const binary = build(work);
        writeRequests(work);
        const ours = await answers(binary, work, undefined);
        const sdk = await answers(binary, work, "sdk");
        console.log(`tierguard's server:\n${ours}\nthe SDK's server:\n${sdk}`);
        if (ours !== sdk) {
            console.error("grpc-go got different answers from the two servers");
            process.exit(1);
        }
        console.log("grpc-go got the same answers from both servers");
    } finally {
        fs.rmSync(work, { recursive: true, force: true });
    }
}

main().catch((error) => {
    console.error(error);
    process.exit(1);
});
