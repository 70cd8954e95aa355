import CDMStore

extension Database {
    /// A concept with its ancestors, direct children, descendant count and relationships; nil when
    /// the vocabulary has no concept with that id. Four queries, whatever the size of the hierarchy.
    public func conceptDetail(id: Int64) async throws -> ConceptDetail? {
        guard let row = try await query("""
            SELECT \(ConceptSummary.columns("c")), c.valid_start_date, c.valid_end_date FROM concept c WHERE c.concept_id = ?
            """, [.integer(id)]).first, let concept = ConceptSummary(row: row)
        else { return nil }
        func relatives(_ sql: String) async throws -> [ConceptDetail.Relative] {
            try await query(sql, [.integer(id)]).compactMap { row in
                ConceptSummary(row: row).map {
                    ConceptDetail.Relative(concept: $0, minLevels: Int(row["min_levels_of_separation"].integerValue ?? 0),
                                           maxLevels: Int(row["max_levels_of_separation"].integerValue ?? 0))
                }
            }
        }
        let ancestors = try await relatives("""
            SELECT \(ConceptSummary.columns("c")), ca.min_levels_of_separation, ca.max_levels_of_separation
            FROM concept_ancestor ca JOIN concept c ON c.concept_id = ca.ancestor_concept_id
            WHERE ca.descendant_concept_id = ? AND ca.ancestor_concept_id <> ca.descendant_concept_id
            """).sorted { ($0.minLevels, $0.concept.name, $0.concept.id) < ($1.minLevels, $1.concept.name, $1.concept.id) }
        let children = try await relatives("""
            SELECT \(ConceptSummary.columns("c")), ca.min_levels_of_separation, ca.max_levels_of_separation
            FROM concept_ancestor ca JOIN concept c ON c.concept_id = ca.descendant_concept_id
            WHERE ca.ancestor_concept_id = ? AND ca.min_levels_of_separation = 1
            """).sorted { ($0.concept.name, $0.concept.id) < ($1.concept.name, $1.concept.id) }
        let descendants = try await query("""
            SELECT COUNT(*) AS n FROM concept_ancestor WHERE ancestor_concept_id = ? AND descendant_concept_id <> ancestor_concept_id
            """, [.integer(id)]).first?["n"].integerValue ?? 0
        return ConceptDetail(concept: concept, validStartDate: row["valid_start_date"].dateValue,
                             validEndDate: row["valid_end_date"].dateValue, ancestors: ancestors, children: children,
                             descendantCount: Int(descendants), relationships: try await relationships(of: id))
    }

    private func relationships(of id: Int64) async throws -> [ConceptDetail.Relationship] {
        let order = ["Maps to": 0, "Mapped from": 1]
        return try await query("""
            SELECT cr.relationship_id, r.relationship_name, \(ConceptSummary.columns("c"))
            FROM concept_relationship cr JOIN concept c ON c.concept_id = cr.concept_id_2
            LEFT JOIN relationship r ON r.relationship_id = cr.relationship_id
            WHERE cr.concept_id_1 = ? AND cr.invalid_reason IS NULL
            """, [.integer(id)]).compactMap { row -> ConceptDetail.Relationship? in
            guard let concept = ConceptSummary(row: row), let relationship = row["relationship_id"].textValue else { return nil }
            return ConceptDetail.Relationship(relationshipID: relationship, name: row["relationship_name"].textValue ?? relationship,
                                              concept: concept)
        }.sorted {
            (order[$0.relationshipID] ?? 2, $0.name, $0.concept.name, $0.concept.id)
                < (order[$1.relationshipID] ?? 2, $1.name, $1.concept.name, $1.concept.id)
        }
    }
}
