import OMOP

/// A CDM table the data-quality checks read, with the columns they read there. One query per table computes all
/// of its checks in a single pass (see `QualityTable+SQL`).
struct QualityTable: Sendable {
    let table: String
    /// The date a record happens on: checked against birth, death and observation periods.
    let dateField: String
    /// The standard concept column, checked for records mapped to concept 0.
    let conceptField: String?
    /// Whether records must fall within life (`plausibleDuringLife`) and observation (`withinObservationPeriod`).
    let isClinicalEvent: Bool
    /// Concepts of the male anatomy (`plausibleGender`): only records of persons recorded as female violate it.
    let maleConcepts: [Int64]

    init(_ table: String, date: String, concept: String?, isClinicalEvent: Bool = true, maleConcepts: [Int64] = []) {
        self.table = table
        dateField = date
        conceptField = concept
        self.isClinicalEvent = isClinicalEvent
        self.maleConcepts = maleConcepts
    }

    /// The tables in report order. The male-only lists hold the prostate: its cancer (with its descendants in the
    /// vocabulary), PSA and the prostate-only grading (Gleason, ISUP), prostate biopsy and prostatectomy, as
    /// DataQualityDashboard's concept-level list marks prostate conditions `Male`. Breast cancer has no such list:
    /// it occurs in men too.
    static let all = [
        QualityTable("observation_period", date: "observation_period_start_date", concept: nil, isClinicalEvent: false),
        QualityTable("visit_occurrence", date: "visit_start_date", concept: "visit_concept_id"),
        QualityTable("condition_occurrence", date: "condition_start_date", concept: "condition_concept_id",
                     maleConcepts: [ConceptID.Cancer.malignantTumorOfProstate, ConceptID.Cancer.primaryMalignantNeoplasmOfProstate]),
        QualityTable("drug_exposure", date: "drug_exposure_start_date", concept: "drug_concept_id"),
        QualityTable("procedure_occurrence", date: "procedure_date", concept: "procedure_concept_id",
                     maleConcepts: [ConceptID.Procedure.biopsyOfProstate, ConceptID.Procedure.radicalProstatectomy]),
        QualityTable("measurement", date: "measurement_date", concept: "measurement_concept_id",
                     maleConcepts: [ConceptID.Marker.psa, ConceptID.Marker.gleasonScore, ConceptID.Marker.isupGradeGroup]),
        QualityTable("observation", date: "observation_date", concept: "observation_concept_id"),
        QualityTable("device_exposure", date: "device_exposure_start_date", concept: "device_concept_id"),
        QualityTable("death", date: "death_date", concept: nil, isClinicalEvent: false),
    ]

    /// Days after death a record may still carry, as DataQualityDashboard allows (late claims, registry dates).
    static let daysAfterDeath = 60
}
