/**
 * `@pulumi/policy`'s own property (de)serializer module (deserialize.js), for the pack's server
 * (server/sdk.ts) and for evaluation outside the pack (inProcess.ts), loaded without the whole of
 * `@pulumi/pulumi`.
 *
 * The deserializer uses only the SDK's asset and archive classes and `Output`, but it requires the SDK's
 * index, which loads the automation API and with it npm's arborist and TypeScript: about 0.4 s of CPU in
 * every `tierguard check` and `scan`, for nothing the deserializer touches. So, unless the index is
 * loaded already, it is loaded with the index standing in as a view of the SDK's own `asset` and `output`
 * modules: the same module instances the index exports, so every `instanceof` and value is what the real
 * index would give. Any other member is read from the real index, loaded then (the deserializer reads none).
 */
import * as path from "path";

export type DeserializeProperties = (struct: { toJavaScript(): Record<string, unknown> }, proxySecrets: boolean) => Record<string, unknown>;

/** What of deserialize.js tierguard uses (its .d.ts is empty: the module is internal). */
export interface SdkSerialization {
    /** Reads only the struct's toJavaScript(). */
    deserializeProperties: DeserializeProperties;
    serializeProperties(obj: unknown): Promise<Record<string, unknown>>;
}

let loaded: SdkSerialization | undefined;

/** The module, loaded on first use. */
export function sdkSerialization(): SdkSerialization {
    loaded ??= load();
    return loaded;
}

/** The deserializer alone. */
export function sdkDeserializer(): DeserializeProperties {
    return sdkSerialization().deserializeProperties;
}

function load(): SdkSerialization {
    // @pulumi/policy's typings mark the module internal, so it is required rather than imported.
    const file = require.resolve("@pulumi/policy/deserialize");
    const fromPolicy = { paths: [path.dirname(file)] };
    const index = require.resolve("@pulumi/pulumi", fromPolicy);
    if (require.cache[index]) return require(file) as SdkSerialization;
    const sdkDir = path.dirname(index);
    /** The real index (loaded now if need be), for whatever the view does not stand in for. */
    const real = (): object => {
        if (require.cache[index]?.exports === view) delete require.cache[index];
        return require(index) as object;
    };
    const view = indexView(
        {
            asset: () => require(path.join(sdkDir, "asset")),
            Output: () => (require(path.join(sdkDir, "output")) as { Output: unknown }).Output,
        },
        real,
    );
    require.cache[index] = { id: index, filename: index, loaded: true, exports: view, children: [], paths: [], path: sdkDir } as unknown as NodeModule;
    try {
        return require(file) as SdkSerialization;
    } finally {
        if (require.cache[index]?.exports === view) delete require.cache[index];
    }
}

/**
 * A stand-in for a module's exports: `members` answer for themselves; anything else, including listing
 * the members (keys, descriptors, `in`), is asked of `real()`, as if the stand-in were the real module.
 * It cannot be written to, like a module namespace: a write would land on the proxy's hidden target,
 * which the listing does not show.
 */
export function indexView(members: Record<string, () => unknown>, real: () => object): Record<string, unknown> {
    const own = (member: string | symbol): member is string => typeof member === "string" && Object.prototype.hasOwnProperty.call(members, member);
    return new Proxy(
        {},
        {
            get: (_, member) => (own(member) ? members[member]() : Reflect.get(real(), member)),
            has: (_, member) => own(member) || Reflect.has(real(), member),
            ownKeys: () => Reflect.ownKeys(real()),
            getOwnPropertyDescriptor: (_, member) => {
                const descriptor = own(member)
                    ? { value: members[member](), writable: false, enumerable: true }
                    : Reflect.getOwnPropertyDescriptor(real(), member);
                // A proxy may report a property its empty target lacks only as configurable.
                return descriptor && { ...descriptor, configurable: true };
            },
            set: () => false,
            defineProperty: () => false,
            deleteProperty: () => false,
            setPrototypeOf: () => false,
            preventExtensions: () => false,
        },
    ) as Record<string, unknown>;
}
