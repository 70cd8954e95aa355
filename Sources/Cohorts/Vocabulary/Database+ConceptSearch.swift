import CDMStore

extension Database {
    /// Concepts matching a search, best first: the concept with that id, concepts with that code, names
    /// equal to the text, names starting with it, then names containing every word; within each, shorter
    /// names first. Each step reads an index (the primary key, `idx_concept_code`, `idx_concept_name_lower`)
    /// and the last, a scan, runs only when the others leave the limit unfilled.
    public func searchConcepts(_ search: ConceptSearch) async throws -> [ConceptMatch] {
        guard (1...ConceptSearch.maximumLimit).contains(search.limit) else {
            throw ConceptInputError(field: "limit", reason: "must be between 1 and \(ConceptSearch.maximumLimit) (got \(search.limit))")
        }
        let words = search.words
        guard !words.isEmpty else { return [] }
        guard search.text.count <= 255 else {
            throw ConceptInputError(field: "q", reason: "at most 255 characters (got \(search.text.count))")
        }
        try await createConceptSearchIndex()
        var filters = ConceptSearchSQL(search: search, dialect: dialect, limit: search.limit)
        var matches: [ConceptMatch] = []
        var seen: Set<Int64> = []
        func add(_ sql: (String, [SQLValue]), _ kind: (ConceptSummary) -> ConceptMatch.Kind) async throws {
            defer { filters.limit = search.limit + matches.count }
            for row in try await query(sql.0, sql.1) {
                guard let concept = ConceptSummary(row: row), seen.insert(concept.id).inserted else { continue }
                matches.append(ConceptMatch(concept: concept, kind: kind(concept)))
            }
        }
        if let id = search.conceptID { try await add(filters.byID(id)) { _ in .conceptID } }
        try await add(filters.byCode()) { _ in .code }
        let phrase = words.joined(separator: " ")
        try await add(filters.byNamePrefix(phrase)) { $0.name.lowercased() == phrase ? .nameEqual : .namePrefix }
        if matches.count < search.limit {
            try await add(filters.byNameWords(words, notPrefix: phrase)) { _ in .nameContains }
        }
        func rank(_ match: ConceptMatch) -> (Int, Int, Int64) {
            (match.kind.rawValue, match.concept.name.unicodeScalars.count, match.concept.id)
        }
        return Array(matches.sorted { rank($0) < rank($1) }.prefix(search.limit))
    }

    /// The index that makes name search by prefix fast on a full Athena `concept` table. It is an
    /// expression index, which the CDM index list (plain columns) cannot describe, so it is made here
    /// on first use; a database that refuses (read-only) is searched without it.
    func createConceptSearchIndex() async throws {
        guard try await indexes(of: "concept")[ConceptSearchSQL.nameIndex] == nil else { return }
        let expression = dialect == .postgresql ? "lower(concept_name) text_pattern_ops" : "lower(concept_name)"
        try? await execute("CREATE INDEX IF NOT EXISTS \(ConceptSearchSQL.nameIndex) ON concept (\(expression))")
    }
}
