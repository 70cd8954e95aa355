import CDMStore

extension Database {
    /// The persons held under any of the pseudonyms (an identifier's `Pseudonymizer.candidates`): their
    /// `person_id` and the pseudonym they are held under. Empty when the CDM has no person table yet.
    func heldPersons(candidates: [String]) async throws -> [(id: Int64, pseudonym: String)] {
        guard !candidates.isEmpty, try await hasSchema() else { return [] }
        let list = Array(repeating: "?", count: candidates.count).joined(separator: ", ")
        return try await query("SELECT person_id, person_source_value FROM person WHERE person_source_value IN (\(list))",
                               candidates.map(SQLValue.text)).compactMap { row in
            guard let id = row["person_id"].integerValue, let pseudonym = row["person_source_value"].textValue else { return nil }
            return (id, pseudonym)
        }
    }
}
