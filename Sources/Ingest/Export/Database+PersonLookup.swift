import CDMStore

extension Database {
    /// The person_ids held under any of an identifier's pseudonyms (`Pseudonymizer.candidates`), as an import
    /// wrote them into `person_source_value`; empty when nobody is (or the CDM has no schema yet).
    public func personIDs(heldUnder candidates: [String]) async throws -> [Int64] {
        guard !candidates.isEmpty, try await hasSchema() else { return [] }
        let list = Array(repeating: "?", count: candidates.count).joined(separator: ", ")
        return try await query("SELECT person_id FROM person WHERE person_source_value IN (\(list)) ORDER BY person_id",
                               candidates.map(SQLValue.text)).compactMap { $0[0].integerValue }
    }
}
