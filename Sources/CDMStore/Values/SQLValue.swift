import OMOP

/// One value read from or bound into SQL.
public enum SQLValue: Sendable, Hashable, CustomStringConvertible {
    case null
    case integer(Int64)
    case double(Double)
    case text(String)
    case date(CDMDate)
    case datetime(CDMDateTime)

    public var description: String {
        switch self {
        case .null: "NULL"
        case .integer(let value): String(value)
        case .double(let value): String(value)
        case .text(let value): value
        case .date(let value): value.description
        case .datetime(let value): value.description
        }
    }

    public var isNull: Bool { self == .null }

    /// The value as an integer, when it is one (or an integral double).
    public var integerValue: Int64? {
        switch self {
        case .integer(let value): value
        case .double(let value) where value == value.rounded(): Int64(exactly: value)
        case .text(let value): Int64(value)
        default: nil
        }
    }

    /// The value as a number, when it is one (integers widen).
    public var doubleValue: Double? {
        switch self {
        case .integer(let value): Double(value)
        case .double(let value): value
        case .text(let value): Double(value)
        default: nil
        }
    }

    /// The value as text, when it is not NULL.
    public var textValue: String? {
        isNull ? nil : description
    }

    /// The value as a calendar date: a date, a datetime's day, or ISO text (SQLite stores dates as text).
    public var dateValue: CDMDate? {
        switch self {
        case .date(let value): value
        case .datetime(let value): value.date
        case .text(let value): CDMDate(value)
        default: nil
        }
    }

    /// The value as a date and time: a datetime, a date at midnight, or ISO text.
    public var datetimeValue: CDMDateTime? {
        switch self {
        case .datetime(let value): value
        case .date(let value): CDMDateTime(date: value)
        case .text(let value): CDMDateTime(value)
        default: nil
        }
    }
}

extension SQLValue {
    /// The kind of value, for error messages that must not show the value itself.
    var kindName: String {
        switch self {
        case .null: "NULL"
        case .integer: "integer"
        case .double: "float"
        case .text: "text"
        case .date: "date"
        case .datetime: "date-time"
        }
    }
}
