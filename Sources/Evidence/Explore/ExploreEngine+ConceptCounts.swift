import CDMStore
import Governance

extension ExploreEngine {
    /// Records and persons of each concept (in the table of its domain), and persons of its subtree; a concept the
    /// vocabulary lacks, or of a domain without a clinical table, is absent from the answer.
    public func conceptCounts(_ ids: [Int]) async throws -> [Int: ConceptCount] {
        guard !ids.isEmpty else { return [:] }
        let (persons, minimum) = try await snapshot()
        let list = Set(ids).sorted().map(String.init).joined(separator: ", ")
        var result: [Int: ConceptCount] = [:]
        for row in try await database.query("SELECT concept_id, domain_id FROM concept WHERE concept_id IN (\(list))") {
            guard let id = row[0].integerValue, let table = ExploreTable.forDomain(row[1].textValue ?? "") else { continue }
            let records = try await database.query("""
                SELECT COUNT(*) AS n FROM \(database.dialect.quote(table.name))
                WHERE \(table.conceptColumn) = ? AND person_id NOT IN (\(Self.objectors))
                """, [.integer(id)]).first?[0].integerValue ?? 0
            let own = try await leafSet(.concept(ExploreConceptSelection(ids: [id], includeDescendants: false)), path: "")
            let subtree = try await leafSet(.concept(ExploreConceptSelection(ids: [id])), path: "")
            result[Int(id)] = ConceptCount(conceptId: id, records: SmallCellCount(Int(records), minimum: minimum),
                                           persons: SmallCellCount(own.intersection(persons.all).count, minimum: minimum),
                                           personsWithDescendants: SmallCellCount(subtree.intersection(persons.all).count, minimum: minimum))
        }
        return result
    }
}
