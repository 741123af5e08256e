"use strict";
/**
 * The markers of Pulumi's wire format, defined once for the pack and the CLI: what the engine and the
 * SDKs put where a value is not a plain value (not known yet, secret, a resource, an Output, an asset).
 * Values from `@pulumi/pulumi/runtime/rpc` (`unknownValue`, `specialSigKey`, `special*Sig`).
 */
Object.defineProperty(exports, "__esModule", { value: true });
exports.ARCHIVE_SIG = exports.ASSET_SIG = exports.OUTPUT_VALUE_SIG = exports.RESOURCE_SIG = exports.SECRET_SIG = exports.SIG_KEY = exports.UNKNOWN_SENTINELS = exports.UNKNOWN = void 0;
exports.secretValue = secretValue;
/** The sentinel for a value not known until the update; the engine sends this one for every type. */
exports.UNKNOWN = "04da6b54-80e4-46f7-96ec-b56ff0331ba9";
/** Every unknown sentinel Pulumi has used (one per value type; hosts other than the engine may send any). */
exports.UNKNOWN_SENTINELS = new Set([
    exports.UNKNOWN,
    "3eeb2bf0-c639-47a8-9e75-3b44932eb421", // number
    "1c4a061d-8072-4f0a-a4cb-0ff528b18fe7", // boolean
    "6a19a0b0-7e62-4c92-b797-7f8e31da9cc2", // array
    "dd056dcd-154b-4c76-9bd3-c8f88648b5ff", // object
    "030794c1-ac77-496b-92df-f27374a8bd58", // asset
    "e48ece36-62e2-4504-bad9-02848725956a", // archive
]);
/** The key whose value says what kind of special object an object is. */
exports.SIG_KEY = "4dabf18193072939515e22adb298388d";
/** `{ [SIG_KEY]: SECRET_SIG, value }`: a secret. */
exports.SECRET_SIG = "1b47061264138c4ac30d75fd1eb44270";
/** `{ [SIG_KEY]: RESOURCE_SIG, urn, id? }`: a reference to a resource. */
exports.RESOURCE_SIG = "5cf8f73096256a8f31e491e813e4eb8e";
/** `{ [SIG_KEY]: OUTPUT_VALUE_SIG, value?, secret?, dependencies? }`: an Output (no `value`: unknown). */
exports.OUTPUT_VALUE_SIG = "d0e6a833031e9bbcd3f4e8bde6ca49a4";
exports.ASSET_SIG = "c44067f5952c0a294b673a41bacd8c17";
exports.ARCHIVE_SIG = "0def7320c3a5731c473e5ecbe6d01bc7";
/** A secret as the engine sends it. */
function secretValue(value) {
    return { [exports.SIG_KEY]: exports.SECRET_SIG, value };
}
