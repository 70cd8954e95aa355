/// A clinical table the data-source summary counts, with the columns it reads there.
struct SummaryDomain: Sendable {
    let table: String
    /// The date a record is counted in, by year.
    let dateColumn: String
    /// The concept column that is ranked, when the table's concepts are ranked.
    let rankedConcept: String?

    /// The tables in report order; conditions, drugs, procedures and measurements get their top concepts.
    static let all = [
        SummaryDomain(table: "condition_occurrence", dateColumn: "condition_start_date", rankedConcept: "condition_concept_id"),
        SummaryDomain(table: "drug_exposure", dateColumn: "drug_exposure_start_date", rankedConcept: "drug_concept_id"),
        SummaryDomain(table: "procedure_occurrence", dateColumn: "procedure_date", rankedConcept: "procedure_concept_id"),
        SummaryDomain(table: "measurement", dateColumn: "measurement_date", rankedConcept: "measurement_concept_id"),
        SummaryDomain(table: "observation", dateColumn: "observation_date", rankedConcept: nil),
        SummaryDomain(table: "visit_occurrence", dateColumn: "visit_start_date", rankedConcept: nil),
        SummaryDomain(table: "death", dateColumn: "death_date", rankedConcept: nil),
        SummaryDomain(table: "device_exposure", dateColumn: "device_exposure_start_date", rankedConcept: nil),
    ]
}
