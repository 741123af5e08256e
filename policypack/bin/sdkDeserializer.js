"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", { value: true });
exports.sdkSerialization = sdkSerialization;
exports.sdkDeserializer = sdkDeserializer;
exports.indexView = indexView;
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
const path = __importStar(require("path"));
let loaded;
/** The module, loaded on first use. */
function sdkSerialization() {
    loaded ?? (loaded = load());
    return loaded;
}
/** The deserializer alone. */
function sdkDeserializer() {
    return sdkSerialization().deserializeProperties;
}
function load() {
    // @pulumi/policy's typings mark the module internal, so it is required rather than imported.
    const file = require.resolve("@pulumi/policy/deserialize");
    const fromPolicy = { paths: [path.dirname(file)] };
    const index = require.resolve("@pulumi/pulumi", fromPolicy);
    if (require.cache[index])
        return require(file);
    const sdkDir = path.dirname(index);
    /** The real index (loaded now if need be), for whatever the view does not stand in for. */
    const real = () => {
        if (require.cache[index]?.exports === view)
            delete require.cache[index];
        return require(index);
    };
    const view = indexView({
        asset: () => require(path.join(sdkDir, "asset")),
        Output: () => require(path.join(sdkDir, "output")).Output,
    }, real);
    require.cache[index] = { id: index, filename: index, loaded: true, exports: view, children: [], paths: [], path: sdkDir };
    try {
        return require(file);
    }
    finally {
        if (require.cache[index]?.exports === view)
            delete require.cache[index];
    }
}
/**
 * A stand-in for a module's exports: `members` answer for themselves; anything else, including listing
 * the members (keys, descriptors, `in`), is asked of `real()`, as if the stand-in were the real module.
 * It cannot be written to, like a module namespace: a write would land on the proxy's hidden target,
 * which the listing does not show.
 */
function indexView(members, real) {
    const own = (member) => typeof member === "string" && Object.prototype.hasOwnProperty.call(members, member);
    return new Proxy({}, {
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
    });
}
