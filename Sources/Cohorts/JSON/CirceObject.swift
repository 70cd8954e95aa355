/// One JSON object of a Circe definition, read as circe-be's Jackson reads it: keys found whatever their
/// case (ATLAS writes `PrimaryCriteria`, some exports `primaryCriteria`), unknown keys ignored, JSON `null`
/// the same as an absent key.
struct CirceObject {
    private let container: KeyedDecodingContainer<AnyKey>
    private let keys: [String: AnyKey]

    init(_ decoder: any Decoder) throws {
        container = try decoder.container(keyedBy: AnyKey.self)
        var keys: [String: AnyKey] = [:]
        for key in container.allKeys where keys[key.stringValue.lowercased()] == nil {
            keys[key.stringValue.lowercased()] = key
        }
        self.keys = keys
    }

    /// The value under `name`, or nil when the key is absent or null.
    func callAsFunction<T: Decodable>(_ name: String) throws -> T? {
        guard let key = keys[name.lowercased()] else { return nil }
        return try container.decodeIfPresent(T.self, forKey: key)
    }

    /// The keys present, as written.
    var names: [String] { container.allKeys.map(\.stringValue) }

    /// The value under the key `name` exactly as written (for one-key wrapper objects).
    func decode<T: Decodable>(_ type: T.Type, named name: String) throws -> T {
        try container.decode(type, forKey: AnyKey(stringValue: name))
    }

    /// An error about the value under `name`, located at its JSON path.
    func invalid(_ name: String, _ reason: String) -> DecodingError {
        let key = keys[name.lowercased()] ?? AnyKey(stringValue: name)
        return DecodingError.dataCorruptedError(forKey: key, in: container, debugDescription: reason)
    }
}

extension SingleValueDecodingContainer {
    /// A string matched case-insensitively against the allowed values, as Circe's enums are read.
    func decodeChoice<T>(_ choices: [String: T], expected: String) throws -> T {
        let text = try decode(String.self)
        guard let value = choices[text.lowercased()] else {
            throw DecodingError.dataCorruptedError(in: self, debugDescription: "\"\(text)\" is not one of \(expected)")
        }
        return value
    }
}
