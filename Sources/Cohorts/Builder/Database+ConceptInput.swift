import CDMStore

extension Database {
    /// The concepts a person typed: concept ids or codes, separated by commas, semicolons or white space, in
    /// the order given. A number is a concept id when the vocabulary has that id, else a code; a code shared
    /// by several vocabularies picks the standard concept. One query; anything unknown is an error naming
    /// `field` and every token not found.
    public func concepts(typed input: String, field: String) async throws -> [ConceptSummary] {
        let tokens = input.split(whereSeparator: { $0 == "," || $0 == ";" || $0.isWhitespace }).map(String.init)
        guard !tokens.isEmpty else { throw ConceptInputError(field: field, reason: "enter at least one concept id or code") }
        guard tokens.count <= 1000 else { throw ConceptInputError(field: field, reason: "at most 1000 concepts (got \(tokens.count))") }
        let ids = tokens.compactMap { Int64($0) }
        var conditions: [String] = []
        if !ids.isEmpty { conditions.append("c.concept_id IN (\(Set(ids).sorted().map(String.init).joined(separator: ", ")))") }
        conditions.append("c.concept_code IN (\(tokens.map { _ in "?" }.joined(separator: ", ")))")
        let rows = try await query("SELECT \(ConceptSummary.columns("c")) FROM concept c WHERE \(conditions.joined(separator: " OR "))",
                                   tokens.map(SQLValue.text))
        let found = rows.compactMap(ConceptSummary.init(row:))
        let byID = Dictionary(found.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let byCode = Dictionary(grouping: found, by: \.code).mapValues { matches in
            matches.sorted { ($0.isStandard ? 0 : 1, $0.id) < ($1.isStandard ? 0 : 1, $1.id) }[0]
        }
        var concepts: [ConceptSummary] = []
        var missing: [String] = []
        for token in tokens {
            guard let concept = Int64(token).flatMap({ byID[$0] }) ?? byCode[token] else {
                missing.append(token)
                continue
            }
            if !concepts.contains(concept) { concepts.append(concept) }
        }
        guard missing.isEmpty else {
            throw ConceptInputError(field: field, reason: "not in this database's vocabulary: \(missing.prefix(10).joined(separator: ", "))"
                                    + (missing.count > 10 ? " and \(missing.count - 10) more" : ""))
        }
        return concepts
    }
}
