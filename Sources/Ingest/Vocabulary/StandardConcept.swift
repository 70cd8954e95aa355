/// A standard concept a source code maps to: what the importer needs to choose the CDM table (domain)
/// and to count cancers (malignancy) without asking the database again.
public struct StandardConcept: Sendable, Hashable {
    public let conceptID: Int64
    public let domainID: String
    public let vocabularyID: String
    public let conceptClassID: String
    /// Whether concept_ancestor places it under 443392 Malignant neoplastic disease (ConceptID.Cancer.malignantNeoplasticDisease).
    public let isMalignancy: Bool

    public init(conceptID: Int64, domainID: String, vocabularyID: String, conceptClassID: String, isMalignancy: Bool) {
        self.conceptID = conceptID
        self.domainID = domainID
        self.vocabularyID = vocabularyID
        self.conceptClassID = conceptClassID
        self.isMalignancy = isMalignancy
    }
}
