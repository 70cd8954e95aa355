import CDMStore

/// Resolves FHIR codings against the vocabulary in the store, with a cache. Prefetch the distinct codes
/// of a batch first (one query per 500 codes), then ask for each coding from the dictionary. Used from
/// one task at a time.
public final class ConceptLookup {
    let database: any Database
    private var cache: [SourceCode: ConceptMapping] = [:]
    /// Codes per IN list: far below any backend's bind limit, large enough for few round trips.
    static let chunkSize = 500
    /// The vocabulary_id reported for `CodeSystem.omopConcept` codes the store does not hold.
    static let noVocabulary = "None"

    public init(database: any Database) {
        self.database = database
    }

    /// Loads the mappings of the codes not yet cached, in chunks (IN lists of <= 500 codes per vocabulary).
    public func prefetch(_ codes: some Sequence<SourceCode>) async throws {
        var byVocabulary: [String: [String: [SourceCode]]] = [:]
        var byConceptID: [Int64: [SourceCode]] = [:]
        for code in codes where cache[code] == nil {
            if CodeSystem.isOMOPConcept(code.system) {
                if let id = Int64(code.code) {
                    byConceptID[id, default: []].append(code)
                } else {
                    cache[code] = .unmapped(Self.noVocabulary)
                }
            } else if let vocabulary = CodeSystem.vocabularyID(of: code.system) {
                byVocabulary[vocabulary, default: [:]][code.code, default: []].append(code)
            } else {
                cache[code] = .unmapped(nil)
            }
        }
        for (vocabulary, codes) in byVocabulary.sorted(by: { $0.key < $1.key }) {
            for chunk in codes.keys.sorted().inChunks(of: Self.chunkSize) {
                let found = try await mappings(vocabulary: vocabulary, codes: chunk)
                for code in chunk {
                    let mapping = found[code] ?? .unmapped(vocabulary)
                    for source in codes[code] ?? [] { cache[source] = mapping }
                }
            }
        }
        for chunk in byConceptID.keys.sorted().inChunks(of: Self.chunkSize) {
            let found = try await mappings(conceptIDs: chunk)
            for id in chunk {
                let mapping = found[id] ?? .unmapped(Self.noVocabulary)
                for source in byConceptID[id] ?? [] { cache[source] = mapping }
            }
        }
    }

    /// The mapping of a code; after `prefetch`. A code that was not prefetched is a programming error.
    /// Codes of an unknown system map to `ConceptMapping(vocabularyID: nil, sourceConceptID: 0, targets: [])` with no query.
    public func mapping(_ code: SourceCode) -> ConceptMapping {
        if let mapping = cache[code] { return mapping }
        if !CodeSystem.isOMOPConcept(code.system) && CodeSystem.vocabularyID(of: code.system) == nil {
            return .unmapped(nil)
        }
        preconditionFailure("ConceptLookup.mapping(\(code.system)|\(code.code)) before prefetch of that code")
    }

    /// The vocabulary release in the store (vocabulary.vocabulary_version of vocabulary_id 'None'), for the mapping report.
    public func vocabularyVersion() async throws -> String? {
        try await database.query("SELECT vocabulary_version FROM vocabulary WHERE vocabulary_id = ?", [.text("None")])
            .first?["vocabulary_version"].textValue
    }
}

extension Array {
    /// Consecutive slices of at most `size` elements.
    func inChunks(of size: Int) -> [[Element]] {
        stride(from: 0, to: count, by: size).map { Array(self[$0..<Swift.min($0 + size, count)]) }
    }
}
