import GRDB

extension SQLValue {
    /// The GRDB value to bind; dates and datetimes as ISO-8601 text, as SQLite stores them.
    var databaseValue: DatabaseValue {
        switch self {
        case .null: .null
        case .integer(let value): value.databaseValue
        case .double(let value): value.databaseValue
        case .text(let value): value.databaseValue
        case .date(let value): value.description.databaseValue
        case .datetime(let value): value.description.databaseValue
        }
    }

    init(_ value: DatabaseValue) {
        switch value.storage {
        case .null: self = .null
        case .int64(let integer): self = .integer(integer)
        case .double(let double): self = .double(double)
        case .string(let string): self = .text(string)
        case .blob(let data): self = .text(String(decoding: data, as: UTF8.self))
        }
    }
}

extension SQLRow {
    init(_ row: Row) {
        self.init(columns: Array(row.columnNames), values: row.databaseValues.map(SQLValue.init))
    }
}
