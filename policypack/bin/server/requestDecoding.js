"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.propertiesOf = propertiesOf;
exports.analyzeRequestFrom = analyzeRequestFrom;
exports.analyzeRequestViaGeneratedCode = analyzeRequestViaGeneratedCode;
exports.analyzeStackRequestFrom = analyzeStackRequestFrom;
exports.analyzeStackRequestViaGeneratedCode = analyzeStackRequestViaGeneratedCode;
const wireReader_1 = require("./wireReader");
const sdk_1 = require("./sdk");
const sentinels_1 = require("../model/sentinels");
/** Properties read from the bytes: `plain` when they hold no Pulumi signature, so the SDK's conversion would only copy them. */
class DecodedProperties {
    constructor(value, plain) {
        this.value = value;
        this.plain = plain;
    }
    toJavaScript() {
        return this.value;
    }
}
/** `deserializeProperties(struct, false)` of the SDK, which for plain decoded properties would return a copy of them. */
function propertiesOf(struct) {
    if (struct instanceof DecodedProperties && struct.plain)
        return struct.value;
    return sdk_1.deserialize.deserializeProperties(struct, false);
}
// Tags: field number << 3 | wire type.
const tag = (field, wireType) => (field << 3) | wireType;
const STRING = (field) => tag(field, 2 /* WireType.Delimited */);
/** The AnalyzeRequest (Analyze, Remediate) in these bytes. */
function analyzeRequestFrom(bytes) {
    try {
        const reader = new wireReader_1.WireReader(bytes);
        return readResource(reader, false);
    }
    catch (error) {
        if (!(error instanceof wireReader_1.LeftToGeneratedCode))
            throw error;
        return analyzeRequestViaGeneratedCode(bytes);
    }
}
/** The AnalyzeRequest in these bytes as the generated code decodes it (the reference; the path odd encodings take). */
function analyzeRequestViaGeneratedCode(bytes) {
    return resourceDataOf(sdk_1.analyzerProto.AnalyzeRequest.deserializeBinary(bytes));
}
/** The AnalyzeStackRequest's resources in these bytes. */
function analyzeStackRequestFrom(bytes) {
    try {
        const reader = new wireReader_1.WireReader(bytes);
        const resources = [];
        while (reader.more()) {
            const t = reader.tag();
            if (t === STRING(1)) {
                const outer = reader.enter();
                resources.push(readResource(reader, true));
                reader.leave(outer);
            }
            else
                reader.skipUnknown(t, 1);
        }
        return resources;
    }
    catch (error) {
        if (!(error instanceof wireReader_1.LeftToGeneratedCode))
            throw error;
        return analyzeStackRequestViaGeneratedCode(bytes);
    }
}
/** The AnalyzeStackRequest's resources as the generated code decodes them. */
function analyzeStackRequestViaGeneratedCode(bytes) {
    return sdk_1.analyzerProto.AnalyzeStackRequest.deserializeBinary(bytes).getResourcesList().map(resourceDataOf);
}
/** Reads an AnalyzeRequest or (inStack) an AnalyzerResource up to the reader's end. */
function readResource(reader, inStack) {
    const data = {
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
        if (readIdentity(reader, t, seen, data))
            continue;
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
    if (inStack)
        data.propertyDependencies = sortedByKey(data.propertyDependencies);
    return data;
}
function readOptions(reader) {
    const options = {
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
            case tag(1, 0 /* WireType.Varint */):
                seen.once(1);
                options.protect = reader.varint32() !== 0;
                break;
            case STRING(2):
                options.ignoreChanges.push(reader.string());
                break;
            case tag(3, 0 /* WireType.Varint */):
                seen.once(3);
                options.deleteBeforeReplace = reader.varint32() !== 0;
                break;
            case tag(4, 0 /* WireType.Varint */):
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
function readCustomTimeouts(reader) {
    const timeouts = { create: 0, update: 0, delete: 0 };
    const seen = new Seen();
    while (reader.more()) {
        const t = reader.tag();
        const field = t >>> 3;
        if (field >= 1 && field <= 4 && (t & 7) === 1 /* WireType.Fixed64 */) {
            seen.once(field);
            const value = reader.double();
            if (field === 1)
                timeouts.create = value;
            else if (field === 2)
                timeouts.update = value;
            else if (field === 3)
                timeouts.delete = value;
        }
        else
            reader.skipUnknown(t, 4);
    }
    return timeouts;
}
function readProvider(reader) {
    const provider = { type: "", urn: "", name: "", properties: undefined };
    const seen = new Seen();
    while (reader.more()) {
        const t = reader.tag();
        if (!readIdentity(reader, t, seen, provider))
            reader.skipUnknown(t, 4);
    }
    return provider;
}
/**
 * Fields 1–4, numbered alike in AnalyzeRequest, AnalyzerResource and AnalyzerProviderResource: type,
 * properties, URN and name. False when the tag is another field's.
 */
function readIdentity(reader, t, seen, into) {
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
function readPropertyDependency(reader, into) {
    const outer = reader.enter();
    let key;
    let urns;
    while (reader.more()) {
        const t = reader.tag();
        if (t === STRING(1) && key === undefined)
            key = reader.name();
        else if (t === STRING(2) && urns === undefined) {
            urns = [];
            const entryEnd = reader.enter();
            while (reader.more()) {
                const u = reader.tag();
                if (u === STRING(1))
                    urns.push(reader.string());
                else
                    reader.skipUnknown(u, 1);
            }
            reader.leave(entryEnd);
        }
        else
            throw new wireReader_1.LeftToGeneratedCode(); // google-protobuf's map entries do not skip other fields: they misread them
    }
    reader.leave(outer);
    if (key === undefined || urns === undefined || key === "__proto__" || Object.prototype.hasOwnProperty.call(into, key)) {
        throw new wireReader_1.LeftToGeneratedCode();
    }
    into[key] = urns;
}
/**
 * Values nested deeper are left to the generated code, so a stack too deep for it overflows there, as
 * under the SDK's server, not here (the exports tierguard reads are limited to 256 levels anyway).
 */
const MAX_DEPTH = 100;
function readProperties(reader) {
    const flags = { signed: false, depth: 0 };
    const outer = reader.enter();
    const value = readStruct(reader, flags);
    reader.leave(outer);
    return new DecodedProperties(value, !flags.signed);
}
/** A google.protobuf.Struct up to the reader's end, as Struct.toJavaScript() builds it: keys in sorted order. */
function readStruct(reader, flags) {
    // Keys nearly always come sorted (the engine writes them so): they go straight into the result, and
    // only keys out of order make the reader collect them all and sort.
    const result = {};
    let last;
    let unsorted;
    while (reader.more()) {
        const t = reader.tag();
        if (t !== STRING(1)) {
            reader.skipUnknown(t, 1);
            continue;
        }
        const outer = reader.enter();
        let key;
        let value;
        let valued = false;
        while (reader.more()) {
            const e = reader.tag();
            if (e === STRING(1) && key === undefined)
                key = reader.name();
            else if (e === STRING(2) && !valued) {
                const entryEnd = reader.enter();
                value = readValue(reader, flags);
                reader.leave(entryEnd);
                valued = true;
            }
            else
                throw new wireReader_1.LeftToGeneratedCode(); // as above: a map entry holds its key and value only
        }
        reader.leave(outer);
        if (key === undefined || !valued || key === "__proto__")
            throw new wireReader_1.LeftToGeneratedCode();
        if (key === sentinels_1.SIG_KEY)
            flags.signed = true;
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
    if (!unsorted)
        return result;
    const { keys, values } = unsorted;
    const sortedResult = {};
    const order = keys.map((_, i) => i).sort((a, b) => (keys[a] < keys[b] ? -1 : keys[a] > keys[b] ? 1 : 0));
    for (let i = 0; i < order.length; i++) {
        if (i > 0 && keys[order[i]] === keys[order[i - 1]])
            throw new wireReader_1.LeftToGeneratedCode();
        sortedResult[keys[order[i]]] = values[order[i]];
    }
    return sortedResult;
}
/** A google.protobuf.Value up to the reader's end: exactly one kind, as Value.toJavaScript() gives it. */
function readValue(reader, flags) {
    if (++flags.depth > MAX_DEPTH)
        throw new wireReader_1.LeftToGeneratedCode();
    let value;
    let kinds = 0;
    while (reader.more()) {
        const t = reader.tag();
        switch (t) {
            case tag(1, 0 /* WireType.Varint */):
                reader.varint32();
                value = null;
                break;
            case tag(2, 1 /* WireType.Fixed64 */):
                value = reader.double();
                break;
            case STRING(3):
                value = reader.string();
                break;
            case tag(4, 0 /* WireType.Varint */):
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
                const list = [];
                while (reader.more()) {
                    const e = reader.tag();
                    if (e === STRING(1)) {
                        const itemEnd = reader.enter();
                        list.push(readValue(reader, flags));
                        reader.leave(itemEnd);
                    }
                    else
                        reader.skipUnknown(e, 1);
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
    if (kinds !== 1)
        throw new wireReader_1.LeftToGeneratedCode();
    flags.depth--;
    return value;
}
/** The map's keys in the order google-protobuf's Map iterates them (sorted), as the SDK's server reads it. */
function sortedByKey(map) {
    const keys = Object.keys(map);
    let sorted = true;
    for (let i = 1; i < keys.length && sorted; i++)
        sorted = keys[i - 1] < keys[i];
    if (sorted)
        return map;
    const result = {};
    for (const key of keys.sort())
        result[key] = map[key];
    return result;
}
/** Singular fields seen in one message: a second occurrence is left to the generated code. */
class Seen {
    constructor() {
        this.fields = 0;
    }
    once(field) {
        const bit = 1 << field;
        if (this.fields & bit)
            throw new wireReader_1.LeftToGeneratedCode();
        this.fields |= bit;
    }
}
// ---------------------------------------------------------------------------------------------------
// A message the generated code decoded, in the same plain shape (its properties stay the Struct, converted
// by the SDK where the SDK's server converts them).
function resourceDataOf(message) {
    const options = message.getOptions();
    const provider = message.getProvider();
    const inStack = message instanceof sdk_1.analyzerProto.AnalyzerResource ? message : undefined;
    const propertyDependencies = {};
    if (inStack)
        for (const [key, value] of inStack.getPropertydependenciesMap().entries())
            propertyDependencies[key] = value.getUrnsList();
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
function timeoutsOf(timeouts) {
    return timeouts && { create: timeouts.getCreate(), update: timeouts.getUpdate(), delete: timeouts.getDelete() };
}
