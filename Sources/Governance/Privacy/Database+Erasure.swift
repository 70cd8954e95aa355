import CDMStore
import Foundation

extension Database {
    /// Erases the person held under any of the pseudonyms (GDPR art. 17): every row of theirs in every CDM
    /// table (see `PersonFootprint`) and in `cohort`, and their objection, in one transaction that also
    /// enters their pseudonym in the erasure register, so no later import brings them back. Idempotent:
    /// when no person is held, nothing changes and the result counts 0 persons.
    public func erasePerson(candidates: [String]) async throws -> ErasureResult {
        try await createGovernanceSchema()
        let held = try await heldPersons(candidates: candidates)
        guard !held.isEmpty else { return ErasureResult(persons: 0, rowsByTable: [:]) }
        let footprint = PersonFootprint(personIDs: held.map(\.id), dialect: dialect)
        var rowsByTable: [String: Int] = [:]
        for part in footprint.parts {
            let count = try await query("SELECT COUNT(*) AS n FROM \(dialect.quote(part.table)) WHERE \(part.condition)", part.binds)
            if let rows = count.first?["n"].integerValue, rows > 0 { rowsByTable[part.table, default: 0] += Int(rows) }
        }
        let now = GovernanceClock.text(Date())
        let list = Array(repeating: "?", count: candidates.count).joined(separator: ", ")
        try await transaction(
            footprint.parts.map { SQLStatement("DELETE FROM \(dialect.quote($0.table)) WHERE \($0.condition)", $0.binds) }
                + Set(held.map(\.pseudonym)).sorted().map {
                    SQLStatement("INSERT INTO optima_erasure (pseudonym, erased_at) VALUES (?, ?) ON CONFLICT (pseudonym) DO NOTHING",
                                 [.text($0), .text(now)])
                }
                + [SQLStatement("DELETE FROM optima_objection WHERE pseudonym IN (\(list))", candidates.map(SQLValue.text))])
        return ErasureResult(persons: held.count, rowsByTable: rowsByTable)
    }

}
