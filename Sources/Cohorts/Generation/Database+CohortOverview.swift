import CDMStore
import Foundation
import OMOP

extension Database {
    /// Generates a stored definition, as `generateCohort(_:cohortID:)` does, and records when, as WebAPI's
    /// `cohort_generation_info` does: the cohort table says who is in a cohort, not since when.
    public func generateCohort(_ definition: StoredCohortDefinition) async throws -> CohortGeneration {
        let generation = try await generateCohort(try definition.expression(), cohortID: definition.id)
        try await createCohortGenerationTable()
        let now = CDMDateTime(secondsSinceEpoch: Int(Date().timeIntervalSince1970))
        try await transaction([
            SQLStatement("DELETE FROM optima_cohort_generation WHERE cohort_definition_id = ?", [.integer(definition.id)]),
            SQLStatement("INSERT INTO optima_cohort_generation (cohort_definition_id, generated_at, milliseconds) VALUES (?, ?, ?)",
                         [.integer(definition.id), .datetime(now), .integer(Int64(generation.seconds * 1000))]),
        ])
        return generation
    }

    /// Every stored definition with its size and generation time, in one query, by id.
    public func cohortOverview() async throws -> [CohortOverview] {
        try await createCohortTables()
        try await createCohortGenerationTable()
        return try await query("""
            SELECT d.cohort_definition_id, d.cohort_definition_name, d.cohort_definition_description,
              CASE WHEN s.final_count IS NULL THEN 0 ELSE 1 END AS generated, COALESCE(c.persons, 0) AS persons, g.generated_at
            FROM cohort_definition d
            LEFT JOIN cohort_summary_stats s ON s.cohort_definition_id = d.cohort_definition_id AND s.mode_id = 1
            LEFT JOIN (SELECT cohort_definition_id, COUNT(DISTINCT subject_id) AS persons FROM cohort GROUP BY cohort_definition_id) c
              ON c.cohort_definition_id = d.cohort_definition_id
            LEFT JOIN optima_cohort_generation g ON g.cohort_definition_id = d.cohort_definition_id
            ORDER BY d.cohort_definition_id
            """).map { row in
            let generated = row["generated"].integerValue == 1
            return CohortOverview(id: row["cohort_definition_id"].integerValue ?? 0, name: row["cohort_definition_name"].textValue ?? "",
                                  description: row["cohort_definition_description"].textValue,
                                  persons: generated ? Int(row["persons"].integerValue ?? 0) : nil,
                                  generatedAt: row["generated_at"].datetimeValue)
        }
    }

    /// When a cohort was last generated through `generateCohort(_:)`, or nil.
    public func cohortGeneratedAt(id: Int64) async throws -> CDMDateTime? {
        try await createCohortGenerationTable()
        return try await query("SELECT generated_at FROM optima_cohort_generation WHERE cohort_definition_id = ?", [.integer(id)])
            .first?["generated_at"].datetimeValue
    }

    /// `optima_cohort_generation`, Optima's own table, made on demand as the cohort tables are.
    func createCohortGenerationTable() async throws {
        try await transaction([
            SQLStatement("""
                CREATE TABLE IF NOT EXISTS optima_cohort_generation (
                  cohort_definition_id INTEGER NOT NULL,
                  generated_at \(dialect.columnType(.datetime)) NOT NULL,
                  milliseconds INTEGER NOT NULL
                )
                """),
            SQLStatement("CREATE UNIQUE INDEX IF NOT EXISTS xpk_optima_cohort_generation ON optima_cohort_generation (cohort_definition_id)"),
        ])
    }
}
