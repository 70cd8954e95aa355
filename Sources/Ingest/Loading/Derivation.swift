import CDMStore
import OMOP

/// What an import derives after its resources are loaded, each step one transaction over this import's
/// rows (keys at or above the import's first key): visits merged by ETL-Synthea's rules, observation
/// periods from all of a person's activity, cancer modifiers linked to their diagnosis, cancer episodes.
struct Derivation {
    let database: any Database
    let ids: IDAllocator

    /// The clinical tables that point at visits.
    static let visitTables = ["condition_occurrence", "procedure_occurrence", "drug_exposure", "device_exposure", "measurement", "observation"]

    /// Merges this import's encounters into visits; every encounter stays as a `visit_detail`. Returns the
    /// number of encounters folded into another's visit.
    func mergeVisits() async throws -> Int {
        let first = ids.firstID("visit_occurrence")
        let range = try await database.query("SELECT MIN(person_id) AS low, MAX(person_id) AS high FROM visit_occurrence WHERE visit_occurrence_id >= ?",
                                             [.integer(first)])
        guard let low = range.first?["low"].integerValue, let high = range.first?["high"].integerValue else { return 0 }
        var merged = 0
        // A window of persons at a time: memory holds one window's encounters, whatever the import's size.
        for start in stride(from: low, through: high, by: Self.personWindow) {
            let rows = try await assignVisits(from: first, persons: start..<(start + Int64(Self.personWindow)))
            merged += rows.count { $0[0] != $0[1] }
            if !rows.isEmpty { _ = try await database.load([.rows(WorkTables.visitMerge, rows)], progress: nil) }
        }
        let moved = "SELECT old_id FROM optima_fhir_visit_merge WHERE old_id <> new_id"
        var statements: [SQLStatement] = [SQLStatement("""
            INSERT INTO visit_detail (visit_detail_id, person_id, visit_detail_concept_id, visit_detail_start_date, visit_detail_start_datetime,
                visit_detail_end_date, visit_detail_end_datetime, visit_detail_type_concept_id, visit_detail_source_value, visit_occurrence_id)
            SELECT v.visit_occurrence_id, v.person_id, v.visit_concept_id, v.visit_start_date, v.visit_start_datetime, v.visit_end_date,
                v.visit_end_datetime, v.visit_type_concept_id, v.visit_source_value, m.new_id
            FROM visit_occurrence v JOIN optima_fhir_visit_merge m ON m.old_id = v.visit_occurrence_id
            """)]
        for table in Self.visitTables {
            statements.append(SQLStatement("""
                UPDATE \(table) SET visit_occurrence_id = (SELECT m.new_id FROM optima_fhir_visit_merge m WHERE m.old_id = \(table).visit_occurrence_id)
                WHERE visit_occurrence_id IN (\(moved))
                """))
        }
        statements += [
            SQLStatement("""
                UPDATE visit_occurrence SET
                    visit_start_date = (SELECT m.start_date FROM optima_fhir_visit_merge m WHERE m.old_id = visit_occurrence.visit_occurrence_id),
                    visit_start_datetime = (SELECT m.start_datetime FROM optima_fhir_visit_merge m WHERE m.old_id = visit_occurrence.visit_occurrence_id),
                    visit_end_date = (SELECT m.end_date FROM optima_fhir_visit_merge m WHERE m.old_id = visit_occurrence.visit_occurrence_id),
                    visit_end_datetime = (SELECT m.end_datetime FROM optima_fhir_visit_merge m WHERE m.old_id = visit_occurrence.visit_occurrence_id)
                WHERE visit_occurrence_id IN (SELECT new_id FROM optima_fhir_visit_merge WHERE old_id <> new_id)
                """),
            SQLStatement("DELETE FROM visit_occurrence WHERE visit_occurrence_id IN (\(moved))"),
        ]
        try await database.transaction(statements)
        return merged
    }

    static let personWindow = 20_000

    /// The merge table's rows (encounter, its visit, the visit's span) for this import's encounters of some persons.
    private func assignVisits(from first: Int64, persons: Range<Int64>) async throws -> [[SQLValue]] {
        var rows: [[SQLValue]] = []
        var person: Int64 = -1
        var encounters: [VisitMerge.Encounter] = []
        func flush() {
            for assignment in VisitMerge.assign(encounters) {
                rows.append([.integer(assignment.encounter), .integer(assignment.visit), .date(assignment.start),
                             assignment.startTime.map(SQLValue.datetime) ?? .null, .date(assignment.end), assignment.endTime.map(SQLValue.datetime) ?? .null])
            }
            encounters.removeAll(keepingCapacity: true)
        }
        try await database.forEachRow("""
            SELECT visit_occurrence_id, person_id, visit_concept_id, visit_start_date, visit_start_datetime, visit_end_date, visit_end_datetime
            FROM visit_occurrence WHERE visit_occurrence_id >= ? AND person_id >= ? AND person_id < ? ORDER BY person_id
            """, [.integer(first), .integer(persons.lowerBound), .integer(persons.upperBound)]) { row in
            guard let id = row["visit_occurrence_id"].integerValue, let owner = row["person_id"].integerValue,
                  let start = row["visit_start_date"].dateValue, let end = row["visit_end_date"].dateValue else { return }
            if owner != person { flush(); person = owner }
            encounters.append(.init(id: id, concept: row["visit_concept_id"].integerValue ?? 0, start: start, end: end,
                                    startTime: row["visit_start_datetime"].datetimeValue, endTime: row["visit_end_datetime"].datetimeValue))
        }
        flush()
        return rows
    }

    /// One observation period per touched person, from the first to the last date of any of their
    /// events (visits, conditions, drugs, procedures, devices, measurements, observations), replacing theirs.
    func deriveObservationPeriods() async throws {
        let persons = "SELECT person_id FROM optima_fhir_run_person"
        let spans = [("visit_occurrence", "visit_start_date", "visit_end_date"),
                     ("condition_occurrence", "condition_start_date", "condition_start_date"),
                     ("drug_exposure", "drug_exposure_start_date", "drug_exposure_end_date"),
                     ("procedure_occurrence", "procedure_date", "procedure_date"),
                     ("device_exposure", "device_exposure_start_date", "device_exposure_start_date"),
                     ("measurement", "measurement_date", "measurement_date"),
                     ("observation", "observation_date", "observation_date")]
        let union = spans.map { table, start, end in
            "SELECT person_id, \(start) AS first_date, \(end) AS last_date FROM \(table) WHERE person_id IN (\(persons))"
        }.joined(separator: "\nUNION ALL\n")
        let base = try await database.query("SELECT MAX(observation_period_id) AS m FROM observation_period").first?["m"].integerValue ?? 0
        try await database.transaction([
            SQLStatement("DELETE FROM observation_period WHERE person_id IN (\(persons))"),
            SQLStatement("""
                INSERT INTO observation_period (observation_period_id, person_id, observation_period_start_date, observation_period_end_date, period_type_concept_id)
                SELECT ? + ROW_NUMBER() OVER (ORDER BY person_id), person_id, MIN(first_date), MAX(last_date), ?
                FROM (\(union)) AS events GROUP BY person_id
                """, [.integer(base), .integer(ConceptID.TypeConcept.ehrObservationPeriod)]),
        ])
    }
}
