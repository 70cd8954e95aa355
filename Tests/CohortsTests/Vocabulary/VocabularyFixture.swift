import CDMStore
import CDMTestSupport
import Cohorts
import Synthetic

/// A database holding the vocabulary the synthetic generator loads, and that vocabulary read whole,
/// for recomputing in memory what the vocabulary functions answer in SQL.
enum VocabularyFixture {
    static func with(_ backend: TestDatabases.Backend, _ body: (any Database) async throws -> Void) async throws {
        try await TestDatabases.with(backend) { db, _ in
            _ = try await db.generatePopulation(GenerationSettings(persons: 1, seed: 1), site: .single, persons: 0..<1)
            try await body(db)
        }
    }

    /// Every `concept` row, read with `SELECT *` (empty flags as none).
    static func concepts(_ db: any Database) async throws -> [ConceptSummary] {
        try await db.query("SELECT * FROM concept").map { row in
            func text(_ column: String) -> String? { row[column].textValue.flatMap { $0.isEmpty ? nil : $0 } }
            return ConceptSummary(id: row["concept_id"].integerValue!, name: text("concept_name") ?? "", domain: text("domain_id") ?? "",
                                  vocabulary: text("vocabulary_id") ?? "", conceptClass: text("concept_class_id") ?? "",
                                  code: text("concept_code") ?? "", standardConcept: text("standard_concept"),
                                  invalidReason: text("invalid_reason"))
        }
    }

    /// `concept_ancestor` as (ancestor, descendant) → (min, max) levels.
    static func ancestry(_ db: any Database) async throws -> [Pair: (min: Int, max: Int)] {
        var rows: [Pair: (Int, Int)] = [:]
        for row in try await db.query("SELECT * FROM concept_ancestor") {
            rows[Pair(row["ancestor_concept_id"].integerValue!, row["descendant_concept_id"].integerValue!)] =
                (Int(row["min_levels_of_separation"].integerValue!), Int(row["max_levels_of_separation"].integerValue!))
        }
        return rows
    }

    /// Valid 'Maps to' rows of `concept_relationship` as (source, target).
    static func mapsTo(_ db: any Database) async throws -> [Pair] {
        try await db.query("SELECT * FROM concept_relationship").compactMap { row in
            guard row["relationship_id"].textValue == "Maps to", row["invalid_reason"].isNull else { return nil }
            return Pair(row["concept_id_1"].integerValue!, row["concept_id_2"].integerValue!)
        }
    }

    struct Pair: Hashable {
        let first: Int64, second: Int64
        init(_ first: Int64, _ second: Int64) {
            self.first = first
            self.second = second
        }
    }
}
