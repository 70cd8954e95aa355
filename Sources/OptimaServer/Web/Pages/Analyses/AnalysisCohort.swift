import CDMStore
import Cohorts
import Governance

/// A cohort an analysis can use: one with rows in the `cohort` table, under its stored name, with its persons
/// governed as every count on a page is.
struct AnalysisCohort: Sendable {
    let id: Int64
    let name: String
    let persons: SmallCellCount

    /// "Breast cancer (#1, 812 persons)", as the form's choices read.
    var label: String { "\(name) (#\(id), \(persons) persons)" }

    /// Every generated cohort, by id, in one query.
    static func generated(in database: any Database, minimumCount: Int) async throws -> [AnalysisCohort] {
        try await database.createCohortTables()
        let minimum = try await database.effectiveMinimumCellCount(requested: minimumCount)
        return try await database.query("""
            SELECT c.cohort_definition_id AS id, COUNT(DISTINCT c.subject_id) AS persons, MAX(d.cohort_definition_name) AS name
            FROM cohort c LEFT JOIN cohort_definition d ON d.cohort_definition_id = c.cohort_definition_id
            GROUP BY c.cohort_definition_id ORDER BY c.cohort_definition_id
            """).map { row in
            let id = row["id"].integerValue ?? 0
            let name = row["name"].textValue.flatMap { $0.isEmpty ? nil : $0 } ?? "cohort \(id)"
            return AnalysisCohort(id: id, name: name, persons: SmallCellCount(Int(row["persons"].integerValue ?? 0), minimum: minimum))
        }
    }
}
