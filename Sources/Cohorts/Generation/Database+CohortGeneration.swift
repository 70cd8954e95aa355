import CDMStore
import Governance
import OMOP

extension Database {
    /// Generates a cohort: replaces the `cohort` rows of `cohortID` and its inclusion statistics in one
    /// transaction, so a failure leaves the previous generation in place. Creates the results tables
    /// when missing.
    public func generateCohort(_ expression: CohortExpression, cohortID: Int64) async throws -> CohortGeneration {
        _ = try CohortCompiler(expression, cohortID: cohortID, dialect: dialect).statements()  // refuse before reading
        try await createCohortTables()
        let clock = ContinuousClock()
        let started = clock.now
        let statements = try await compiler(for: expression, cohortID: cohortID).statements()
        try await transaction(statements)
        let seconds = (clock.now - started).seconds
        return try await cohortGeneration(cohortID: cohortID, rules: expression.inclusionRules.map(\.name), seconds: seconds)
    }

    /// The compiler for this database: its dialect, and the definition's concept sets resolved here.
    public func compiler(for expression: CohortExpression, cohortID: Int64) async throws -> CohortCompiler {
        var resolved: [Int: [Int64]] = [:]
        for conceptSet in expression.conceptSets { resolved[conceptSet.id] = try await resolve(conceptSet) }
        return CohortCompiler(expression, cohortID: cohortID, dialect: dialect, resolvedConceptSets: resolved)
    }

    /// A generated cohort's size and attrition, read back from the results tables.
    func cohortGeneration(cohortID: Int64, rules: [String], seconds: Double) async throws -> CohortGeneration {
        let size = try await query("SELECT COUNT(*) AS n, COUNT(DISTINCT subject_id) AS persons FROM cohort WHERE cohort_definition_id = ?",
                                   [.integer(cohortID)]).first
        return CohortGeneration(cohortID: cohortID, rows: Int(size?["n"].integerValue ?? 0),
                                persons: Int(size?["persons"].integerValue ?? 0),
                                byEvent: try await attrition(cohortID: cohortID, mode: 0, rules: rules),
                                byPerson: try await attrition(cohortID: cohortID, mode: 1, rules: rules), seconds: seconds)
    }

    /// The attrition of a generated cohort in one mode, read from the results tables.
    public func attrition(cohortID: Int64, mode: Int, rules: [String]) async throws -> Attrition {
        let summary = try await query("SELECT base_count, final_count FROM cohort_summary_stats WHERE cohort_definition_id = ? AND mode_id = ?",
                                      [.integer(cohortID), .integer(Int64(mode))]).first
        var counts: [Int64: Int] = [:]
        for row in try await query("SELECT inclusion_rule_mask, person_count FROM cohort_inclusion_result WHERE cohort_definition_id = ? AND mode_id = ?",
                                   [.integer(cohortID), .integer(Int64(mode))]) {
            counts[row["inclusion_rule_mask"].integerValue ?? 0, default: 0] += Int(row["person_count"].integerValue ?? 0)
        }
        return Attrition(base: Int(summary?["base_count"].integerValue ?? 0), final: Int(summary?["final_count"].integerValue ?? 0),
                         ruleNames: rules, countsByMask: counts)
    }

    /// `cohort` and the inclusion-statistics tables, when the database lacks them.
    public func createCohortTables() async throws {
        let builder = SchemaBuilder(dialect: dialect)
        let tables = [CDMSchema.v54.table(named: "cohort")].compactMap { $0 } + CDMSchema.cohortResultsTables
        // The opt-out register too: generation and every analysis on a cohort leave objecting persons out.
        try await transaction(tables.map { SQLStatement(builder.createTable($0)) } + [ConsentRegister.createTable(dialect)])
    }
}
