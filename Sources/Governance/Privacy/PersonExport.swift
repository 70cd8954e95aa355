import CDMStore

/// Every row held about one person (GDPR art. 15, subject access): table name → rows, each row column → value.
public struct PersonExport: Sendable, Encodable {
    /// One stored value as JSON: a number, a string (text, dates as `YYYY-MM-DD`), or null.
    public enum Value: Sendable, Encodable, Equatable {
        case null, integer(Int64), double(Double), text(String)

        init(_ value: SQLValue) {
            switch value {
            case .null: self = .null
            case .integer(let number): self = .integer(number)
            case .double(let number): self = .double(number)
            default: self = .text(value.description)
            }
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            switch self {
            case .null: try container.encodeNil()
            case .integer(let number): try container.encode(number)
            case .double(let number): try container.encode(number)
            case .text(let text): try container.encode(text)
            }
        }
    }

    /// Only tables that hold rows of the person.
    public let tables: [String: [[String: Value]]]

    public var totalRows: Int { tables.values.reduce(0) { $0 + $1.count } }
}
