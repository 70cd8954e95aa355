import ArgumentParser
import CDMStore
import Foundation
import Governance

struct ConsentCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "consent",
        abstract: "The opt-out register: a person who objects is left out of every cohort and analysis (GDPR article 21).",
        subcommands: [Object.self, Withdraw.self, Status.self])

    struct Object: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "object", abstract: "Record that a person objects, from now on.")

        @OptionGroup var person: PersonCommand.SourceID
        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            let candidates = try person.candidates()
            let recorded = try await database.withAuditedDatabase(
                "consent object", resource: "consent register", purpose: .dataSubjectRights, outcome: { $0 ? .success : .unchanged }
            ) { try await $0.recordObjection(candidates: candidates) }
            print(recorded ? "objection recorded: the person is left out of every cohort and analysis from now on"
                           : "the person's objection was already recorded")
        }
    }

    struct Withdraw: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "withdraw", abstract: "Withdraw a person's objection: they take part again from the next run.")

        @OptionGroup var person: PersonCommand.SourceID
        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            let candidates = try person.candidates()
            let withdrawn = try await database.withAuditedDatabase(
                "consent withdraw", resource: "consent register", purpose: .dataSubjectRights, outcome: { $0 ? .success : .unchanged }
            ) { try await $0.withdrawObjection(candidates: candidates) }
            print(withdrawn ? "objection withdrawn: the person takes part in cohorts and analyses again"
                            : "no objection recorded for the person: nothing to withdraw")
        }
    }

    struct Status: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "status", abstract: "How many objections the register holds (a count, never who).")

        @OptionGroup var database: DatabaseOptions

        @Flag(help: "Print the count as JSON.")
        var json = false

        func run() async throws {
            let count = try await database.withDatabase { try await $0.objectionCount() }
            if json {
                Terminal.printJSON(try JSONSerialization.data(withJSONObject: ["objections": count]))
            } else {
                print("\(count.formatted()) objection\(count == 1 ? "" : "s") recorded")
            }
        }
    }
}
