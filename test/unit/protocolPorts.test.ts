import { parseProtocol } from "../../policypack/model/protocol";
import { parsePortSpec } from "../../policypack/model/ports";
import { isUnresolved } from "../../policypack/model/unresolved";

describe("protocols", () => {
    it.each([
        [-1, "all"],
        ["-1", "all"],
        ["all", "all"],
        ["ALL", "all"],
        ["tcp", "tcp"],
        ["TCP", "tcp"],
        ["6", "tcp"],
        [6, "tcp"],
        ["udp", "udp"],
        [17, "udp"],
        ["icmp", "icmp"],
        ["1", "icmp"],
        ["icmpv6", "icmpv6"],
        ["58", "icmpv6"],
        ["IcMpV6", "icmpv6"],
    ])("%p is %s", (raw, kind) => {
        const p = parseProtocol(raw, "protocol");
        expect(isUnresolved(p) ? p : p.kind).toBe(kind);
    });
    it("keeps other protocol numbers", () => expect(parseProtocol("47", "protocol")).toEqual({ kind: "number", number: 47 }));
    it.each(["gre", 256, -2, 6.5, true, {}, [], ""])("rejects %p as malformed", (raw) => {
        const p = parseProtocol(raw, "protocol");
        expect(isUnresolved(p) && p.kind).toBe("malformed");
    });
    it("reports unknowns", () => expect(parseProtocol("04da6b54-80e4-46f7-96ec-b56ff0331ba9", "protocol")).toEqual({ kind: "unknown", property: "protocol" }));
});

describe("port specs", () => {
    const tcp = { kind: "tcp" } as const;
    it("reads inclusive ranges", () => expect(parsePortSpec(tcp, 20, 25, "f", "t")).toEqual({ kind: "range", from: 20, to: 25 }));
    it("treats -1 and 0-65535 as every port", () => {
        expect(parsePortSpec(tcp, -1, -1, "f", "t")).toEqual({ kind: "all" });
        expect(parsePortSpec(tcp, 0, 65535, "f", "t")).toEqual({ kind: "all" });
    });
    it("ignores ports for protocols that open every port", () => {
        expect(parsePortSpec({ kind: "all" }, 22, 22, "f", "t")).toEqual({ kind: "all" });
        expect(parsePortSpec({ kind: "number", number: 47 }, 1, 1, "f", "t")).toEqual({ kind: "all" });
    });
    it("reads ICMP type and code", () => {
        expect(parsePortSpec({ kind: "icmp" }, 8, 0, "f", "t")).toEqual({ kind: "icmp", type: 8, code: 0 });
        expect(parsePortSpec({ kind: "icmp" }, -1, -1, "f", "t")).toEqual({ kind: "icmp", type: undefined, code: undefined });
    });
    it.each([
        [30, 20, "reversed"],
        [0, 70000, "0 to 65535"],
        [-5, 10, "0 to 65535"],
        [undefined, 10, "missing"],
        ["x", 10, "not a number"],
        [1.5, 2, "whole number"],
    ])("rejects %p-%p (%s)", (from, to, reason) => {
        const spec = parsePortSpec(tcp, from, to, "fromPort", "toPort");
        expect(isUnresolved(spec) && spec.kind === "malformed" && spec.reason).toContain(reason);
    });
    it("accepts decimal strings", () => expect(parsePortSpec(tcp, "22", "22", "f", "t")).toEqual({ kind: "range", from: 22, to: 22 }));
});
