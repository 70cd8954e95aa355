/// The OMOP rows that FHIR resources became, by logical id, for resolving references: this import's own
/// resources and, after each batch's prefetch, those an earlier import wrote (`FHIRResourceMap`).
///
/// It holds only the resources others point to (patients, encounters, conditions, procedures, medications), a few
/// dozen bytes each, so memory grows with the number of patients and encounters, not with file size.
struct ResourceIndex {
    var persons: [String: Int64] = [:]
    /// Patients erased earlier: their resources are skipped, not rejected.
    var erasedPatients: Set<String> = []
    var visits: [String: (visit: Int64, detail: Int64)] = [:]
    /// Conditions written as `condition_occurrence` rows (a condition routed to `observation` is no diagnosis to link to).
    var conditions: [String: Int64] = [:]
    /// Staging Observations an mCODE Condition lists in `stage.assessment`, until they are read: the diagnosis they describe.
    var assessments: [String: Int64] = [:]
    /// Procedures, for the `focus` of a modifier that describes a surgery's specimen.
    var procedures: [String: Int64] = [:]
    /// Medication resources' codings, for `medicationReference`.
    var medications: [String: [Coding]] = [:]
}
