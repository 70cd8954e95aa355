/// A cohort definition that cannot be read: what is wrong and where, as a JSON path such as
/// `$.PrimaryCriteria.CriteriaList[0].ConditionOccurrence.Age.Op`.
public struct CohortDefinitionError: Error, CustomStringConvertible, Equatable {
    public let path: String
    public let reason: String

    public var description: String { "\(path): \(reason)" }

    init(path: String, reason: String) {
        self.path = path
        self.reason = reason
    }

    /// Turns a decoding error into one that names the JSON path.
    init(_ error: DecodingError) {
        func path(_ codingPath: [any CodingKey]) -> String {
            codingPath.reduce("$") { text, key in
                key.intValue.map { "\(text)[\($0)]" } ?? "\(text).\(key.stringValue)"
            }
        }
        switch error {
        case .dataCorrupted(let context):
            self.init(path: path(context.codingPath), reason: context.debugDescription)
        case .keyNotFound(let key, let context):
            self.init(path: path(context.codingPath + [key]), reason: "is required")
        case .typeMismatch(let type, let context):
            self.init(path: path(context.codingPath), reason: "expected \(Self.name(of: type))")
        case .valueNotFound(let type, let context):
            self.init(path: path(context.codingPath), reason: "expected \(Self.name(of: type)), found null")
        @unknown default:
            self.init(path: "$", reason: "\(error)")
        }
    }

    private static func name(of type: Any.Type) -> String {
        switch type {
        case is Int.Type, is Int64.Type: "an integer"
        case is Double.Type: "a number"
        case is String.Type: "a string"
        case is Bool.Type: "true or false"
        default: "\(type)".contains("Array") ? "an array" : "an object"
        }
    }
}
