import ArgumentParser
import Foundation
import Governance

struct AuditCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "audit",
        abstract: "Verify, show and summarise the hash-chained audit trail.",
        subcommands: [Verify.self, Show.self, Report.self])

    struct Verify: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "verify",
            abstract: "Check the whole chain and name the first broken entry; print the head hash to record elsewhere.",
            discussion: "A truncated tail leaves a valid chain: compare the head with one recorded earlier outside the database.")

        @OptionGroup var database: DatabaseOptions

        @Flag(help: "Print the result as JSON: entries, head, firstBroken, isIntact.")
        var json = false

        func run() async throws {
            let verification = try await database.withDatabase { db in
                try await db.createGovernanceSchema()
                return try await db.verifyAuditChain()
            }
            if json { Terminal.printJSON(try AuditCommand.encoder.encode(verification)) }
            guard let broken = verification.firstBroken else {
                if !json { print("audit chain intact: \(verification.entries) entries, head \(verification.head ?? "none")") }
                return
            }
            FileHandle.standardError.write(Data("audit chain broken at entry \(broken.sequence): \(broken)\n".utf8))
            throw ExitCode(1)
        }
    }

    /// JSON for machines: sorted keys, times as the trail stores them.
    static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(GovernanceClock.text(date))
        }
        return encoder
    }

    /// A `--since`/`--until` value as a date, or an error naming the option and the accepted forms.
    static func time(_ text: String?, option: String) throws -> Date? {
        guard let text else { return nil }
        guard let date = AuditTimeBound.date(text) else {
            throw ValidationError("\(option) \"\(text)\": expected \(AuditTimeBound.forms)")
        }
        return date
    }
}
