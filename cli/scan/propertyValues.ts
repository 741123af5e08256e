/**
 * Property values of a stack file as the engine would hand them to the pack. In a checkpoint, an
 * object whose signature key (`SIG_KEY`, see policypack/model/sentinels.ts) is set is a special value: a secret
 * (encrypted `ciphertext`, or `plaintext` JSON text with --show-secrets), a resource reference, an
 * Output, an asset or an archive. Any other signature is something this version of tierguard cannot
 * read — and neither can the pack, whose SDK throws on it — so it is the file's error, named by where
 * it is, rather than a guess.
 *
 * Reading the values also weighs them: about how many bytes they take in the protobuf sent to the
 * pack, so that an oversized resource is refused before encoding it could end the process.
 */
import { ARCHIVE_SIG, ASSET_SIG, OUTPUT_VALUE_SIG, RESOURCE_SIG, SECRET_SIG, SIG_KEY, UNKNOWN } from "../../policypack/model/sentinels";
import { measureJson } from "./jsonShape";
import { MAX_NESTING_DEPTH } from "./limits";

/** A value this reader cannot hand to the pack, and where it is (e.g. `inputs.tags.owner`). */
export class UnreadableValue extends Error {}

export interface ReadProperties {
    value: unknown;
    /** About how many bytes the value takes in a protobuf message. */
    bytes: number;
}

const KNOWN_SIGNATURES: ReadonlySet<unknown> = new Set([SECRET_SIG, RESOURCE_SIG, OUTPUT_VALUE_SIG, ASSET_SIG, ARCHIVE_SIG]);

/** Protobuf framing of one value (tag, length, the Value wrapper), roughly; enough to weigh. */
const FRAMING_BYTES = 8;
/** A number's or boolean's payload, at most. */
const SCALAR_BYTES = 8;

function isObject(value: unknown): value is Record<string, unknown> {
    return typeof value === "object" && value !== null && !Array.isArray(value);
}

/** `object[key] = value`, also for a key named `__proto__` (which JSON.parse makes an ordinary key). */
function setOwn(object: Record<string, unknown>, key: string, value: unknown): void {
    Object.defineProperty(object, key, { value, writable: true, enumerable: true, configurable: true });
}

/** `inputs.ingress[0]["odd key"]`. */
function describePath(root: string, path: ReadonlyArray<string | number>): string {
    return path
        .map((key) => (typeof key === "number" ? `[${key}]` : /^[A-Za-z_$][\w$]*$/.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`))
        .reduce((text, part) => text + part, root);
}

/**
 * Reads one resource's inputs or outputs (`root` names them in errors). Unchanged values are returned
 * as they are: a large export is not copied. Throws UnreadableValue.
 */
export function readPropertyValues(value: unknown, root: string): ReadProperties {
    const reader = new ValueReader(root);
    const read = reader.read(value);
    return { value: read, bytes: reader.bytes };
}

class ValueReader {
    bytes = 0;
    /** Keys from the root to the value being read: only turned into text for an error. */
    private readonly path: Array<string | number> = [];

    constructor(private readonly root: string) {}

    read(value: unknown): unknown {
        if (typeof value === "string") {
            this.bytes += FRAMING_BYTES + value.length;
            return value;
        }
        if (Array.isArray(value)) return this.readArray(value);
        if (!isObject(value)) {
            this.bytes += FRAMING_BYTES + SCALAR_BYTES;
            return value;
        }
        const signature = value[SIG_KEY];
        // The SDK's decoder treats an empty signature as none: so does this reader.
        return signature ? this.readSpecial(value, signature) : this.readObject(value);
    }

    private readArray(value: unknown[]): unknown[] {
        this.bytes += FRAMING_BYTES;
        let copy: unknown[] | undefined;
        for (let i = 0; i < value.length; i++) {
            this.path.push(i);
            const read = this.read(value[i]);
            this.path.pop();
            if (read !== value[i]) (copy ??= value.slice())[i] = read;
        }
        return copy ?? value;
    }

    private readObject(value: Record<string, unknown>): Record<string, unknown> {
        this.bytes += FRAMING_BYTES;
        let copy: Record<string, unknown> | undefined;
        // for-in rather than Object.entries: no arrays allocated for every object of a large export.
        for (const key in value) {
            if (!Object.prototype.hasOwnProperty.call(value, key)) continue;
            const item = value[key];
            this.bytes += FRAMING_BYTES + key.length;
            this.path.push(key);
            const read = this.read(item);
            this.path.pop();
            if (read !== item) setOwn((copy ??= { ...value }), key, read);
        }
        return copy ?? value;
    }

    private readSpecial(value: Record<string, unknown>, signature: unknown): unknown {
        if (!KNOWN_SIGNATURES.has(signature)) {
            throw this.unreadable(
                `an object whose signature key ${SIG_KEY} is ${JSON.stringify(signature)}, which is none of the signatures Pulumi defines (secret, resource reference, output, asset, archive), so it cannot be judged`,
            );
        }
        switch (signature) {
            case SECRET_SIG:
                return this.readSecret(value);
            case RESOURCE_SIG:
                // As the engine sends a reference to an analyzer: a custom resource's id, a component's URN.
                return this.read(typeof value.id === "string" ? value.id || UNKNOWN : (value.urn ?? UNKNOWN));
            case OUTPUT_VALUE_SIG: {
                if (!("value" in value)) return this.read(UNKNOWN);
                const inner = this.read(value.value);
                return value.secret === true ? { [SIG_KEY]: SECRET_SIG, value: inner } : inner;
            }
            default:
                // Assets and archives go to the pack as they are (its SDK reads them); only weighed.
                this.readObject(value);
                return value;
        }
    }

    /**
     * Exported secrets are encrypted (`ciphertext`) unless exported with --show-secrets (`plaintext`,
     * JSON text). A plaintext secret becomes a secret the engine would send; an encrypted one an
     * unknown value, so a policy says it cannot verify what depends on it.
     */
    private readSecret(value: Record<string, unknown>): unknown {
        if ("value" in value) return { [SIG_KEY]: SECRET_SIG, value: this.read(value.value) };
        if (typeof value.plaintext !== "string") return this.read(UNKNOWN);
        // JSON text inside the file's JSON, so not part of the file's nesting check. Within its own
        // limit, it stays far from the depth at which encoding or decoding it would fail.
        if (measureJson(value.plaintext, MAX_NESTING_DEPTH).tooDeep) {
            throw this.unreadable(`a secret whose plaintext nests arrays and objects more than ${MAX_NESTING_DEPTH} levels deep`);
        }
        let plain: unknown;
        try {
            plain = JSON.parse(value.plaintext);
        } catch {
            return this.read(UNKNOWN);
        }
        return { [SIG_KEY]: SECRET_SIG, value: this.read(plain) };
    }

    private unreadable(reason: string): UnreadableValue {
        return new UnreadableValue(`${describePath(this.root, this.path)}: ${reason}`);
    }
}
