import ArgumentParser
import Governance

extension AuditCommand {
    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "show", abstract: "Print audit entries, oldest first.")

        @OptionGroup var database: DatabaseOptions

        @Option(help: "Only entries recorded since: a UTC day (2026-11-27), a UTC time (2026-11-27T10:00:00Z), or an age (24h, 7d).")
        var since: String?

        @Option(help: "Only the latest N entries.")
        var limit: Int?

        @Flag(help: "Print the entries as a JSON array.")
        var json = false

        func validate() throws {
            _ = try AuditCommand.time(since, option: "--since")
            if let limit, limit < 1 { throw ValidationError("--limit \(limit): expected at least 1") }
        }

        func run() async throws {
            let since = try AuditCommand.time(since, option: "--since")
            let entries = try await database.withDatabase { db in
                try await db.createGovernanceSchema()
                return try await db.auditEntries(since: since, limit: limit)
            }
            if json {
                Terminal.printJSON(try AuditCommand.encoder.encode(entries))
            } else {
                print(Self.table(entries))
            }
        }

        /// Aligned columns, one line per entry; "-" where a field is empty.
        static func table(_ entries: [AuditEntry]) -> String {
            let header = ["seq", "recorded_at", "actor", "role", "action", "resource", "outcome", "purpose", "request_id", "detail", "hash"]
            let rows = entries.map { entry in
                let e = entry.event
                return [String(entry.sequence), GovernanceClock.text(entry.recordedAt), e.actor, e.role ?? "-", e.action, e.resource,
                        e.outcome.rawValue, e.purpose.rawValue, e.requestID ?? "-", e.detail ?? "-", String(entry.hash.prefix(12))]
            }
            let widths = header.indices.map { column in ([header] + rows).map { $0[column].count }.max() ?? 0 }
            return ([header] + rows).map { row in
                zip(row, widths).map { $0.padding(toLength: $1, withPad: " ", startingAt: 0) }.joined(separator: "  ")
                    .trimmingCharacters(in: .whitespaces)
            }.joined(separator: "\n") + (entries.isEmpty ? "\n(no entries)" : "")
        }
    }
}
