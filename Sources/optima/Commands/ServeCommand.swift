import ArgumentParser
import CDMStore
import Governance

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the HTTP API until SIGINT or SIGTERM: every route but /health and the OpenAPI document needs a bearer token.",
        discussion: "Tokens: `optima token issue --user NAME`; HTTPS: --tls-cert and --tls-key.")

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var server: ServerOptions

    func run() async throws {
        let secrets = try server.secrets.load()
        try await database.withDatabase { db in
            if try await !db.hasSchema() { try await db.createSchema() }
            try await db.createGovernanceSchema()
            try await server.serve(db, secrets: secrets)
        }
    }
}
