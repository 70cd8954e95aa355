import ArgumentParser
import Governance

extension AuditCommand {
    struct Report: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "report",
            abstract: "Summarise processing by purpose (the GDPR article 30 record): events, outcomes, actions, roles, period.")

        @OptionGroup var database: DatabaseOptions

        @Option(help: "From (inclusive): a UTC day (2026-11-27), a UTC time (2026-11-27T10:00:00Z), or an age (24h, 7d).")
        var since: String?

        @Option(help: "Until (exclusive), in the same forms as --since.")
        var until: String?

        @Flag(help: "Print the report as JSON.")
        var json = false

        func validate() throws {
            _ = try AuditCommand.time(since, option: "--since")
            _ = try AuditCommand.time(until, option: "--until")
        }

        func run() async throws {
            let since = try AuditCommand.time(since, option: "--since")
            let until = try AuditCommand.time(until, option: "--until")
            let report = try await database.withDatabase { db in
                try await db.createGovernanceSchema()
                return try await db.auditReport(since: since, until: until)
            }
            if json {
                Terminal.printJSON(try AuditCommand.encoder.encode(report))
            } else {
                print(Self.text(report))
            }
        }

        static func text(_ report: AuditReport) -> String {
            let period = [report.since.map { "since " + GovernanceClock.text($0) }, report.until.map { "until " + GovernanceClock.text($0) }]
                .compactMap { $0 }.joined(separator: " ")
            var lines = ["Record of processing (GDPR article 30), \(period.isEmpty ? "all time" : period): \(report.events) events"]
            for processing in report.processing {
                lines.append("")
                lines.append("\(processing.purpose.rawValue): \(processing.events) events by \(processing.actors) actor(s), "
                             + "\(GovernanceClock.text(processing.first)) to \(GovernanceClock.text(processing.last))")
                lines.append("  outcomes: " + counted(processing.outcomes))
                lines.append("  roles: " + counted(processing.roles))
                lines.append("  actions:")
                lines += sorted(processing.actions).map { "    \(String($0.value).padding(toLength: 8, withPad: " ", startingAt: 0))\($0.key)" }
            }
            return lines.joined(separator: "\n")
        }

        /// Most frequent first, then by name.
        static func sorted(_ counts: [String: Int]) -> [(key: String, value: Int)] {
            counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }
        }

        static func counted(_ counts: [String: Int]) -> String {
            sorted(counts).map { "\($0.key) \($0.value)" }.joined(separator: ", ")
        }
    }
}
