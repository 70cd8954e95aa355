import Foundation
import NIOCore
import OMOP
import PostgresNIO

/// Days from 1970-01-01 to PostgreSQL's epoch, 2000-01-01.
private let postgresEpochDays = 10_957

/// A CDM date bound in PostgreSQL's binary `date` format, so no time zone can shift it.
struct PostgresDate: PostgresNonThrowingEncodable {
    let date: CDMDate
    static var psqlType: PostgresDataType { .date }
    static var psqlFormat: PostgresFormat { .binary }

    func encode<JSONEncoder: PostgresJSONEncoder>(into byteBuffer: inout ByteBuffer, context: PostgresEncodingContext<JSONEncoder>) {
        byteBuffer.writeInteger(Int32(date.daysSinceEpoch - postgresEpochDays))
    }
}

/// A CDM datetime bound as PostgreSQL's binary `timestamp` (microseconds since 2000, no zone).
struct PostgresTimestamp: PostgresNonThrowingEncodable {
    let datetime: CDMDateTime
    static var psqlType: PostgresDataType { .timestamp }
    static var psqlFormat: PostgresFormat { .binary }

    func encode<JSONEncoder: PostgresJSONEncoder>(into byteBuffer: inout ByteBuffer, context: PostgresEncodingContext<JSONEncoder>) {
        byteBuffer.writeInteger(Int64(datetime.secondsSinceEpoch - postgresEpochDays * 86_400) * 1_000_000)
    }
}

extension PostgresBindings {
    mutating func append(_ value: SQLValue) {
        switch value {
        case .null: appendNull()
        case .integer(let integer): append(integer)
        case .double(let double): append(double)
        case .text(let text): append(text)
        case .date(let date): append(PostgresDate(date: date))
        case .datetime(let datetime): append(PostgresTimestamp(datetime: datetime))
        }
    }
}

extension SQLRow {
    /// Converts a PostgreSQL row, reading dates and timestamps from their binary form exactly.
    init(_ row: PostgresRow) throws {
        var columns: [String] = []
        var values: [SQLValue] = []
        for cell in row {
            columns.append(cell.columnName)
            values.append(try SQLValue(cell))
        }
        self.init(columns: columns, values: values)
    }
}

extension SQLValue {
    init(_ cell: PostgresCell) throws {
        guard var bytes = cell.bytes else {
            self = .null
            return
        }
        switch cell.dataType {
        case .int2, .int4, .int8:
            self = .integer(try cell.decode(Int64.self))
        case .float4, .float8:
            self = .double(try cell.decode(Double.self))
        case .numeric:
            self = .double(NSDecimalNumber(decimal: try cell.decode(Decimal.self)).doubleValue)
        case .bool:
            self = .integer(try cell.decode(Bool.self) ? 1 : 0)
        case .date where cell.format == .binary:
            guard let days = bytes.readInteger(as: Int32.self) else { throw DatabaseError(message: "malformed date from PostgreSQL") }
            self = .date(CDMDate(daysSinceEpoch: Int(days) + postgresEpochDays))
        case .timestamp where cell.format == .binary:
            guard let micros = bytes.readInteger(as: Int64.self) else { throw DatabaseError(message: "malformed timestamp from PostgreSQL") }
            let seconds = micros >= 0 ? micros / 1_000_000 : (micros - 999_999) / 1_000_000
            self = .datetime(CDMDateTime(secondsSinceEpoch: Int(seconds) + postgresEpochDays * 86_400))
        default:
            self = .text(try cell.decode(String.self))
        }
    }
}
