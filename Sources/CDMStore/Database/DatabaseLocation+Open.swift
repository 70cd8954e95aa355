import Logging

extension DatabaseLocation {
    /// Opens the database here: the SQLite file (created when absent) or a PostgreSQL pool.
    public func open(logger: Logger = Logger(label: "optima.database")) async throws -> any Database {
        switch self {
        case .sqlite(let path): try SQLiteDatabase(path: path)
        case .postgres(let target): try await PostgresDatabase(target, logger: logger)
        }
    }
}
