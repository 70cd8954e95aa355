import Governance

/// A patient set saved from Explore as a generated cohort (tranSMART's patient set, i2b2's result instance).
public struct SavedExploreCohort: Sendable, Encodable, Equatable {
    /// The `cohort_definition_id`: what `{"type": "patient_set", "patientSetId": id}` and the cohort pages use.
    public let id: Int64
    public let name: String
    public let patientCount: SmallCellCount

    public init(id: Int64, name: String, patientCount: SmallCellCount) {
        self.id = id
        self.name = name
        self.patientCount = patientCount
    }
}
