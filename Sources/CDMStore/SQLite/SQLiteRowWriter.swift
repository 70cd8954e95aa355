import GRDB
import GRDBSQLite
import OMOP

/// Inserts `ParsedRow`s with one prepared statement, binding values straight from their bytes.
struct SQLiteRowWriter: ~Copyable {
    struct Rejection: Error {
        let message: String
    }

    private let connection: OpaquePointer
    private let statement: OpaquePointer
    /// 32 bytes per column for formatted dates, so every bound value stays put until the step.
    private let scratch: UnsafeMutablePointer<UInt8>

    init(_ db: GRDB.Database, table: CDMTable) throws {
        guard let connection = db.sqliteConnection else { throw Rejection(message: "the connection is closed") }
        let dialect = SQLDialect.sqlite
        let columns = table.fields.map { dialect.quote($0.name) }.joined(separator: ", ")
        let placeholders = Array(repeating: "?", count: table.fields.count).joined(separator: ", ")
        let sql = "INSERT INTO \(dialect.quote(table.name)) (\(columns)) VALUES (\(placeholders))"
        var statement: OpaquePointer?
        guard sqlite3_prepare_v2(connection, sql, -1, &statement, nil) == SQLITE_OK, let statement else {
            throw Rejection(message: String(cString: sqlite3_errmsg(connection)))
        }
        self.connection = connection
        self.statement = statement
        scratch = .allocate(capacity: 32 * table.fields.count)
    }

    deinit {
        sqlite3_finalize(statement)
        scratch.deallocate()
    }

    /// Binds a row and steps the statement. Text is bound without copying (no destructor): the
    /// row's bytes and the scratch area do not change until the step has finished.
    func insert(_ row: ParsedRow) throws {
        let unchanged: sqlite3_destructor_type? = nil
        row.bytes.withUnsafeBufferPointer { bytes in
            for index in 0..<row.count {
                let position = Int32(index + 1)
                switch row.kinds[index] {
                case .null:
                    sqlite3_bind_null(statement, position)
                case .integer:
                    sqlite3_bind_int64(statement, position, row.integers[index])
                case .float:
                    sqlite3_bind_double(statement, position, row.floats[index])
                case .text:
                    let range = row.ranges[index]
                    sqlite3_bind_text(statement, position, UnsafeRawPointer(bytes.baseAddress! + range.lowerBound)
                        .assumingMemoryBound(to: CChar.self), Int32(range.count), unchanged)
                case .date:
                    let out = scratch + 32 * index
                    DateText.writeDate(daysSinceEpoch: Int(row.integers[index]), into: out)
                    sqlite3_bind_text(statement, position, UnsafeRawPointer(out).assumingMemoryBound(to: CChar.self), 10, unchanged)
                case .datetime:
                    let out = scratch + 32 * index
                    DateText.writeDateTime(secondsSinceEpoch: Int(row.integers[index]), into: out)
                    sqlite3_bind_text(statement, position, UnsafeRawPointer(out).assumingMemoryBound(to: CChar.self), 19, unchanged)
                }
            }
        }
        let result = sqlite3_step(statement)
        sqlite3_reset(statement)
        guard result == SQLITE_DONE else {
            throw Rejection(message: String(cString: sqlite3_errmsg(connection)))
        }
    }
}
