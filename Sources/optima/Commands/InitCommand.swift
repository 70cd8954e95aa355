import ArgumentParser
import CDMStore

struct InitCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create the OMOP CDM v5.4 tables, primary keys and standard indices (idempotent), then verify them.")

    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        try await database.withDatabase { db in
            try await db.createSchema()
            let issues = try await db.verifySchema()
            guard issues.isEmpty else {
                throw ValidationError("the schema differs from CDM v5.4:\n  " + issues.map(\.description).joined(separator: "\n  "))
            }
            print("CDM v5.4 ready at \(db.location)")
        }
    }
}
