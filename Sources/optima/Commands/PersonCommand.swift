import ArgumentParser
import CDMStore
import Foundation
import Governance

struct PersonCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "person",
        abstract: "A data subject's rights: erase every row of a person, or export them (GDPR articles 15 and 17).",
        subcommands: [Erase.self, Export.self])

    struct Erase: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "erase",
            abstract: "Delete every row of a person from every CDM table in one transaction; a later import does not bring them back.")

        @OptionGroup var person: SourceID
        @OptionGroup var database: DatabaseOptions

        @Flag(help: "Print what was erased as JSON (counts only).")
        var json = false

        func run() async throws {
            let candidates = try person.candidates()
            let result = try await database.withAuditedDatabase(
                "person erase", resource: "person", purpose: .dataSubjectRights,
                detail: { "\($0.persons) person(s), \($0.totalRows) rows from \($0.rowsByTable.count) tables" },
                outcome: { $0.persons == 0 ? .unchanged : .success }
            ) { try await $0.erasePerson(candidates: candidates) }
            if json {
                try Terminal.printJSON(encoding: result)
            } else if result.persons == 0 {
                print("no person held under that identifier: nothing to erase")
            } else {
                let persons = result.persons == 1 ? "1 person" : "\(result.persons) persons"
                let tables = result.rowsByTable.count
                print("erased \(persons): \(result.totalRows.formatted()) rows from \(tables) table\(tables == 1 ? "" : "s")")
            }
        }
    }

    struct Export: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "export",
            abstract: "Write every row held about a person as one JSON document (subject access).")

        @OptionGroup var person: SourceID
        @OptionGroup var database: DatabaseOptions

        @Option(help: "Write the JSON to this file (readable by its owner only) instead of standard output.")
        var output: String?

        func run() async throws {
            let candidates = try person.candidates()
            guard let export = try await database.withAuditedDatabase(
                "person export", resource: "person", purpose: .dataSubjectRights,
                detail: { $0.map { "rows \($0.totalRows)" } ?? "no person held" }, outcome: { $0 == nil ? .unchanged : .success },
                { try await $0.exportPerson(candidates: candidates) }
            ) else {
                print("no person held under that identifier: nothing to export")
                return
            }
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
            let data = try encoder.encode(export)
            guard let output else { return Terminal.printJSON(data) }
            guard FileManager.default.createFile(atPath: output, contents: data, attributes: [.posixPermissions: 0o600]) else {
                throw ValidationError("cannot write \(output)")
            }
            print("exported the person's \(export.totalRows.formatted()) rows from \(export.tables.count) tables to \(output)")
        }
    }
}
