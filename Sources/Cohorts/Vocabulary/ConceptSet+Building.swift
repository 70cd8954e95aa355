extension Concept {
    /// A concept as Circe embeds it, for expressions built here rather than read from ATLAS.
    public init(id: Int64, name: String? = nil, code: String? = nil, domain: String? = nil, vocabulary: String? = nil,
                conceptClass: String? = nil, standard: String? = nil) {
        self.id = id
        self.name = name
        self.code = code
        self.domain = domain
        self.vocabulary = vocabulary
        self.conceptClass = conceptClass
        self.standard = standard
    }

    /// The concept with the vocabulary's attributes.
    init(_ summary: ConceptSummary) {
        self.init(id: summary.id, name: summary.name, code: summary.code, domain: summary.domain, vocabulary: summary.vocabulary,
                  conceptClass: summary.conceptClass, standard: summary.standardConcept)
    }
}

extension ConceptSet.Item {
    public init(concept: Concept, isExcluded: Bool = false, includeDescendants: Bool = false, includeMapped: Bool = false) {
        self.concept = concept
        self.isExcluded = isExcluded
        self.includeDescendants = includeDescendants
        self.includeMapped = includeMapped
    }
}

extension ConceptSet {
    /// A set as a cohort definition would hold it, so that a saved expression resolves through `resolutionSQL()`.
    init(id: Int, name: String, items: [Item]) {
        self.id = id
        self.name = name
        self.items = items
    }
}
