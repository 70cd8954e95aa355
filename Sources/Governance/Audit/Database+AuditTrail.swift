import CDMStore
import Foundation

extension Database {
    /// Entries recorded at or after `since`, oldest first; with `limit`, only the latest `limit` of them.
    public func auditEntries(since: Date? = nil, limit: Int? = nil) async throws -> [AuditEntry] {
        var sql = "SELECT \(AuditRecord.columns) FROM optima_audit"
        var binds: [SQLValue] = []
        if let since {
            sql += " WHERE recorded_at >= ?"
            binds.append(.text(GovernanceClock.text(since)))
        }
        sql += " ORDER BY seq DESC"
        if let limit { sql += " LIMIT \(max(0, limit))" }
        return try await query(sql, binds).reversed().map { try AuditRecord(row: $0).entry() }
    }

    /// Walks the whole chain by sequence: recomputes each hash, checks each entry links to the one before and
    /// that sequences run 1, 2, 3, … without gaps. Names the first broken entry. A truncated tail is not
    /// detectable from the chain alone: compare `head` with a hash recorded elsewhere.
    public func verifyAuditChain() async throws -> AuditChainVerification {
        var expected = AuditRecord.Link.genesis
        var entries = 0
        var head: String?
        var firstBroken: AuditChainVerification.BrokenEntry?
        try await forEachRow("SELECT \(AuditRecord.columns) FROM optima_audit ORDER BY seq", []) { row in
            let record = AuditRecord(row: row)
            entries += 1
            head = record.hash
            defer { expected = record.link }
            guard firstBroken == nil else { return }
            let reason: AuditChainVerification.Reason? =
                if record.sequence > expected.sequence + 1 { .missingBefore }
                else if record.canonicalHash != record.hash { .changedContent }
                else if record.sequence != expected.sequence + 1 || record.previousHash != expected.hash { .linkBroken }
                else { nil }
            if let reason {
                firstBroken = .init(sequence: record.sequence, reason: reason, expectedSequence: expected.sequence + 1)
            }
        }
        return AuditChainVerification(entries: entries, head: head, firstBroken: firstBroken)
    }
}
