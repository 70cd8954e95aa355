import ArgumentParser
import CDMStore
import Logging
import OptimaServer

struct ServeCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "Serve the HTTP API (health, info, OpenAPI document, metrics) until SIGINT or SIGTERM.")

    @OptionGroup var database: DatabaseOptions

    @Option(help: "The address to listen on.")
    var host = "127.0.0.1"

    @Option(help: "The port to listen on.")
    var port = 8080

    func run() async throws {
        try await database.withDatabase { db in
            if try await !db.hasSchema() { try await db.createSchema() }
            let app = OptimaServer.makeApplication(database: db, host: host, port: port)
            try await app.runService()
        }
    }
}
