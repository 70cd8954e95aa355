import OMOP

/// A CDM database: embedded SQLite or PostgreSQL behind one interface.
///
/// SQL is written once with `?` placeholders; each backend binds them its own way. Anything that
/// writes more than one statement goes through `transaction` or `load`, which are all-or-nothing.
public protocol Database: Sendable {
    var dialect: SQLDialect { get }
    /// Where the database is, without secrets.
    var location: DatabaseLocation { get }

    /// Runs one statement.
    func execute(_ sql: String, _ binds: [SQLValue]) async throws

    /// Runs a query and returns all its rows; for small results.
    func query(_ sql: String, _ binds: [SQLValue]) async throws -> [SQLRow]

    /// Runs a query and hands each row to `body` as it arrives, holding one row at a time.
    func forEachRow(_ sql: String, _ binds: [SQLValue], _ body: (SQLRow) throws -> Void) async throws

    /// Runs statements in one transaction: all take effect or none.
    func transaction(_ statements: [SQLStatement]) async throws

    /// Loads rows into their tables in one transaction: on any error nothing is written. The
    /// indices of a table that was empty are dropped for the load and rebuilt after it; a primary
    /// key the data repeats is rebuilt as a plain index, with a warning (see `IndexRebuild`).
    func load(_ tables: [TableLoad], progress: (@Sendable (String, Int) -> Void)?) async throws -> LoadResult

    /// The columns of a table as the database declares them; empty when the table is missing.
    func columns(of table: String) async throws -> [ColumnDescription]

    /// The indices present on a table: name → whether unique.
    func indexes(of table: String) async throws -> [String: Bool]

    /// Closes the connection(s).
    func close() async throws
}

extension Database {
    public func execute(_ sql: String) async throws {
        try await execute(sql, [])
    }

    public func query(_ sql: String) async throws -> [SQLRow] {
        try await query(sql, [])
    }
}
