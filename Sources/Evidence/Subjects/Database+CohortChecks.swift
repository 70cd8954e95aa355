import CDMStore
import Cohorts

extension Database {
    /// Refuses a cohort id that has no rows, so an analysis never reports on a cohort that was not generated.
    func requireGeneratedCohort(_ cohortID: Int64, role: String) async throws {
        try await createCohortTables()
        let rows = try await query("SELECT COUNT(*) AS n FROM cohort WHERE cohort_definition_id = ?", [.integer(cohortID)])
        guard (rows.first?["n"].integerValue ?? 0) > 0 else {
            throw EvidenceError("\(role) cohort \(cohortID) has no rows: generate it first (optima cohort generate DEF.json --cohort-id \(cohortID))")
        }
    }

    /// The name a cohort was stored under, or "cohort N" when it was generated without a stored definition.
    func cohortName(_ cohortID: Int64) async throws -> String {
        let rows = try await query("SELECT cohort_definition_name FROM cohort_definition WHERE cohort_definition_id = ?", [.integer(cohortID)])
        return rows.first?["cohort_definition_name"].textValue.flatMap { $0.isEmpty ? nil : $0 } ?? "cohort \(cohortID)"
    }
}
