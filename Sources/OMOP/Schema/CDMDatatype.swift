import Foundation

/// The logical column types of the CDM specification.
public enum CDMDatatype: Sendable, Hashable, CustomStringConvertible {
    case integer
    case float
    /// A calendar date without time zone.
    case date
    /// A date and time of day without time zone.
    case datetime
    /// Text of at most the given number of characters; `nil` is `varchar(MAX)`.
    case varchar(Int?)

    /// The spelling the specification uses, e.g. `varchar(50)` or `varchar(MAX)`.
    public var description: String {
        switch self {
        case .integer: "integer"
        case .float: "float"
        case .date: "date"
        case .datetime: "datetime"
        case .varchar(let size): "varchar(\(size.map(String.init) ?? "MAX"))"
        }
    }

    /// Parses the specification's spelling, case-insensitively (`Integer` occurs once in the CSV).
    public init?(specification text: String) {
        let lowered = text.trimmingCharacters(in: .whitespaces).lowercased()
        switch lowered {
        case "integer", "bigint": self = .integer
        case "float": self = .float
        case "date": self = .date
        case "datetime": self = .datetime
        default:
            guard lowered.hasPrefix("varchar("), lowered.hasSuffix(")") else { return nil }
            let size = lowered.dropFirst("varchar(".count).dropLast()
            if size == "max" {
                self = .varchar(nil)
            } else if let limit = Int(size) {
                self = .varchar(limit)
            } else {
                return nil
            }
        }
    }
}
