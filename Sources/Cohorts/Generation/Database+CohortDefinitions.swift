import CDMStore
import Foundation

extension Database {
    /// Stores a definition under the next free id, after checking that it parses and compiles; returns it.
    public func saveCohortDefinition(name: String, description: String?, json: Data) async throws -> StoredCohortDefinition {
        _ = try CohortCompiler(try CohortExpression.parse(json), cohortID: 0, dialect: dialect).statements()
        try await createCohortTables()
        let id = (try await query("SELECT MAX(cohort_definition_id) AS id FROM cohort_definition").first?["id"].integerValue ?? 0) + 1
        try await storeCohortDefinition(id: id, name: name, description: description, json: json)
        return StoredCohortDefinition(id: id, name: name, description: description, json: json)
    }

    /// Stores a definition under a chosen id, replacing what that id held: how the command line names the
    /// cohorts it generates, so analyses can say "breast cancer" rather than "cohort 1".
    public func storeCohortDefinition(id: Int64, name: String, description: String?, json: Data) async throws {
        try await createCohortTables()
        try await transaction([
            SQLStatement("DELETE FROM cohort_definition WHERE cohort_definition_id = ?", [.integer(id)]),
            SQLStatement("""
                INSERT INTO cohort_definition (cohort_definition_id, cohort_definition_name, cohort_definition_description,
                  definition_type_concept_id, cohort_definition_syntax, subject_concept_id)
                VALUES (?, ?, ?, 0, ?, 0)
                """, [.integer(id), .text(name), description.map(SQLValue.text) ?? .null, .text(String(decoding: json, as: UTF8.self))]),
        ])
    }

    /// A stored definition, or nil when there is none with that id.
    public func cohortDefinition(id: Int64) async throws -> StoredCohortDefinition? {
        try await createCohortTables()
        return try await query("""
            SELECT cohort_definition_name, cohort_definition_description, cohort_definition_syntax
            FROM cohort_definition WHERE cohort_definition_id = ?
            """, [.integer(id)]).first.map { row in
            StoredCohortDefinition(id: id, name: row["cohort_definition_name"].textValue ?? "",
                                   description: row["cohort_definition_description"].textValue,
                                   json: Data((row["cohort_definition_syntax"].textValue ?? "").utf8))
        }
    }

    /// The last generation of a cohort as the results tables hold it, or nil if it was never generated.
    public func cohortGeneration(of definition: StoredCohortDefinition) async throws -> CohortGeneration? {
        let rules = try definition.expression().inclusionRules.map(\.name)
        guard !(try await query("SELECT 1 AS x FROM cohort_summary_stats WHERE cohort_definition_id = ?", [.integer(definition.id)])).isEmpty
        else { return nil }
        return try await cohortGeneration(cohortID: definition.id, rules: rules, seconds: 0)
    }
}
