import CDMStore

/// The domains and vocabularies a search may be narrowed to, from the small `domain` and `vocabulary`
/// tables rather than a scan of `concept`.
public struct ConceptSearchChoices: Sendable, Equatable {
    public let domains: [String]
    public let vocabularies: [String]

    public init(domains: [String], vocabularies: [String]) {
        self.domains = domains
        self.vocabularies = vocabularies
    }
}

extension Database {
    public func conceptSearchChoices() async throws -> ConceptSearchChoices {
        func ids(_ sql: String) async throws -> [String] {
            try await query(sql).compactMap { $0[0].textValue }.filter { !$0.isEmpty }.sorted()
        }
        return ConceptSearchChoices(domains: try await ids("SELECT domain_id FROM domain"),
                                    vocabularies: try await ids("SELECT vocabulary_id FROM vocabulary"))
    }
}
