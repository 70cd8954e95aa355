import CDMStore

extension ConceptSet {
    /// A query for the concept ids of this set, as circe-be resolves it (`ConceptSetExpressionQueryBuilder`):
    /// the listed concepts that exist in `concept` (any validity), the valid descendants of items with
    /// `includeDescendants`, and the source concepts that map ('Maps to', valid) onto items with
    /// `includeMapped` (and onto their descendants when those are included) — less the same for the
    /// excluded items. One column, `concept_id`, distinct. An empty set selects nothing.
    public func resolutionSQL() -> String {
        let included = Self.union(items.filter { !$0.isExcluded })
        let excluded = Self.union(items.filter(\.isExcluded))
        guard let included else { return "SELECT concept_id FROM concept WHERE 1 = 0" }
        guard let excluded else { return "SELECT DISTINCT concept_id FROM (\(included)) i" }
        return """
            SELECT DISTINCT i.concept_id FROM (\(included)) i
            WHERE NOT EXISTS (SELECT 1 FROM (\(excluded)) e WHERE e.concept_id = i.concept_id)
            """
    }

    /// The concepts a group of items stands for; nil for no items.
    private static func union(_ items: [Item]) -> String? {
        guard !items.isEmpty else { return nil }
        func ids(_ items: [Item]) -> String { Set(items.map(\.concept.id)).sorted().map(String.init).joined(separator: ", ") }
        var parts = ["SELECT concept_id FROM concept WHERE concept_id IN (\(ids(items)))"]
        let withDescendants = items.filter(\.includeDescendants)
        let descendants = withDescendants.isEmpty ? nil : """
            SELECT c.concept_id FROM concept c JOIN concept_ancestor ca ON ca.descendant_concept_id = c.concept_id
            WHERE ca.ancestor_concept_id IN (\(ids(withDescendants))) AND c.invalid_reason IS NULL
            """
        if let descendants { parts.append(descendants) }
        let mapped = items.filter(\.includeMapped)
        if !mapped.isEmpty {
            var targets = "SELECT concept_id FROM concept WHERE concept_id IN (\(ids(mapped)))"
            let mappedDescendants = mapped.filter(\.includeDescendants)
            if !mappedDescendants.isEmpty {
                targets += """

                    UNION SELECT c.concept_id FROM concept c JOIN concept_ancestor ca ON ca.descendant_concept_id = c.concept_id
                    WHERE ca.ancestor_concept_id IN (\(ids(mappedDescendants))) AND c.invalid_reason IS NULL
                    """
            }
            parts.append("""
                SELECT cr.concept_id_1 AS concept_id FROM (\(targets)) t
                JOIN concept_relationship cr ON cr.concept_id_2 = t.concept_id
                WHERE cr.relationship_id = 'Maps to' AND cr.invalid_reason IS NULL
                """)
        }
        return parts.joined(separator: "\nUNION ALL\n")
    }
}

extension Database {
    /// The concept ids of a concept set in this CDM's vocabulary, ascending.
    public func resolve(_ conceptSet: ConceptSet) async throws -> [Int64] {
        try await query("SELECT concept_id FROM (\(conceptSet.resolutionSQL())) r ORDER BY concept_id")
            .compactMap { $0["concept_id"].integerValue }
    }
}
