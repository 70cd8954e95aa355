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
            try await VerifyCommand.verify(db, structureOnly: true)
            print("CDM v5.4 ready at \(db.location)")
        }
    }
}
