import ArgumentParser
import CDMStore

struct InfoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "info",
        abstract: "Show the CDM and vocabulary versions and the row count of every table.")

    @OptionGroup var database: DatabaseOptions

    @Flag(help: "Print one JSON document: {\"cdm_version\", \"vocabulary_version\", \"tables\", \"results_tables\"}.")
    var json = false

    func run() async throws {
        let info = try await database.withDatabase { db in (db.location, try await db.info()) }
        if json {
            Terminal.printJSON(try info.1.jsonData())
            return
        }
        print("Database:           \(info.0)")
        print("CDM version:        \(info.1.cdmVersion)")
        print("Vocabulary version: \(info.1.vocabularyVersion ?? "unknown")")
        for (table, rows) in info.1.tables.sorted(by: { $0.key < $1.key }) {
            print("  \(table.padding(toLength: 24, withPad: " ", startingAt: 0)) \(rows.formatted())")
        }
    }
}
