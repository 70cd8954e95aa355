extension JSONValue {
    /// The kind of value, for messages: "a JSON array".
    var kindDescription: String {
        switch self {
        case .null: "JSON null"
        case .bool: "a JSON boolean"
        case .number: "a JSON number"
        case .string: "a JSON string"
        case .array: "a JSON array"
        case .object: "a JSON object"
        }
    }
}
