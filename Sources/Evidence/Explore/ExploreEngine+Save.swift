import CDMStore
import Cohorts
import Foundation
import Governance
import OMOP

/// Saving a query's patients as a cohort the cohort pages and analyses read like a generated Circe cohort.
extension ExploreEngine {
    /// Writes the definition (a Circe expression without entry events that carries the constraint under
    /// `ExploreConstraint`), one `cohort` row per person and the summary statistics, in one transaction. A person's
    /// row starts at their earliest observation matching the first criterion that is not negated (the entry event),
    /// or at their first observation period when that criterion is not theirs (an `or`, or no observation-level
    /// criterion), and ends with the observation period holding the start (else on the start). A person with neither
    /// has no date to enter on and is left out.
    public func saveCohort(name: String, constraint: ExploreConstraint) async throws -> SavedExploreCohort {
        let name = name.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !name.isEmpty else { throw EvidenceError("Cohort name: must not be empty") }
        try await database.createCohortTables()
        let (set, minimum) = try await patients(constraint)
        var starts: [Int64: CDMDate] = [:]
        if let entry = Self.entryCriterion(constraint) {
            for (table, predicate) in try await predicates(entry, path: "") {
                let (sql, binds) = predicate.rendered
                try await database.forEachRow("""
                    SELECT person_id, MIN(\(table.dateColumn)) AS start_date FROM \(database.dialect.quote(table.name))
                    WHERE \(sql) GROUP BY person_id
                    """, binds) { row in
                    guard let person = row[0].integerValue, let date = row[1].dateValue, set.contains(person) else { return }
                    starts[person] = min(date, starts[person] ?? date)
                }
            }
        }
        var periods: [Int64: [(CDMDate, CDMDate)]] = [:]
        try await database.forEachRow("SELECT person_id, observation_period_start_date, observation_period_end_date FROM observation_period", []) { row in
            guard let person = row[0].integerValue, set.contains(person), let start = row[1].dateValue, let end = row[2].dateValue else { return }
            periods[person, default: []].append((start, end))
        }
        var rows: [(Int64, CDMDate, CDMDate)] = []
        for person in set.ids {
            let personPeriods = (periods[person] ?? []).sorted { $0.0 < $1.0 }
            guard let start = starts[person] ?? personPeriods.first?.0 else { continue }
            let end = personPeriods.first { $0.0 <= start && start <= $0.1 }?.1 ?? start
            rows.append((person, start, end))
        }
        let id = (try await database.query("SELECT MAX(cohort_definition_id) AS id FROM cohort_definition").first?[0].integerValue ?? 0) + 1
        try await database.transaction(try Self.saveStatements(id: id, name: name, constraint: constraint, rows: rows))
        await cache.store("patient_set:\(id):\(rows.count)", PatientSet(sorted: rows.map(\.0)))
        return SavedExploreCohort(id: id, name: name, patientCount: SmallCellCount(rows.count, minimum: minimum))
    }

    /// The criterion whose observations are the entry events: the first observation-level part not under a negation.
    static func entryCriterion(_ constraint: ExploreConstraint) -> ExploreConstraint? {
        switch constraint {
        case .concept, .value, .time:
            return constraint
        case .subselection(let inner):
            return entryCriterion(inner)
        case .and:
            if level(constraint) == .observation { return constraint }
            let args = flatten(constraint, path: "").map(\.0)
            let observation = args.filter { level($0) == .observation }
            if !observation.isEmpty { return observation.count == 1 ? observation[0] : .and(observation) }
            return args.lazy.compactMap { entryCriterion($0) }.first
        case .or(let args):
            if level(constraint) == .observation { return constraint }
            return args.lazy.compactMap { entryCriterion($0) }.first
        case .all, .field, .patientSet, .negation:
            return nil
        }
    }

    private static func saveStatements(id: Int64, name: String, constraint: ExploreConstraint,
                                       rows: [(Int64, CDMDate, CDMDate)]) throws -> [SQLStatement] {
        var statements = ["cohort", "cohort_inclusion", "cohort_inclusion_result", "cohort_inclusion_stats", "cohort_summary_stats",
                          "cohort_censor_stats"].map { SQLStatement("DELETE FROM \($0) WHERE cohort_definition_id = ?", [.integer(id)]) }
        statements.append(SQLStatement("""
            INSERT INTO cohort_definition (cohort_definition_id, cohort_definition_name, cohort_definition_description,
              definition_type_concept_id, cohort_definition_syntax, subject_concept_id)
            VALUES (?, ?, ?, 0, ?, 0)
            """, [.integer(id), .text(name),
                  .text("Patient set saved from Explore: \(constraint.canonicalJSON)"),
                  .text(String(decoding: try JSONEncoder().encode(SavedDefinition(title: name, constraint: constraint)), as: UTF8.self))]))
        for batch in stride(from: 0, to: rows.count, by: 1_000) {
            let part = rows[batch..<min(batch + 1_000, rows.count)]
            statements.append(SQLStatement(
                "INSERT INTO cohort (cohort_definition_id, subject_id, cohort_start_date, cohort_end_date) VALUES "
                    + part.map { _ in "(?, ?, ?, ?)" }.joined(separator: ", "),
                part.flatMap { [SQLValue.integer(id), .integer($0.0), .date($0.1), .date($0.2)] }))
        }
        for mode in [0, 1] {
            statements.append(SQLStatement("INSERT INTO cohort_summary_stats (cohort_definition_id, mode_id, base_count, final_count) VALUES (?, ?, ?, ?)",
                                           [.integer(id), .integer(Int64(mode)), .integer(Int64(rows.count)), .integer(Int64(rows.count))]))
        }
        return statements
    }

    /// The stored definition: Circe readers see a cohort without entry events or rules; Explore reads its constraint.
    private struct SavedDefinition: Encodable {
        let title: String
        let constraint: ExploreConstraint

        enum CodingKeys: String, CodingKey {
            case title = "Title", conceptSets = "ConceptSets", primaryCriteria = "PrimaryCriteria", inclusionRules = "InclusionRules"
            case constraint = "ExploreConstraint"
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(title, forKey: .title)
            try container.encode([String](), forKey: .conceptSets)
            try container.encode(["CriteriaList": [String]()], forKey: .primaryCriteria)
            try container.encode([String](), forKey: .inclusionRules)
            try container.encode(constraint, forKey: .constraint)
        }
    }
}
