/// A parsed JSON value. FHIR resources are read into this rather than `Codable` structs: one resource
/// type has dozens of optional elements and the importer reads a handful, and a hand-written parser
/// (`JSONParser`) is several times faster than Foundation's on NDJSON.
public enum JSONValue: Sendable, Equatable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([JSONValue])
    case object(JSONObject)

    /// The member `key` of an object; nil for a missing member or a value that is not an object.
    public subscript(key: String) -> JSONValue? {
        guard case .object(let object) = self else { return nil }
        return object[key]
    }

    public var string: String? {
        if case .string(let text) = self { return text }
        return nil
    }

    public var number: Double? {
        if case .number(let number) = self { return number }
        return nil
    }

    public var bool: Bool? {
        if case .bool(let bool) = self { return bool }
        return nil
    }

    /// The elements of an array; nil for any other value.
    public var array: [JSONValue]? {
        if case .array(let elements) = self { return elements }
        return nil
    }

    public var object: JSONObject? {
        if case .object(let object) = self { return object }
        return nil
    }

    /// The elements of an array, or none: FHIR repeats (`coding`, `identifier`) read without unwrapping.
    public var elements: [JSONValue] { array ?? [] }
}
