import CDMStore
import CDMTestSupport
import Foundation
import OMOP

/// One value of a DbUnit JSON dataset, kept as JSON wrote it. Its SQL type comes from the column it goes
/// into (`TestDDL`), never from its spelling: `"2000-01-01"` is a date only in a date column.
enum DbUnitValue: Decodable, Sendable, Hashable, CustomStringConvertible {
    case null
    case integer(Int64)
    case number(Double)
    case text(String)
    case bool(Bool)

    init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if container.decodeNil() {
            self = .null
        } else if let value = try? container.decode(Int64.self) {
            self = .integer(value)
        } else if let value = try? container.decode(Double.self) {
            self = .number(value)
        } else if let value = try? container.decode(Bool.self) {
            self = .bool(value)
        } else {
            self = .text(try container.decode(String.self))
        }
    }

    var description: String {
        switch self {
        case .null: "NULL"
        case .integer(let value): String(value)
        case .number(let value): String(value)
        case .text(let value): value
        case .bool(let value): String(value)
        }
    }

    /// The value bound into a column of this type: integers as integers, dates as `CDMDate` (so PostgreSQL
    /// gets a DATE and SQLite ISO text), datetimes as `CDMDateTime`. Throws when the value does not fit.
    func sqlValue(for type: TestDDL.ColumnType) throws -> SQLValue {
        func refuse() -> TestSetupError {
            TestSetupError("DbUnit value \(self) does not fit a \(type) column")
        }
        switch (self, type) {
        case (.null, _):
            return .null
        case (.integer(let value), .integer), (.integer(let value), .bigint):
            return .integer(value)
        case (.number(let value), .integer), (.number(let value), .bigint):
            guard let exact = Int64(exactly: value) else { throw refuse() }
            return .integer(exact)
        case (.text(let value), .integer), (.text(let value), .bigint):
            guard let parsed = Int64(value.trimmingCharacters(in: .whitespaces)) else { throw refuse() }
            return .integer(parsed)
        case (.bool(let value), .integer), (.bool(let value), .bigint):
            return .integer(value ? 1 : 0)
        case (.integer(let value), .real):
            return .double(Double(value))
        case (.number(let value), .real):
            return .double(value)
        case (.text(let value), .real):
            guard let parsed = Double(value.trimmingCharacters(in: .whitespaces)) else { throw refuse() }
            return .double(parsed)
        case (.text(let value), .date):
            guard let date = CDMDate(value) else { throw refuse() }
            return .date(date)
        case (.text(let value), .datetime):
            guard let datetime = CDMDateTime(value) else { throw refuse() }
            return .datetime(datetime)
        case (.text(let value), .text):
            return .text(value)
        case (.integer, .text), (.number, .text), (.bool, .text):
            return .text(description)
        default:
            throw refuse()
        }
    }
}
