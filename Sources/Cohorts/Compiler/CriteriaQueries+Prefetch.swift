/// Prefetching: when several criteria of a step read the same domain table through concept sets, the rows
/// they can match — concepts in the union of their sets, persons among the step's index events — are read
/// once into a scratch table that the criteria then share. On a large CDM this replaces one scattered read
/// of the table per criterion (e.g. fifteen stage and TNM rules on `measurement`) by one.
extension CriteriaQueries {
    /// Prefetches for the criteria of `groups` evaluated against `events`; undone by `endPrefetch`.
    func prefetch(_ groups: [CriteriaGroup], events: String) {
        var byTable: [String: [DomainQuery]] = [:]
        for criteria in groups.flatMap(\.allCriteria) {
            let domain = criteria.domainQuery(f)
            byTable[domain.table, default: []].append(domain)
        }
        for (table, domains) in byTable.sorted(by: { $0.key < $1.key }) where domains.count > 1 && !table.hasPrefix("(") {
            let codesets = domains.compactMap(\.codesetID)
            guard codesets.count == domains.count, let column = domains[0].conceptColumn else { continue }
            let name = "cg_\(table)"
            let ids = Set(codesets).sorted()
            let concepts = f.literals(ids)
                ?? "SELECT concept_id FROM \(SQLFilters.codesets) WHERE codeset_id IN (\(ids.map(String.init).joined(separator: ", ")))"
            add(name, """
                SELECT d.* FROM \(table) d
                WHERE d.\(column) IN (\(concepts))
                  AND d.person_id IN (SELECT person_id FROM \(events))
                """)
            sources[table] = name
        }
    }

    func endPrefetch() {
        sources = [:]
    }
}

extension CriteriaGroup {
    /// Every criterion in the group, its sub-groups and the correlated criteria of those criteria.
    var allCriteria: [Criteria] {
        criteria.flatMap { [$0.criteria] + ($0.criteria.correlatedCriteria?.allCriteria ?? []) } + groups.flatMap(\.allCriteria)
    }
}
