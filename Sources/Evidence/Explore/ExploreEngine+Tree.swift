import CDMStore
import Governance

/// The concept tree with subtree person counts, as tranSMART's `tree_nodes`: the catalogue's concepts under their
/// headings at the top, `concept_ancestor` children (one level down) below.
extension ExploreEngine {
    /// The top level (`parent` nil: headings with their concepts, and Demographics), or the children of a concept.
    public func tree(parent: Int?) async throws -> [ExploreTreeNode] {
        let (persons, minimum) = try await snapshot()
        if let parent {
            let rows = try await database.query(Self.describeSQL("""
                JOIN concept_ancestor ca ON ca.descendant_concept_id = c.concept_id
                WHERE ca.ancestor_concept_id = ? AND ca.min_levels_of_separation = 1 AND c.concept_id <> ca.ancestor_concept_id
                """) + " ORDER BY c.concept_name", [.integer(Int64(parent))])
            var nodes: [ExploreTreeNode] = []
            for row in rows { nodes.append(try await node(row, persons: persons, minimum: minimum)) }
            return nodes
        }
        let ids = ExploreTreeCatalog.headings.flatMap(\.concepts)
        let rows = try await database.query(Self.describeSQL("WHERE c.concept_id IN (\(ids.map(String.init).joined(separator: ", ")))"))
        var byID: [Int64: SQLRow] = [:]
        for row in rows { if let id = row["concept_id"].integerValue { byID[id] = row } }
        var headings: [ExploreTreeNode] = []
        for heading in ExploreTreeCatalog.headings {
            var children: [ExploreTreeNode] = []
            for id in heading.concepts { if let row = byID[id] { children.append(try await node(row, persons: persons, minimum: minimum)) } }
            guard !children.isEmpty else { continue }
            headings.append(ExploreTreeNode(key: "heading:\(heading.key)", name: heading.name, hasChildren: true, children: children))
        }
        let demographics = ExploreTreeCatalog.demographics.map { node in
            ExploreTreeNode(key: node.key, name: node.name, patientCount: SmallCellCount(persons.all.count, minimum: minimum),
                            constraint: node.constraint, valueType: node.valueType, valueChoices: node.valueChoices)
        }
        return headings + [ExploreTreeNode(key: "heading:demographics", name: "Demographics", hasChildren: true, children: demographics)]
    }

    /// Concept rows with whether they have children, filtered by `clause`.
    static func describeSQL(_ clause: String) -> String {
        """
        SELECT c.concept_id, c.concept_name, c.vocabulary_id, c.concept_code, c.domain_id,
          CASE WHEN EXISTS (SELECT 1 FROM concept_ancestor x WHERE x.ancestor_concept_id = c.concept_id
            AND x.min_levels_of_separation = 1 AND x.descendant_concept_id <> c.concept_id) THEN 1 ELSE 0 END AS has_children
        FROM concept c \(clause)
        """
    }

    /// One concept's node: its subtree count and, for measurements and observations, the values it carries.
    private func node(_ row: SQLRow, persons: ExplorePersons, minimum: Int) async throws -> ExploreTreeNode {
        let id = row["concept_id"].integerValue ?? 0
        let key = "concept:\(id)"
        let constraint = ExploreConstraint.concept(ExploreConceptSelection(ids: [id]))
        let count = try await leafSet(constraint, path: "").intersection(persons.all).count
        let values: (type: ExploreValueType?, choices: [String])
        if let cached = await cache.node(key) {
            values = (cached.valueType, cached.valueChoices)
        } else {
            values = try await valueInfo(id, domain: row["domain_id"].textValue ?? "")
        }
        let node = ExploreTreeNode(key: key, conceptId: id, name: row["concept_name"].textValue ?? String(id),
                                   vocabularyId: row["vocabulary_id"].textValue, conceptCode: row["concept_code"].textValue,
                                   domain: row["domain_id"].textValue, patientCount: SmallCellCount(count, minimum: minimum),
                                   hasChildren: row["has_children"].integerValue == 1, constraint: constraint,
                                   valueType: values.type, valueChoices: values.choices)
        await cache.store(node: node, for: key)
        return node
    }

    /// Whether a concept's rows carry numbers, and the names of the value concepts they carry.
    private func valueInfo(_ id: Int64, domain: String) async throws -> (ExploreValueType?, [String]) {
        guard let table = ExploreTable.forDomain(domain), table.hasValues else { return (nil, []) }
        let name = database.dialect.quote(table.name)
        let numeric = try await database.query("SELECT 1 AS x FROM \(name) WHERE \(table.conceptColumn) = ? AND value_as_number IS NOT NULL "
                                               + database.dialect.limit(1), [.integer(id)])
        if !numeric.isEmpty { return (.numeric, []) }
        let names = try await database.query("""
            SELECT c.concept_name FROM concept c WHERE c.concept_id IN (
              SELECT DISTINCT value_as_concept_id FROM \(name) WHERE \(table.conceptColumn) = ? AND value_as_number IS NULL
                AND value_as_concept_id IS NOT NULL AND value_as_concept_id <> 0)
            ORDER BY c.concept_name
            """, [.integer(id)]).compactMap { $0[0].textValue }
        return (names.isEmpty ? nil : .string, names)
    }
}
