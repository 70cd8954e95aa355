/// What the vocabulary says about one source code: its own concept (for `*_source_concept_id`) and the
/// standard concepts it maps to (for `*_concept_id`; one row per target).
public struct ConceptMapping: Sendable, Hashable {
    /// The vocabulary the code was looked up in; nil when the system URI is unknown.
    public let vocabularyID: String?
    /// The concept with that vocabulary_id and concept_code (standard or not); 0 when absent.
    public let sourceConceptID: Int64
    /// 'Maps to' targets (valid, standard); a standard concept with no 'Maps to' row maps to itself; empty = unmapped.
    public let targets: [StandardConcept]

    public var isMapped: Bool { !targets.isEmpty }

    public init(vocabularyID: String?, sourceConceptID: Int64, targets: [StandardConcept]) {
        self.vocabularyID = vocabularyID
        self.sourceConceptID = sourceConceptID
        self.targets = targets
    }

    /// A code the vocabulary does not know (or whose system is unknown): concept 0, no targets.
    static func unmapped(_ vocabularyID: String?) -> ConceptMapping {
        ConceptMapping(vocabularyID: vocabularyID, sourceConceptID: 0, targets: [])
    }
}
