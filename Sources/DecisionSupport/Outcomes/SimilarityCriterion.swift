/// One matching criterion of the similar-patient outcomes, in words: applied with the patient's value, or
/// dropped because the patient's facts do not give it (the result then says so).
public struct SimilarityCriterion: Sendable, Equatable, Encodable {
    /// What is compared: "cancer", "stage group", "ISUP grade group", "ER status", ….
    public let name: String
    /// The criterion as a sentence: "stage group III (Cancer Modifier linked to the diagnosis)", or why it was dropped.
    public let description: String
    public let applied: Bool

    public init(name: String, description: String, applied: Bool) {
        self.name = name
        self.description = description
        self.applied = applied
    }
}
