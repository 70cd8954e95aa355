import ArgumentParser
import CDMStore
import Governance

struct InitCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "init",
        abstract: "Create the OMOP CDM v5.4 tables, the governance tables and the site's secrets (idempotent), then verify them.")

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var secrets: SiteSecretsOptions

    func run() async throws {
        let created = try secrets.loadOrCreate().created
        try await database.withDatabase { db in
            try await db.createSchema()
            try await db.createGovernanceSchema()
            try await VerifyCommand.verify(db, structureOnly: true)
            print("CDM v5.4 ready at \(db.location)")
            print(created ? "Site secrets created at \(secrets.resolvedPath) (keep this file private and backed up)"
                          : "Site secrets at \(secrets.resolvedPath)")
        }
    }
}
