/**
 * The stand-in for @pulumi/pulumi's index that policypack/sdkDeserializer.ts hands the SDK's deserializer:
 * its own members answer without the real index; everything else, listing the members included,
 * answers as the real index would (loaded only then).
 */
import { indexView } from "../../policypack/sdkDeserializer";

/** A module's exports as TypeScript compiles `export * from` and `export { x }`: non-configurable getters. */
function compiledExports(): object {
    const exports = {};
    Object.defineProperty(exports, "__esModule", { value: true });
    Object.defineProperty(exports, "asset", { enumerable: true, get: () => ({ from: "real" }) });
    Object.defineProperty(exports, "runtime", { enumerable: true, get: () => ({ name: "runtime" }) });
    Object.defineProperty(exports, "Output", { enumerable: true, get: () => "real Output" });
    return exports;
}

function viewed() {
    const asset = { from: "stand-in" };
    let realLoads = 0;
    const module = compiledExports();
    const view = indexView({ asset: () => asset, Output: () => "stand-in Output" }, () => {
        realLoads++;
        return module;
    });
    return { view, asset, module, loads: () => realLoads };
}

it("answers its own members without loading the real index", () => {
    const { view, asset, loads } = viewed();
    expect(view.asset).toBe(asset);
    expect(view.Output).toBe("stand-in Output");
    expect("asset" in view).toBe(true);
    expect(loads()).toBe(0);
});

it("asks the real index for anything else, inherited names included", () => {
    const { view, loads } = viewed();
    expect(view.runtime).toEqual({ name: "runtime" });
    expect("runtime" in view).toBe(true);
    expect("missing" in view).toBe(false);
    // Object.prototype's names are not members: `constructor` is the real index's, not a member called.
    expect(view.constructor).toBe(Object);
    expect(typeof view.toString).toBe("function");
    expect(loads()).toBeGreaterThan(0);
});

it("lists the real index's members, as enumeration and TypeScript's import helpers read them", () => {
    const { view, asset, module } = viewed();
    expect(Object.keys(view)).toEqual(Object.keys(module));
    expect(Reflect.ownKeys(view)).toEqual(Reflect.ownKeys(module));
    const forIn: string[] = [];
    for (const key in view) forIn.push(key);
    expect(forIn).toEqual(["asset", "runtime", "Output"]);
    // The members it stands in for keep their stand-in values when copied.
    expect({ ...view }).toEqual({ asset, runtime: { name: "runtime" }, Output: "stand-in Output" });
    expect(Object.getOwnPropertyDescriptor(view, "__esModule")).toEqual({ value: true, writable: false, enumerable: false, configurable: true });
    expect(Object.getOwnPropertyDescriptor(view, "missing")).toBeUndefined();
    expect(Object.prototype.hasOwnProperty.call(view, "runtime")).toBe(true);
});

it("refuses writes, as a module namespace does, so its listing stays the real index's", () => {
    const { view, module } = viewed();
    expect(() => Object.defineProperty(view, "x", { value: 1 })).toThrow(TypeError);
    expect(() => {
        "use strict";
        (view as Record<string, unknown>).asset = 5;
    }).toThrow(TypeError);
    expect(Reflect.set(view, "runtime", 1)).toBe(false);
    expect(Reflect.deleteProperty(view, "runtime")).toBe(false);
    expect(() => Object.freeze(view)).toThrow(TypeError);
    expect(Reflect.setPrototypeOf(view, null)).toBe(false);
    expect(Object.keys(view)).toEqual(Object.keys(module));
    expect(JSON.stringify(Object.keys({ ...view }))).toBe(JSON.stringify(Object.keys(module)));
});
