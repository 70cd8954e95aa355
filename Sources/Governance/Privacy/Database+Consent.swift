import CDMStore
import Foundation

extension Database {
    /// Records that a person objects to the processing of their data (GDPR art. 21): from now on every
    /// cohort and analysis leaves them out (`ConsentRegister`). `candidates` are the identifier's
    /// pseudonyms, newest first: a person already held is recorded under the pseudonym they are held
    /// under, anyone else under the newest, so the objection holds when their data arrive later.
    /// - Returns: false when the objection was already recorded.
    public func recordObjection(candidates: [String]) async throws -> Bool {
        guard let newest = candidates.first else { return false }
        try await createGovernanceSchema()
        guard try await objections(candidates).isEmpty else { return false }
        let held = Set(try await heldPersons(candidates: candidates).map(\.pseudonym))
        let now = GovernanceClock.text(Date())
        try await transaction((held.isEmpty ? [newest] : held.sorted()).map {
            SQLStatement("INSERT INTO optima_objection (pseudonym, recorded_at) VALUES (?, ?) ON CONFLICT (pseudonym) DO NOTHING",
                         [.text($0), .text(now)])
        })
        return true
    }

    /// Withdraws a person's objection: they take part in cohorts and analyses again from the next run.
    /// - Returns: false when no objection was recorded.
    public func withdrawObjection(candidates: [String]) async throws -> Bool {
        try await createGovernanceSchema()
        let recorded = try await objections(candidates)
        guard !recorded.isEmpty else { return false }
        let list = Array(repeating: "?", count: recorded.count).joined(separator: ", ")
        try await execute("DELETE FROM optima_objection WHERE pseudonym IN (\(list))", recorded.map(SQLValue.text))
        return true
    }

    /// How many objections the register holds.
    public func objectionCount() async throws -> Int {
        try await createGovernanceSchema()
        return Int(try await query("SELECT COUNT(*) AS n FROM optima_objection").first?["n"].integerValue ?? 0)
    }

    private func objections(_ candidates: [String]) async throws -> [String] {
        guard !candidates.isEmpty else { return [] }
        let list = Array(repeating: "?", count: candidates.count).joined(separator: ", ")
        return try await query("SELECT pseudonym FROM optima_objection WHERE pseudonym IN (\(list))", candidates.map(SQLValue.text))
            .compactMap { $0["pseudonym"].textValue }
    }
}
