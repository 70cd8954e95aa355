import CDMStore

extension Database {
    /// One page of the trail for a reader, newest first: at most `limit` entries with a sequence below `before`
    /// (from the newest when nil), of one actor and one outcome when given. The next page starts below the last
    /// entry's sequence.
    public func auditEntries(before: Int64?, actor: String?, outcome: AuditOutcome?, limit: Int) async throws -> [AuditEntry] {
        var conditions: [String] = []
        var binds: [SQLValue] = []
        if let before {
            conditions.append("seq < ?")
            binds.append(.integer(before))
        }
        if let actor {
            conditions.append("actor = ?")
            binds.append(.text(actor))
        }
        if let outcome {
            conditions.append("outcome = ?")
            binds.append(.text(outcome.rawValue))
        }
        let filter = conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND ")
        return try await query("SELECT \(AuditRecord.columns) FROM optima_audit\(filter) ORDER BY seq DESC LIMIT \(max(0, limit))", binds)
            .map { try AuditRecord(row: $0).entry() }
    }
}
