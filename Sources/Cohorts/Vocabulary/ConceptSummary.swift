/// A concept's attributes as the `concept` table holds them: what a search lists and a concept page shows.
public struct ConceptSummary: Sendable, Equatable, Hashable {
    public let id: Int64
    public let name: String
    public let domain: String
    public let vocabulary: String
    public let conceptClass: String
    public let code: String
    /// `S` (standard), `C` (classification) or nil (non-standard, as the CDM leaves it empty).
    public let standardConcept: String?
    /// `D` (deleted), `U` (upgraded) or nil for a valid concept.
    public let invalidReason: String?

    public init(id: Int64, name: String, domain: String, vocabulary: String, conceptClass: String, code: String,
                standardConcept: String?, invalidReason: String?) {
        self.id = id
        self.name = name
        self.domain = domain
        self.vocabulary = vocabulary
        self.conceptClass = conceptClass
        self.code = code
        self.standardConcept = standardConcept
        self.invalidReason = invalidReason
    }

    public var isStandard: Bool { standardConcept == "S" }
    public var isValid: Bool { invalidReason == nil }
}
