import Foundation

/// A JSON value as written, so a constraint can be read with errors that name their path (Codable's errors
/// do not say which branch of a tree was wrong in words a researcher reads).
enum ExploreJSON: Decodable, Sendable {
    case null
    case bool(Bool)
    case number(Double)
    case string(String)
    case array([ExploreJSON])
    case object([String: ExploreJSON])

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() { self = .null }
        else if let value = try? container.decode(Bool.self) { self = .bool(value) }
        else if let value = try? container.decode(Double.self) { self = .number(value) }
        else if let value = try? container.decode(String.self) { self = .string(value) }
        else if let value = try? container.decode([ExploreJSON].self) { self = .array(value) }
        else { self = .object(try container.decode([String: ExploreJSON].self)) }
    }

    /// What the value is, for error messages.
    var kind: String {
        switch self {
        case .null: "null"
        case .bool: "true/false"
        case .number: "a number"
        case .string: "a string"
        case .array: "an array"
        case .object: "an object"
        }
    }
}
