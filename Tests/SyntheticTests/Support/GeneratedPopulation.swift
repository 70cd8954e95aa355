import CDMStore
import CDMTestSupport
import Foundation
import Synthetic

/// Generated populations the tests share: generating is the slow part, checking is fast.
enum GeneratedPopulation {
    /// 20,000 persons, seed 42, in a SQLite file: for plausibility and marginal distributions.
    static let marginals = Task { try await generate(persons: 20_000, seed: 42) }

    /// Generates into a new database on a backend and returns its URL (a PostgreSQL schema stays until
    /// the server's test database is dropped by the test command).
    static func generate(persons: Int, seed: UInt64, cancerFraction: Double = GenerationSettings.defaultCancerFraction,
                         backend: TestDatabases.Backend = .sqlite) async throws -> String {
        let url = try TestDatabases.makeLocation(backend)
        let db = try await DatabaseLocation(parsing: url).open()
        let settings = GenerationSettings(persons: persons, seed: seed, cancerFraction: cancerFraction)
        do {
            _ = try await db.generatePopulation(settings, site: .single, persons: 0..<persons)
            // The checks look up modifiers by the record they modify; OHDSI's standard indices have no such index.
            try await db.execute("CREATE INDEX test_measurement_event ON measurement (measurement_event_id)")
            try await db.close()
        } catch {
            try? await db.close()
            throw error
        }
        return url
    }

    /// Opens a generated database, runs `body`, closes it.
    static func with<T>(_ url: String, _ body: (any Database) async throws -> T) async throws -> T {
        let db = try await DatabaseLocation(parsing: url).open()
        do {
            let result = try await body(db)
            try await db.close()
            return result
        } catch {
            try? await db.close()
            throw error
        }
    }

    /// The tables the generator writes, with their ordering key.
    static let tables: [(name: String, key: String)] = [
        ("person", "person_id"), ("observation_period", "observation_period_id"), ("visit_occurrence", "visit_occurrence_id"),
        ("condition_occurrence", "condition_occurrence_id"), ("procedure_occurrence", "procedure_occurrence_id"),
        ("drug_exposure", "drug_exposure_id"), ("measurement", "measurement_id"), ("episode", "episode_id"),
        ("episode_event", "episode_id, event_id, episode_event_field_concept_id"), ("death", "person_id"),
        ("concept", "concept_id"), ("concept_ancestor", "ancestor_concept_id, descendant_concept_id"),
        ("concept_relationship", "concept_id_1, concept_id_2, relationship_id"), ("cdm_source", "cdm_source_name"),
    ]
}

extension Database {
    /// One integer from a query of one row and one column.
    func count(_ sql: String) async throws -> Int {
        guard let row = try await query(sql).first, let value = row.values.first?.integerValue else {
            throw TestSetupError("no number from \(sql)")
        }
        return Int(value)
    }

    /// One number from a query of one row and one column.
    func number(_ sql: String) async throws -> Double {
        guard let row = try await query(sql).first, let value = row.values.first else { throw TestSetupError("no number from \(sql)") }
        switch value {
        case .integer(let integer): return Double(integer)
        case .double(let double): return double
        case .text(let text): if let double = Double(text) { return double }
        default: break
        }
        throw TestSetupError("\(value) from \(sql) is not a number")
    }

    /// A checksum of a table's rows in key order, the same for equal rows on either backend.
    func checksum(_ table: String, orderedBy key: String) async throws -> (rows: Int, hash: UInt64) {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        var rows = 0
        try await forEachRow("SELECT * FROM \(table) ORDER BY \(key)", []) { row in
            rows += 1
            for value in row.values {
                for byte in Self.canonical(value).utf8 + [0x1F] {
                    hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3
                }
            }
        }
        return (rows, hash)
    }

    /// A value as text that does not depend on how a backend stores it (REAL vs NUMERIC, text vs date).
    private static func canonical(_ value: SQLValue) -> String {
        switch value {
        case .null: return "∅"
        case .integer(let integer): return String(integer)
        case .double(let double): return String(format: "%.4f", double)
        case .text(let text):
            if text.contains("."), let double = Double(text) { return String(format: "%.4f", double) }
            return text.replacingOccurrences(of: "T", with: " ")
        case .date(let date): return date.description
        case .datetime(let datetime): return datetime.description.replacingOccurrences(of: "T", with: " ")
        }
    }
}
