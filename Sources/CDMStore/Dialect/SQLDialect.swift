import OMOP

/// The few things SQLite and PostgreSQL spell differently. Everything else Optima writes is
/// plain SQL both accept.
public enum SQLDialect: String, Sendable {
    case sqlite
    case postgresql

    /// A double-quoted identifier; always quoted, because the CDM uses reserved words (`offset`).
    public func quote(_ identifier: String) -> String {
        "\"" + identifier.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// The column type for a CDM datatype. Dates are `DATE` in both; SQLite stores them as
    /// ISO-8601 text, which sorts and compares as dates and round-trips exactly.
    public func columnType(_ datatype: CDMDatatype) -> String {
        switch (self, datatype) {
        case (_, .integer): "INTEGER"
        case (.sqlite, .float): "REAL"
        case (.postgresql, .float): "DOUBLE PRECISION"
        case (.sqlite, .date): "DATE"
        case (.postgresql, .date): "DATE"
        case (.sqlite, .datetime): "DATETIME"
        case (.postgresql, .datetime): "TIMESTAMP"
        case (_, .varchar(let size?)): "VARCHAR(\(size))"
        case (.sqlite, .varchar(nil)): "TEXT"
        case (.postgresql, .varchar(nil)): "TEXT"
        }
    }

    /// A date literal of the dialect.
    public func dateLiteral(_ date: CDMDate) -> String {
        switch self {
        case .sqlite: "'\(date)'"
        case .postgresql: "DATE '\(date)'"
        }
    }

    /// A boolean literal; SQLite has no boolean type and uses 1 and 0.
    public func booleanLiteral(_ value: Bool) -> String {
        switch self {
        case .sqlite: value ? "1" : "0"
        case .postgresql: value ? "TRUE" : "FALSE"
        }
    }

    /// A row-limit clause appended to a SELECT.
    public func limit(_ count: Int) -> String {
        "LIMIT \(count)"
    }

    /// Creates a connection-private table from a query, for use within one `transaction`; pair it
    /// with `dropTemporaryTable` there (PostgreSQL also drops it at commit, SQLite would keep it).
    public func createTemporaryTable(_ name: String, as query: String) -> String {
        switch self {
        case .sqlite: "CREATE TEMP TABLE \(quote(name)) AS \(query)"
        case .postgresql: "CREATE TEMPORARY TABLE \(quote(name)) ON COMMIT DROP AS \(query)"
        }
    }

    public func dropTemporaryTable(_ name: String) -> String {
        switch self {
        case .sqlite: "DROP TABLE IF EXISTS temp.\(quote(name))"
        case .postgresql: "DROP TABLE IF EXISTS pg_temp.\(quote(name))"
        }
    }

    /// How a bulk import reaches the database: prepared inserts for SQLite, `COPY` for PostgreSQL.
    public var bulkLoadMethod: String {
        switch self {
        case .sqlite: "prepared INSERT in one transaction"
        case .postgresql: "COPY FROM STDIN (text) in one transaction"
        }
    }
}
