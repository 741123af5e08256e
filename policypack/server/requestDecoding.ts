/**
 * Analyzer requests read from their bytes straight into plain values, once: no protobuf message
 * objects, and properties built as the objects `Struct.toJavaScript()` builds — so the SDK's
 * conversion of them (deserializeProperties) can be skipped when it would only copy them.
 *
 * The generated code (google-protobuf 3.21 via @pulumi/pulumi's analyzer_pb) stays the reference:
 * any encoding this reader does not take exactly as the generated code takes it (a repeated singular
 * field, a value of no or several kinds, a map entry without key or value, a duplicate map key, a
 * `__proto__` key, truncation, groups…) is decoded by the generated code, and the message converted to
 * the same plain shape, so such a request gets the SDK server's answer whatever it holds. The engine
 * writes none of these; test/unit/requestDecoding.test.ts holds both paths to the same result.
 */
import type * as analyzerProtoTypes from "@pulumi/pulumi/proto/analyzer_pb";
import { LeftToGeneratedCode, WireReader, WireType } from "./wireReader";
import { analyzerProto, deserialize } from "./sdk";
import { SIG_KEY } from "../model/sentinels";

/** A request's properties as the SDK's deserializeProperties reads them: anything with toJavaScript(). */
export interface PropertyStruct {
    toJavaScript(): Record<string, unknown>;
}

export interface ResourceOptionsData {
    protect: boolean;
    ignoreChanges: string[];
    deleteBeforeReplace: boolean;
    deleteBeforeReplaceDefined: boolean;
    additionalSecretOutputs: string[];
    aliases: string[];
    customTimeouts: { create: number; update: number; delete: number } | undefined;
    parent: string;
}

export interface ProviderData {
    type: string;
    urn: string;
    name: string;
    properties: PropertyStruct | undefined;
}

/** One resource of an Analyze, Remediate or AnalyzeStack request (the last three fields only in AnalyzeStack). */
export interface ResourceData {
    type: string;
    urn: string;
    name: string;
    properties: PropertyStruct | undefined;
    options: ResourceOptionsData | undefined;
    provider: ProviderData | undefined;
    parent: string;
    dependencies: string[];
    propertyDependencies: Record<string, string[]>;
}

/** Properties read from the bytes: `plain` when they hold no Pulumi signature, so the SDK's conversion would only copy them. */
class DecodedProperties implements PropertyStruct {
    constructor(
        readonly value: Record<string, unknown>,
        readonly plain: boolean,
    ) {}

    toJavaScript(): Record<string, unknown> {
        return this.value;
    }
}

/** `deserializeProperties(struct, false)` of the SDK, which for plain decoded properties would return a copy of them. */
export function propertiesOf(struct: PropertyStruct | undefined): Record<string, unknown> {
    if (struct instanceof DecodedProperties && struct.plain) return struct.value;
    return deserialize.deserializeProperties(struct!, false);
}

// Tags: field number << 3 | wire type.
const tag = (field: number, wireType: WireType) => (field << 3) | wireType;
const STRING = (field: number) => tag(field, WireType.Delimited);

/** The AnalyzeRequest (Analyze, Remediate) in these bytes. */
export function analyzeRequestFrom(bytes: Buffer): ResourceData {
    try {
        const reader = new WireReader(bytes);
        return readResource(reader, false);
    } catch (error) {
        if (!(error instanceof LeftToGeneratedCode)) throw error;
        return analyzeRequestViaGeneratedCode(bytes);
    }
}

/** The AnalyzeRequest in these bytes as the generated code decodes it (the reference; the path odd encodings take). */
export function analyzeRequestViaGeneratedCode(bytes: Uint8Array): ResourceData {
    return resourceDataOf(analyzerProto.AnalyzeRequest.deserializeBinary(bytes));
}

/** The AnalyzeStackRequest's resources in these bytes. */
export function analyzeStackRequestFrom(bytes: Buffer): ResourceData[] {
    try {
        const reader = new WireReader(bytes);
        const resources: ResourceData[] = [];
        while (reader.more()) {
            const t = reader.tag();
            if (t === STRING(1)) {
                const outer = reader.enter();
                resources.push(readResource(reader, true));
                reader.leave(outer);
            } else reader.skipUnknown(t, 1);
        }
        return resources;
    } catch (error) {
        if (!(error instanceof LeftToGeneratedCode)) throw error;
        return analyzeStackRequestViaGeneratedCode(bytes);
    }
}

/** The AnalyzeStackRequest's resources as the generated code decodes them. */
export function analyzeStackRequestViaGeneratedCode(bytes: Uint8Array): ResourceData[] {
    return analyzerProto.AnalyzeStackRequest.deserializeBinary(bytes).getResourcesList().map(resourceDataOf);
}

/** Reads an AnalyzeRequest or (inStack) an AnalyzerResource up to the reader's end. */
function readResource(reader: WireReader, inStack: boolean): ResourceData {
    const data: ResourceData = {
        type: "",
        urn: "",
        name: "",
        properties: undefined,
        options: undefined,
        provider: undefined,
        parent: "",
        dependencies: [],
        propertyDependencies: {},
    };
    const seen = new Seen();
    while (reader.more()) {
        const t = reader.tag();
        if (readIdentity(reader, t, seen, data)) continue;
        switch (t) {
            case STRING(5): {
                seen.once(5);
                const outer = reader.enter();
                data.options = readOptions(reader);
                reader.leave(outer);
                break;
            }
            case STRING(6): {
                seen.once(6);
                const outer = reader.enter();
                data.provider = readProvider(reader);
                reader.leave(outer);
                break;
            }
            case inStack ? STRING(7) : -1:
                seen.once(7);
                data.parent = reader.string();
                break;
            case inStack ? STRING(8) : -1:
                data.dependencies.push(reader.string());
                break;
            case inStack ? STRING(9) : -1:
                readPropertyDependency(reader, data.propertyDependencies);
                break;
            default:
                reader.skipUnknown(t, inStack ? 9 : 6);
        }
    }
    if (inStack) data.propertyDependencies = sortedByKey(data.propertyDependencies);
    return data;
}

function readOptions(reader: WireReader): ResourceOptionsData {
    const options: ResourceOptionsData = {
        protect: false,
        ignoreChanges: [],
        deleteBeforeReplace: false,
        deleteBeforeReplaceDefined: false,
        additionalSecretOutputs: [],
        aliases: [],
        customTimeouts: undefined,
        parent: "",
    };
    const seen = new Seen();
    while (reader.more()) {
        const t = reader.tag();
        switch (t) {
            case tag(1, WireType.Varint):
                seen.once(1);
                options.protect = reader.varint32() !== 0;
                break;
            case STRING(2):
                options.ignoreChanges.push(reader.string());
                break;
            case tag(3, WireType.Varint):
                seen.once(3);
                options.deleteBeforeReplace = reader.varint32() !== 0;
                break;
            case tag(4, WireType.Varint):
                seen.once(4);
                options.deleteBeforeReplaceDefined = reader.varint32() !== 0;
                break;
            case STRING(5):
                options.additionalSecretOutputs.push(reader.string());
                break;
            case STRING(6):
                options.aliases.push(reader.string());
                break;
            case STRING(7): {
                seen.once(7);
                const outer = reader.enter();
                options.customTimeouts = readCustomTimeouts(reader);
                reader.leave(outer);
                break;
            }
            case STRING(8):
                seen.once(8);
                options.parent = reader.string();
                break;
            default:
                reader.skipUnknown(t, 8);
        }
    }
    return options;
}

function readCustomTimeouts(reader: WireReader): { create: number; update: number; delete: number } {
    const timeouts = { create: 0, update: 0, delete: 0 };
    const seen = new Seen();
    while (reader.more()) {
        const t = reader.tag();
        const field = t >>> 3;
        if (field >= 1 && field <= 4 && (t & 7) === WireType.Fixed64) {
            seen.once(field);
            const value = reader.double();
            if (field === 1) timeouts.create = value;
            else if (field === 2) timeouts.update = value;
            else if (field === 3) timeouts.delete = value;
        } else reader.skipUnknown(t, 4);
    }
    return timeouts;
}

function readProvider(reader: WireReader): ProviderData {
    const provider: ProviderData = { type: "", urn: "", name: "", properties: undefined };
    const seen = new Seen();
    while (reader.more()) {
        const t = reader.tag();
        if (!readIdentity(reader, t, seen, provider)) reader.skipUnknown(t, 4);
    }
    return provider;
}

/**
 * Fields 1–4, numbered alike in AnalyzeRequest, AnalyzerResource and AnalyzerProviderResource: type,
 * properties, URN and name. False when the tag is another field's.
 */
function readIdentity(reader: WireReader, t: number, seen: Seen, into: ProviderData): boolean {
    switch (t) {
        case STRING(1):
            seen.once(1);
            into.type = reader.name();
            return true;
        case STRING(2):
            seen.once(2);
            into.properties = readProperties(reader);
            return true;
        case STRING(3):
            seen.once(3);
            into.urn = reader.string();
            return true;
        case STRING(4):
            seen.once(4);
            into.name = reader.string();
            return true;
        default:
            return false;
    }
}

/** One entry of the propertyDependencies map: a property name and the URNs of the resources that fed it. */
function readPropertyDependency(reader: WireReader, into: Record<string, string[]>): void {
    const outer = reader.enter();
    let key: string | undefined;
    let urns: string[] | undefined;
    while (reader.more()) {
        const t = reader.tag();
        if (t === STRING(1) && key === undefined) key = reader.name();
        else if (t === STRING(2) && urns === undefined) {
            urns = [];
            const entryEnd = reader.enter();
            while (reader.more()) {
                const u = reader.tag();
                if (u === STRING(1)) urns.push(reader.string());
                else reader.skipUnknown(u, 1);
            }
            reader.leave(entryEnd);
        } else throw new LeftToGeneratedCode(); // google-protobuf's map entries do not skip other fields: they misread them
    }
    reader.leave(outer);
    if (key === undefined || urns === undefined || key === "__proto__" || Object.prototype.hasOwnProperty.call(into, key)) {
        throw new LeftToGeneratedCode();
    }
    into[key] = urns;
}

/** Whether a decoded Struct held a Pulumi signature anywhere, and how deep the reader is in it. */
interface StructFlags {
    signed: boolean;
    depth: number;
}

/**
 * Values nested deeper are left to the generated code, so a stack too deep for it overflows there, as
 * under the SDK's server, not here (the exports tierguard reads are limited to 256 levels anyway).
 */
const MAX_DEPTH = 100;

function readProperties(reader: WireReader): DecodedProperties {
    const flags: StructFlags = { signed: false, depth: 0 };
    const outer = reader.enter();
    const value = readStruct(reader, flags);
    reader.leave(outer);
    return new DecodedProperties(value, !flags.signed);
}

/** A google.protobuf.Struct up to the reader's end, as Struct.toJavaScript() builds it: keys in sorted order. */
function readStruct(reader: WireReader, flags: StructFlags): Record<string, unknown> {
    // Keys nearly always come sorted (the engine writes them so): they go straight into the result, and
    // only keys out of order make the reader collect them all and sort.
    const result: Record<string, unknown> = {};
    let last: string | undefined;
    let unsorted: { keys: string[]; values: unknown[] } | undefined;
    while (reader.more()) {
        const t = reader.tag();
        if (t !== STRING(1)) {
            reader.skipUnknown(t, 1);
            continue;
        }
        const outer = reader.enter();
        let key: string | undefined;
        let value: unknown;
        let valued = false;
        while (reader.more()) {
            const e = reader.tag();
            if (e === STRING(1) && key === undefined) key = reader.name();
            else if (e === STRING(2) && !valued) {
                const entryEnd = reader.enter();
                value = readValue(reader, flags);
                reader.leave(entryEnd);
                valued = true;
            } else throw new LeftToGeneratedCode(); // as above: a map entry holds its key and value only
        }
        reader.leave(outer);
        if (key === undefined || !valued || key === "__proto__") throw new LeftToGeneratedCode();
        if (key === SIG_KEY) flags.signed = true;
        if (!unsorted && (last === undefined || last < key)) {
            result[key] = value;
            last = key;
            continue;
        }
        // The keys so far were in order, so each was new: they are the result's own keys. Object.keys may list
        // them in another order (integer-like keys first), which does not matter: all keys are sorted below.
        if (!unsorted) {
            const keys = Object.keys(result);
            unsorted = { keys, values: keys.map((k) => result[k]) };
        }
        unsorted.keys.push(key);
        unsorted.values.push(value);
    }
    if (!unsorted) return result;
    const { keys, values } = unsorted;
    const sortedResult: Record<string, unknown> = {};
    const order = keys.map((_, i) => i).sort((a, b) => (keys[a] < keys[b] ? -1 : keys[a] > keys[b] ? 1 : 0));
    for (let i = 0; i < order.length; i++) {
        if (i > 0 && keys[order[i]] === keys[order[i - 1]]) throw new LeftToGeneratedCode();
        sortedResult[keys[order[i]]] = values[order[i]];
    }
    return sortedResult;
}

/** A google.protobuf.Value up to the reader's end: exactly one kind, as Value.toJavaScript() gives it. */
function readValue(reader: WireReader, flags: StructFlags): unknown {
    if (++flags.depth > MAX_DEPTH) throw new LeftToGeneratedCode();
    let value: unknown;
    let kinds = 0;
    while (reader.more()) {
        const t = reader.tag();
        switch (t) {
            case tag(1, WireType.Varint):
                reader.varint32();
                value = null;
                break;
            case tag(2, WireType.Fixed64):
                value = reader.double();
                break;
            case STRING(3):
                value = reader.string();
                break;
            case tag(4, WireType.Varint):
                value = reader.varint32() !== 0;
                break;
            case STRING(5): {
                const outer = reader.enter();
                value = readStruct(reader, flags);
                reader.leave(outer);
                break;
            }
            case STRING(6): {
                const outer = reader.enter();
                const list: unknown[] = [];
                while (reader.more()) {
                    const e = reader.tag();
                    if (e === STRING(1)) {
                        const itemEnd = reader.enter();
                        list.push(readValue(reader, flags));
                        reader.leave(itemEnd);
                    } else reader.skipUnknown(e, 1);
                }
                reader.leave(outer);
                value = list;
                break;
            }
            default:
                reader.skipUnknown(t, 6);
                continue;
        }
        kinds++;
    }
    if (kinds !== 1) throw new LeftToGeneratedCode();
    flags.depth--;
    return value;
}

/** The map's keys in the order google-protobuf's Map iterates them (sorted), as the SDK's server reads it. */
function sortedByKey<T>(map: Record<string, T>): Record<string, T> {
    const keys = Object.keys(map);
    let sorted = true;
    for (let i = 1; i < keys.length && sorted; i++) sorted = keys[i - 1] < keys[i];
    if (sorted) return map;
    const result: Record<string, T> = {};
    for (const key of keys.sort()) result[key] = map[key];
    return result;
}

/** Singular fields seen in one message: a second occurrence is left to the generated code. */
class Seen {
    private fields = 0;

    once(field: number): void {
        const bit = 1 << field;
        if (this.fields & bit) throw new LeftToGeneratedCode();
        this.fields |= bit;
    }
}

// ---------------------------------------------------------------------------------------------------
// A message the generated code decoded, in the same plain shape (its properties stay the Struct, converted
// by the SDK where the SDK's server converts them).

function resourceDataOf(message: analyzerProtoTypes.AnalyzeRequest | analyzerProtoTypes.AnalyzerResource): ResourceData {
    const options = message.getOptions();
    const provider = message.getProvider();
    const inStack = message instanceof analyzerProto.AnalyzerResource ? message : undefined;
    const propertyDependencies: Record<string, string[]> = {};
    if (inStack) for (const [key, value] of inStack.getPropertydependenciesMap().entries()) propertyDependencies[key] = value.getUrnsList();
    return {
        type: message.getType(),
        urn: message.getUrn(),
        name: message.getName(),
        properties: message.getProperties(),
        options: options && {
            protect: options.getProtect(),
            ignoreChanges: options.getIgnorechangesList(),
            deleteBeforeReplace: options.getDeletebeforereplace(),
            deleteBeforeReplaceDefined: options.getDeletebeforereplacedefined(),
            additionalSecretOutputs: options.getAdditionalsecretoutputsList(),
            aliases: options.getAliasesList(),
            customTimeouts: timeoutsOf(options.getCustomtimeouts()),
            parent: options.getParent(),
        },
        provider: provider && { type: provider.getType(), urn: provider.getUrn(), name: provider.getName(), properties: provider.getProperties() },
        parent: inStack ? inStack.getParent() : "",
        dependencies: inStack ? inStack.getDependenciesList() : [],
        propertyDependencies,
    };
}

function timeoutsOf(timeouts: analyzerProtoTypes.AnalyzerResourceOptions.CustomTimeouts | undefined): ResourceOptionsData["customTimeouts"] {
    return timeouts && { create: timeouts.getCreate(), update: timeouts.getUpdate(), delete: timeouts.getDelete() };
}
