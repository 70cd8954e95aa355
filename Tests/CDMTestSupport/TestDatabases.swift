import CDMStore
import Foundation

/// Real databases for tests: a SQLite file in a fresh temporary folder, and, when
/// `OPTIMA_TEST_POSTGRES` holds a server URL, a fresh schema on that PostgreSQL server.
public enum TestDatabases {
    /// The PostgreSQL server URL for tests, when one is configured.
    public static var postgresURL: String? {
        ProcessInfo.processInfo.environment["OPTIMA_TEST_POSTGRES"].flatMap { $0.isEmpty ? nil : $0 }
    }

    /// Which backends the tests run on: always SQLite, PostgreSQL when configured.
    public static var backends: [Backend] {
        postgresURL == nil ? [.sqlite] : [.sqlite, .postgresql]
    }

    public enum Backend: String, Sendable, CustomStringConvertible {
        case sqlite, postgresql
        public var description: String { rawValue }
    }

    /// A new, empty database location on a backend.
    public static func makeLocation(_ backend: Backend) throws -> String {
        switch backend {
        case .sqlite:
            return "sqlite:" + (try temporaryDirectory() as NSString).appendingPathComponent("cdm.sqlite")
        case .postgresql:
            guard let url = postgresURL else { throw TestSetupError("OPTIMA_TEST_POSTGRES is not set") }
            let schema = "t_" + UUID().uuidString.replacingOccurrences(of: "-", with: "").prefix(16).lowercased()
            return url + (url.contains("?") ? "&" : "?") + "schema=\(schema)"
        }
    }

    /// Opens a new, empty database on a backend, runs `body`, then closes it (and drops a PostgreSQL schema).
    public static func with<T>(_ backend: Backend, _ body: (any Database, String) async throws -> T) async throws -> T {
        let url = try makeLocation(backend)
        let database = try await DatabaseLocation(parsing: url).open()
        do {
            let result = try await body(database, url)
            try await drop(database)
            return result
        } catch {
            try? await drop(database)
            throw error
        }
    }

    private static func drop(_ database: any Database) async throws {
        if case .postgres(let target) = database.location {
            try await database.execute("DROP SCHEMA IF EXISTS \"\(target.schema)\" CASCADE")
        }
        try await database.close()
    }

    /// A new empty temporary folder.
    public static func temporaryDirectory() throws -> String {
        let path = (NSTemporaryDirectory() as NSString).appendingPathComponent("optima-test-\(UUID().uuidString)")
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }
}
