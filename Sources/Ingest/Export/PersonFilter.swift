import CDMStore

/// Which persons an export query reads: all of them, or one batch of `person_id`s bound as parameters
/// (batches keep a long list under every backend's limit of bound values).
struct PersonFilter: Sendable {
    static let batchSize = 500

    let personIDs: [Int64]?

    /// ` WHERE t.person_id IN (?, …)`, or nothing for all persons; the table is aliased `t`.
    var whereClause: String {
        guard let personIDs else { return "" }
        return " WHERE t.person_id IN (" + Array(repeating: "?", count: personIDs.count).joined(separator: ", ") + ")"
    }

    var binds: [SQLValue] { personIDs?.map(SQLValue.integer) ?? [] }

    /// All persons, or the given ones in batches.
    static func batches(_ personIDs: [Int64]?) -> [PersonFilter] {
        guard let personIDs else { return [PersonFilter(personIDs: nil)] }
        let unique = Array(Set(personIDs)).sorted()
        return stride(from: 0, to: unique.count, by: batchSize).map {
            PersonFilter(personIDs: Array(unique[$0..<min($0 + batchSize, unique.count)]))
        }
    }
}
