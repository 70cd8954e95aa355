import Foundation
import Logging
import NIOSSL
import OMOP
import PostgresNIO

/// A CDM in a PostgreSQL schema, through a PostgresNIO connection pool.
///
/// Every connection starts with `search_path` set to the URL's schema, so SQL names tables
/// unqualified and the same statements serve both backends.
public final class PostgresDatabase: Database {
    public let dialect = SQLDialect.postgresql
    public let location: DatabaseLocation
    public let schema: String
    let client: PostgresClient
    private let runner: Task<Void, Never>
    private let logger: Logger

    public init(_ target: PostgresLocation, logger: Logger = Logger(label: "optima.postgres")) async throws {
        var tls = TLSConfiguration.makeClientConfiguration()
        tls.certificateVerification = .none  // libpq's default `sslmode=prefer`: encrypt when the server offers it
        var configuration = PostgresClient.Configuration(
            host: target.host, port: target.port, username: target.user, password: target.password,
            database: target.database, tls: .prefer(tls))
        configuration.options.additionalStartupParameters = [("search_path", target.schema)]
        configuration.options.maximumConnections = 8
        // The pool logs a warning when a query is queued before `run()` has started; that race is
        // harmless here (the query waits), so the pool's own log only carries errors.
        var backgroundLogger = logger
        backgroundLogger.logLevel = .error
        let client = PostgresClient(configuration: configuration, backgroundLogger: backgroundLogger)
        self.client = client
        self.runner = Task { await client.run() }
        self.location = .postgres(target)
        self.schema = target.schema
        self.logger = logger
        do {
            try await client.query("CREATE SCHEMA IF NOT EXISTS \(unescaped: dialect.quote(target.schema))", logger: logger)
        } catch {
            runner.cancel()
            throw PostgresDatabase.describe(error, connecting: target)
        }
    }

    public func execute(_ sql: String, _ binds: [SQLValue]) async throws {
        _ = try await run { try await self.client.query(PostgresDatabase.query(sql, binds), logger: self.logger) }
    }

    public func query(_ sql: String, _ binds: [SQLValue]) async throws -> [SQLRow] {
        var rows: [SQLRow] = []
        try await forEachRow(sql, binds) { rows.append($0) }
        return rows
    }

    public func forEachRow(_ sql: String, _ binds: [SQLValue], _ body: (SQLRow) throws -> Void) async throws {
        try await run {
            let sequence = try await self.client.query(PostgresDatabase.query(sql, binds), logger: self.logger)
            for try await row in sequence {
                try body(try SQLRow(row))
            }
        }
    }

    public func transaction(_ statements: [SQLStatement]) async throws {
        try await run {
            try await self.client.withConnection { connection in
                try await self.inTransaction(connection) {
                    for statement in statements {
                        try await connection.query(PostgresDatabase.query(statement.sql, statement.binds), logger: self.logger)
                    }
                }
            }
        }
    }

    public func load(
        _ tables: [TableLoad], progress: (@Sendable (String, Int) -> Void)?
    ) async throws -> LoadResult {
        try await client.withConnection { connection in
            try await self.inTransaction(connection) {
                // Index rebuilds after a load sort whole tables: give them memory, for this transaction only.
                try await connection.query("SET LOCAL maintenance_work_mem = '256MB'", logger: self.logger)
                var result = LoadResult()
                for file in tables {
                    let reader = try file.open()
                    let indices = try await self.dropIndicesIfEmpty(connection, table: file.table.name)
                    let started = ContinuousClock.now
                    let rowCount: Int
                    do {
                        rowCount = try await PostgresCopyWriter(table: file.table).copy(
                            from: reader, into: connection, logger: self.logger, progress: progress)
                    } catch let error as PSQLError {
                        throw ImportError(file: reader.name, reason: "rejected by PostgreSQL: \(PostgresDatabase.serverMessage(error))")
                    }
                    let written = ContinuousClock.now
                    result.rowSeconds += (written - started).seconds
                    for index in indices {
                        if let warning = try await self.rebuild(IndexRebuild(dialect: self.dialect, index: index), connection) {
                            result.warnings.append(warning)
                        }
                    }
                    result.indexSeconds += (ContinuousClock.now - written).seconds
                    result.rowsByTable[file.table.name, default: 0] += rowCount
                }
                // Fresh statistics, so the planner joins new rows sensibly before autovacuum gets to them.
                for name in Set(tables.map(\.table.name)) {
                    try await connection.query(PostgresQuery(unsafeSQL: "ANALYZE \(self.dialect.quote(name))"), logger: self.logger)
                }
                return result
            }
        }
    }

    /// Builds an index after a load; returns a warning when a primary key had to stay non-unique.
    private func rebuild(_ rebuild: IndexRebuild, _ connection: PostgresConnection) async throws -> String? {
        func run(_ sql: String) async throws { try await connection.query(PostgresQuery(unsafeSQL: sql), logger: logger) }
        guard rebuild.index.isUnique else {
            try await run(rebuild.unique)
            return nil
        }
        try await run(rebuild.savepoint)
        do {
            try await run(rebuild.unique)
            try await run(rebuild.release)
            return nil
        } catch let error as PSQLError where error.serverInfo?[.sqlState] == "23505" {
            try await run(rebuild.rollback)
            try await run(rebuild.release)
            try await run(rebuild.plain)
            var duplicates: Int64 = 0
            for try await count in try await connection.query(PostgresQuery(unsafeSQL: rebuild.duplicateCount), logger: logger).decode(Int64.self) {
                duplicates = count
            }
            return rebuild.warning(duplicates: duplicates)
        }
    }

    private func dropIndicesIfEmpty(_ connection: PostgresConnection, table: String) async throws -> [CDMIndex] {
        let quoted = dialect.quote(table)
        var hasRows = false
        for try await (exists) in try await connection.query(
            PostgresQuery(unsafeSQL: "SELECT EXISTS (SELECT 1 FROM \(quoted))"), logger: logger
        ).decode(Bool.self) { hasRows = exists }
        guard !hasRows else { return [] }
        var present: Set<String> = []
        for try await name in try await connection.query(
            "SELECT indexname FROM pg_indexes WHERE schemaname = \(schema) AND tablename = \(table)", logger: logger
        ).decode(String.self) { present.insert(name) }
        let indices = CDMSchema.allIndices.filter { $0.table == table && present.contains($0.name) }
        for index in indices {
            try await connection.query(PostgresQuery(unsafeSQL: "DROP INDEX \(dialect.quote(index.name))"), logger: logger)
        }
        return indices
    }

    public func columns(of table: String) async throws -> [ColumnDescription] {
        let rows = try await query(
            """
            SELECT column_name, upper(data_type) AS data_type, character_maximum_length, is_nullable
            FROM information_schema.columns WHERE table_schema = ? AND table_name = ? ORDER BY ordinal_position
            """, [.text(schema), .text(table)])
        return rows.map { row in
            let length = row["character_maximum_length"].integerValue.map { "(\($0))" } ?? ""
            return ColumnDescription(
                name: row["column_name"].textValue ?? "", type: (row["data_type"].textValue ?? "") + length,
                isNotNull: row["is_nullable"].textValue == "NO")
        }
    }

    public func indexes(of table: String) async throws -> [String: Bool] {
        let rows = try await query(
            "SELECT indexname, indexdef LIKE 'CREATE UNIQUE%' AS is_unique FROM pg_indexes WHERE schemaname = ? AND tablename = ?",
            [.text(schema), .text(table)])
        var indexes: [String: Bool] = [:]
        for row in rows { indexes[row["indexname"].textValue ?? ""] = row["is_unique"].integerValue == 1 }
        return indexes
    }

    public func close() async throws {
        runner.cancel()
        await runner.value
    }

    /// Runs `body` inside BEGIN … COMMIT on one connection, rolling back on any error.
    private func inTransaction<T>(_ connection: PostgresConnection, _ body: () async throws -> T) async throws -> T {
        try await connection.query("BEGIN", logger: logger)
        do {
            let result = try await body()
            try await connection.query("COMMIT", logger: logger)
            return result
        } catch {
            _ = try? await connection.query("ROLLBACK", logger: logger)
            throw error
        }
    }

    /// Runs `body`, turning PostgreSQL errors into ones that name the server's message only.
    private func run<T>(_ body: () async throws -> T) async throws -> T {
        do {
            return try await body()
        } catch let error as PSQLError {
            throw DatabaseError(message: PostgresDatabase.serverMessage(error))
        }
    }

    /// The server's message without the query, binds or detail (which may hold patient values).
    static func serverMessage(_ error: PSQLError) -> String {
        guard let info = error.serverInfo else { return "\(error.code)" }
        var message = info[.message] ?? "\(error.code)"
        if let context = info[.locationContext], let range = context.range(of: #"line \d+"#, options: .regularExpression) {
            message += " (COPY data \(context[range]))"
        }
        return message
    }

    static func describe(_ error: any Error, connecting target: PostgresLocation) -> DatabaseError {
        if let error = error as? PSQLError {
            if error.serverInfo != nil {
                return DatabaseError(message: "\(target): \(serverMessage(error))")
            }
            return DatabaseError(message: "\(target): cannot connect (\(error.code))")
        }
        return DatabaseError(message: "\(target): cannot connect (\(error))")
    }

    /// A query with `?` placeholders rewritten to PostgreSQL's `$n`, outside quoted text.
    static func query(_ sql: String, _ binds: [SQLValue]) -> PostgresQuery {
        var bindings = PostgresBindings(capacity: binds.count)
        for value in binds { bindings.append(value) }
        return PostgresQuery(unsafeSQL: PostgresDatabase.numberPlaceholders(sql), binds: bindings)
    }

    static func numberPlaceholders(_ sql: String) -> String {
        var output = ""
        output.reserveCapacity(sql.utf8.count + 8)
        var number = 0
        var quote: Character?
        for character in sql {
            if let open = quote {
                if character == open { quote = nil }
                output.append(character)
            } else if character == "'" || character == "\"" {
                quote = character
                output.append(character)
            } else if character == "?" {
                number += 1
                output += "$\(number)"
            } else {
                output.append(character)
            }
        }
        return output
    }
}
