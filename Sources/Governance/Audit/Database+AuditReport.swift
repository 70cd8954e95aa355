import CDMStore
import Foundation

extension Database {
    /// The article 30 summary of processing by purpose for entries recorded in [since, until).
    public func auditReport(since: Date? = nil, until: Date? = nil) async throws -> AuditReport {
        var conditions: [String] = []
        var binds: [SQLValue] = []
        if let since {
            conditions.append("recorded_at >= ?")
            binds.append(.text(GovernanceClock.text(since)))
        }
        if let until {
            conditions.append("recorded_at < ?")
            binds.append(.text(GovernanceClock.text(until)))
        }
        let filter = conditions.isEmpty ? "" : " WHERE " + conditions.joined(separator: " AND ")
        let groups = try await query("""
            SELECT purpose, outcome, action, role, COUNT(*) AS events, MIN(recorded_at) AS first, MAX(recorded_at) AS last
            FROM optima_audit\(filter) GROUP BY purpose, outcome, action, role
            """, binds)
        let actors = try await query("SELECT purpose, COUNT(DISTINCT actor) AS actors FROM optima_audit\(filter) GROUP BY purpose", binds)
        var tallies: [ProcessingPurpose: PurposeTally] = [:]
        for row in groups {
            guard let purpose = ProcessingPurpose(rawValue: row["purpose"].textValue ?? ""),
                  let first = row["first"].textValue.flatMap(GovernanceClock.date),
                  let last = row["last"].textValue.flatMap(GovernanceClock.date)
            else {
                throw AuditError("optima_audit holds a purpose or a time the audit trail never writes; run optima audit verify")
            }
            tallies[purpose, default: PurposeTally(first: first, last: last)].add(row, first: first, last: last)
        }
        let distinctActors = Dictionary(actors.compactMap { row in
            ProcessingPurpose(rawValue: row["purpose"].textValue ?? "").map { ($0, Int(row["actors"].integerValue ?? 0)) }
        }, uniquingKeysWith: +)
        return AuditReport(since: since, until: until, processing: ProcessingPurpose.allCases.compactMap { purpose in
            tallies[purpose].map { $0.processing(purpose, actors: distinctActors[purpose] ?? 0) }
        })
    }
}

/// Counts of one purpose, summed over the grouped rows of `auditReport`.
private struct PurposeTally {
    var events = 0
    var outcomes: [String: Int] = [:]
    var actions: [String: Int] = [:]
    var roles: [String: Int] = [:]
    var first: Date
    var last: Date

    init(first: Date, last: Date) {
        self.first = first
        self.last = last
    }

    mutating func add(_ row: SQLRow, first: Date, last: Date) {
        let count = Int(row["events"].integerValue ?? 0)
        events += count
        outcomes[row["outcome"].textValue ?? "", default: 0] += count
        actions[row["action"].textValue ?? "", default: 0] += count
        roles[row["role"].textValue ?? "none", default: 0] += count
        self.first = min(self.first, first)
        self.last = max(self.last, last)
    }

    func processing(_ purpose: ProcessingPurpose, actors: Int) -> AuditReport.Processing {
        AuditReport.Processing(purpose: purpose, events: events, outcomes: outcomes, actions: actions, roles: roles,
                               actors: actors, first: first, last: last)
    }
}
