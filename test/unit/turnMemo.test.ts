/** Work shared between the policies of one request: reused only for equal input, and only within the turn. */
import { TurnMemo, sameValue } from "../../policypack/kit/turnMemo";

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

describe("sameValue", () => {
    it("compares deserialised property trees structurally", () => {
        expect(sameValue({ a: [1, "x", { b: null }], c: true }, { c: true, a: [1, "x", { b: null }] })).toBe(true);
        expect(sameValue({ a: [1, 2] }, { a: [2, 1] })).toBe(false);
        expect(sameValue({ a: 1 }, { a: 1, b: undefined })).toBe(false);
        expect(sameValue({ a: undefined }, { b: undefined })).toBe(false);
        expect(sameValue([], {})).toBe(false);
        expect(sameValue({}, [])).toBe(false);
        expect(sameValue("04da6b54-80e4-46f7-96ec-b56ff0331ba9", "04da6b54-80e4-46f7-96ec-b56ff0331ba9")).toBe(true);
        expect(sameValue(0, -0)).toBe(true);
        expect(sameValue(null, {})).toBe(false);
    });
});

describe("TurnMemo", () => {
    it("reuses a result for equal input in the same turn, and recomputes for different input", () => {
        const memo = new TurnMemo<unknown, number>();
        let computed = 0;
        const compute = () => ++computed;
        expect(memo.get("r", { ingress: [22] }, compute)).toBe(1);
        expect(memo.get("r", { ingress: [22] }, compute)).toBe(1);
        expect(memo.get("r", { ingress: [3389] }, compute)).toBe(2);
        expect(memo.get("other", { ingress: [3389] }, compute)).toBe(3);
    });

    it("forgets everything at the next turn, so nothing outlives a request", async () => {
        const memo = new TurnMemo<unknown, number>();
        let computed = 0;
        memo.get("r", { a: 1 }, () => ++computed);
        await nextTurn();
        expect(memo.get("r", { a: 1 }, () => ++computed)).toBe(2);
        memo.get("r", { a: 1 }, () => ++computed);
        expect(computed).toBe(2);
    });

    it("does not keep a result whose computation threw", () => {
        const memo = new TurnMemo<unknown, number>();
        expect(() =>
            memo.get("r", {}, () => {
                throw new Error("bad");
            }),
        ).toThrow("bad");
        expect(memo.get("r", {}, () => 7)).toBe(7);
    });
});
