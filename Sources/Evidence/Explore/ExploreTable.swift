/// A clinical table Explore searches, chosen by the concept's domain: where its concept, start date and values are.
struct ExploreTable: Sendable, Hashable {
    let name: String
    let conceptColumn: String
    let dateColumn: String
    /// Measurement and observation rows carry `value_as_number` and `value_as_concept_id`; others have no value.
    let hasValues: Bool

    static let all: [ExploreTable] = [
        ExploreTable(name: "condition_occurrence", conceptColumn: "condition_concept_id", dateColumn: "condition_start_date", hasValues: false),
        ExploreTable(name: "drug_exposure", conceptColumn: "drug_concept_id", dateColumn: "drug_exposure_start_date", hasValues: false),
        ExploreTable(name: "procedure_occurrence", conceptColumn: "procedure_concept_id", dateColumn: "procedure_date", hasValues: false),
        ExploreTable(name: "measurement", conceptColumn: "measurement_concept_id", dateColumn: "measurement_date", hasValues: true),
        ExploreTable(name: "observation", conceptColumn: "observation_concept_id", dateColumn: "observation_date", hasValues: true),
        ExploreTable(name: "device_exposure", conceptColumn: "device_concept_id", dateColumn: "device_exposure_start_date", hasValues: false),
        ExploreTable(name: "visit_occurrence", conceptColumn: "visit_concept_id", dateColumn: "visit_start_date", hasValues: false),
    ]

    /// The table of a concept's domain (`concept.domain_id`); nil for domains with no such table (Death, Meas Value,
    /// Unit, ...): their concepts match no observation. Cancer modifiers (Measurement domain) are measurements.
    static func forDomain(_ domain: String) -> ExploreTable? {
        switch domain {
        case "Condition", "Condition/Meas", "Condition/Device": all[0]
        case "Drug": all[1]
        case "Procedure": all[2]
        case "Measurement", "Meas/Procedure": all[3]
        case "Observation": all[4]
        case "Device": all[5]
        case "Visit": all[6]
        default: nil
        }
    }

    /// The indexes live counts need beyond the CDM's: a leaf reads the person ids of a concept's rows (filtered by
    /// date or value) from the index alone instead of visiting each row (seconds on a million persons' measurements).
    /// The number comes before the value concept, so `PSA > 10` seeks its range. Visits are left out: their few
    /// concepts (inpatient, outpatient) are rarely a criterion and the table is the largest after measurements.
    static var indexes: [(name: String, table: String, columns: [String])] {
        all.filter { $0.name != "visit_occurrence" }.map { table in
            var columns = [table.conceptColumn]
            if table.hasValues { columns += ["value_as_number", "value_as_concept_id"] }
            columns += [table.dateColumn, "person_id"]
            return ("idx_explore_\(table.name)", table.name, columns)
        }
    }
}
