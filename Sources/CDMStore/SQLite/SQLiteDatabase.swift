import Foundation
import GRDB
import OMOP

/// The embedded default: a SQLite file in WAL mode through GRDB.
public final class SQLiteDatabase: Database {
    public let dialect = SQLDialect.sqlite
    public let location: DatabaseLocation
    let pool: DatabasePool

    /// Opens (creating when absent) the SQLite file at `path`, and its folder.
    public init(path: String) throws {
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        }
        var configuration = Configuration()
        // Another process (the server, a second `optima`) may be writing: wait for it rather than fail at once.
        configuration.busyMode = .timeout(10)
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA synchronous = NORMAL")
            try db.execute(sql: "PRAGMA cache_size = -131072")  // 128 MiB, whatever the file size
        }
        pool = try DatabasePool(path: path, configuration: configuration)
        location = .sqlite(path: path)
    }

    public func execute(_ sql: String, _ binds: [SQLValue]) async throws {
        try await pool.write { db in
            try db.execute(sql: sql, arguments: StatementArguments(binds.map(\.databaseValue)))
        }
    }

    public func query(_ sql: String, _ binds: [SQLValue]) async throws -> [SQLRow] {
        try await pool.read { db in
            try Row.fetchAll(db, sql: sql, arguments: StatementArguments(binds.map(\.databaseValue))).map(SQLRow.init)
        }
    }

    public func forEachRow(_ sql: String, _ binds: [SQLValue], _ body: (SQLRow) throws -> Void) async throws {
        // The synchronous read lets `body` stay non-Sendable: rows are handed over on this thread.
        func readSynchronously() throws {
            try pool.read { db in
                let cursor = try Row.fetchCursor(db, sql: sql, arguments: StatementArguments(binds.map(\.databaseValue)))
                while let row = try cursor.next() {
                    try body(SQLRow(row))
                }
            }
        }
        try readSynchronously()
    }

    public func transaction(_ statements: [SQLStatement]) async throws {
        try await pool.write { db in
            for statement in statements {
                try db.execute(sql: statement.sql, arguments: StatementArguments(statement.binds.map(\.databaseValue)))
            }
        }
    }

    public func load(
        _ tables: [TableLoad], progress: (@Sendable (String, Int) -> Void)?
    ) async throws -> LoadResult {
        let result = try await pool.write { db in
            var result = LoadResult()
            for file in tables {
                let reader = try file.open()
                let indices = try SQLiteDatabase.dropIndicesIfEmpty(db, table: file.table.name, dialect: self.dialect)
                let writer = try SQLiteRowWriter(db, table: file.table)
                let started = ContinuousClock.now
                let rows = RowPipeline(reader: reader)
                defer { rows.cancel() }
                while try rows.next() {
                    do {
                        try writer.insert(rows.row)
                    } catch let error as SQLiteRowWriter.Rejection {
                        throw ImportError(file: rows.name, line: rows.line, reason: "rejected by SQLite: \(error.message)")
                    }
                    if rows.rowCount % 100_000 == 0 { progress?(file.table.name, rows.rowCount) }
                }
                let written = ContinuousClock.now
                result.rowSeconds += (written - started).seconds
                for index in indices {
                    if let warning = try SQLiteDatabase.rebuild(IndexRebuild(dialect: self.dialect, index: index), db) {
                        result.warnings.append(warning)
                    }
                }
                result.indexSeconds += (ContinuousClock.now - written).seconds
                result.rowsByTable[file.table.name, default: 0] += rows.rowCount
                progress?(file.table.name, rows.rowCount)
            }
            return result
        }
        try await pool.writeWithoutTransaction { db in
            // Fresh statistics, so the planner joins new rows sensibly (sampled: fast at any size).
            try db.execute(sql: "PRAGMA analysis_limit = 1000; ANALYZE")
            _ = try db.checkpoint(.truncate)
        }
        return result
    }

    /// Builds an index after a load; returns a warning when a primary key had to stay non-unique.
    private static func rebuild(_ rebuild: IndexRebuild, _ db: GRDB.Database) throws -> String? {
        guard rebuild.index.isUnique else {
            try db.execute(sql: rebuild.unique)
            return nil
        }
        try db.execute(sql: rebuild.savepoint)
        do {
            try db.execute(sql: rebuild.unique)
            try db.execute(sql: rebuild.release)
            return nil
        } catch let error as GRDB.DatabaseError where error.resultCode == .SQLITE_CONSTRAINT {
            try db.execute(sql: rebuild.rollback)
            try db.execute(sql: rebuild.release)
            try db.execute(sql: rebuild.plain)
            return rebuild.warning(duplicates: try Int64.fetchOne(db, sql: rebuild.duplicateCount) ?? 0)
        }
    }

    /// Drops the standard indices of a table that holds no rows yet, returning them for rebuilding.
    private static func dropIndicesIfEmpty(_ db: GRDB.Database, table: String, dialect: SQLDialect) throws -> [CDMIndex] {
        let hasRows = try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM \(dialect.quote(table)))") ?? false
        guard !hasRows else { return [] }
        let present = Set(try String.fetchAll(db, sql: "SELECT name FROM sqlite_master WHERE type = 'index' AND tbl_name = ?", arguments: [table]))
        let indices = CDMSchema.allIndices.filter { $0.table == table && present.contains($0.name) }
        for index in indices { try db.execute(sql: "DROP INDEX \(dialect.quote(index.name))") }
        return indices
    }

    public func columns(of table: String) async throws -> [ColumnDescription] {
        try await pool.read { db in
            try Row.fetchAll(db, sql: "PRAGMA table_info(\(self.dialect.quote(table)))").map { row in
                ColumnDescription(name: row["name"], type: (row["type"] as String).uppercased(), isNotNull: row["notnull"])
            }
        }
    }

    public func indexes(of table: String) async throws -> [String: Bool] {
        try await pool.read { db in
            var indexes: [String: Bool] = [:]
            for row in try Row.fetchAll(db, sql: "PRAGMA index_list(\(self.dialect.quote(table)))") {
                indexes[row["name"]] = row["unique"] as Bool
            }
            return indexes
        }
    }

    public func close() async throws {
        try pool.close()
    }
}
