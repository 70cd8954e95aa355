import CDMStore
import Foundation
import Governance

/// The models trained across the network, kept in a database by name and version (versions count up from 1 per
/// name; a registered version is never changed). The model itself is stored as its JSON document.
public struct ModelRegistry: Sendable {
    public let database: any Database

    public init(database: any Database) {
        self.database = database
    }

    /// One row of `list()`.
    public struct Entry: Sendable, Equatable {
        public let name: String
        public let version: Int
        public let created: Date
    }

    /// Stores the model as the next version of its name and returns that version.
    @discardableResult
    public func register(_ model: RegisteredModel) async throws -> Int {
        guard !model.name.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw ModelRegistryError("invalid-model", "a registered model needs a name")
        }
        try await createTable()
        // Two registrations of one name at once both read the same maximum; the primary key refuses the second,
        // which then reads again.
        var lastError: (any Error)?
        for _ in 0..<5 {
            let rows = try await database.query("SELECT MAX(version) AS v FROM optima_model_registry WHERE name = ?", [.text(model.name)])
            let version = Int(rows.first?["v"].integerValue ?? 0) + 1
            var stored = model
            stored.version = version
            do {
                try await database.execute("INSERT INTO optima_model_registry (name, version, created_at, model) VALUES (?, ?, ?, ?)",
                                           [.text(model.name), .integer(Int64(version)), .text(GovernanceClock.text(model.created)),
                                            .text(try Self.encode(stored))])
                return version
            } catch {
                lastError = error
            }
        }
        throw ModelRegistryError("registry-write", "model \(model.name): could not be registered (\(lastError.map { "\($0)" } ?? "unknown"))")
    }

    /// The highest version of a name, or nil when none is registered.
    public func latest(name: String) async throws -> RegisteredModel? {
        try await createTable()
        let rows = try await database.query("""
            SELECT version, model FROM optima_model_registry WHERE name = ? ORDER BY version DESC \(database.dialect.limit(1))
            """, [.text(name)])
        return try rows.first.map { try Self.decode($0, name: name) }
    }

    /// One version of a name, or nil.
    public func model(name: String, version: Int) async throws -> RegisteredModel? {
        try await createTable()
        let rows = try await database.query("SELECT version, model FROM optima_model_registry WHERE name = ? AND version = ?",
                                            [.text(name), .integer(Int64(version))])
        return try rows.first.map { try Self.decode($0, name: name) }
    }

    /// Every registered version, by name then version.
    public func list() async throws -> [Entry] {
        try await createTable()
        return try await database.query("SELECT name, version, created_at FROM optima_model_registry ORDER BY name, version").map { row in
            Entry(name: row["name"].textValue ?? "", version: Int(row["version"].integerValue ?? 0),
                  created: GovernanceClock.date(row["created_at"].textValue ?? "") ?? .distantPast)
        }
    }

    /// Every registered version, by name then version.
    public func models() async throws -> [RegisteredModel] {
        try await createTable()
        return try await database.query("SELECT name, version, model FROM optima_model_registry ORDER BY name, version").map { row in
            try Self.decode(row, name: row["name"].textValue ?? "")
        }
    }

    /// The version asked for, or the latest when `version` is nil; throws "unknown-model" naming what was asked and
    /// what the registry holds.
    public func require(name: String, version: Int? = nil) async throws -> RegisteredModel {
        let found = if let version { try await model(name: name, version: version) } else { try await latest(name: name) }
        if let found { return found }
        let entries = try await list()
        let held = entries.filter { $0.name == name }
        let what = "model \(name)" + (version.map { " v\($0)" } ?? "")
        if !held.isEmpty {
            throw ModelRegistryError("unknown-model", "\(what) is not registered (versions: \(held.map { String($0.version) }.joined(separator: ", ")))")
        }
        let names = Array(Set(entries.map(\.name))).sorted()
        throw ModelRegistryError("unknown-model", "\(what) is not registered ("
            + (names.isEmpty ? "the registry holds no model" : "models: " + names.joined(separator: ", ")) + ")")
    }

    /// The risk one subject's values give under the named model (the latest version unless one is asked for).
    public func predict(name: String, version: Int? = nil, values: [String: Double]) async throws -> ModelPrediction {
        let model = try await require(name: name, version: version)
        return ModelPrediction(model: model.name, version: model.version, risk: try model.risk(for: values), card: model.card)
    }

    private func createTable() async throws {
        try await database.execute("""
            CREATE TABLE IF NOT EXISTS optima_model_registry (
              name TEXT NOT NULL, version INTEGER NOT NULL, created_at TEXT NOT NULL, model TEXT NOT NULL,
              PRIMARY KEY (name, version))
            """)
    }

    private static func encode(_ model: RegisteredModel) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        encoder.dateEncodingStrategy = .iso8601
        return String(decoding: try encoder.encode(model), as: UTF8.self)
    }

    private static func decode(_ row: SQLRow, name: String) throws -> RegisteredModel {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        do {
            var model = try decoder.decode(RegisteredModel.self, from: Data((row["model"].textValue ?? "").utf8))
            model.version = Int(row["version"].integerValue ?? 0)
            return model
        } catch {
            throw ModelRegistryError("registry-read", "model \(name) v\(row["version"].integerValue ?? 0): the stored document cannot be read (\(error))")
        }
    }
}
