import ArgumentParser
import Foundation
import CDMStore
import OptimaServer
import Synthetic

struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Create the embedded CDM, fill it with a synthetic oncology population, and serve Optima.",
        discussion: """
            On a fresh machine: creates optima-data/optima.sqlite, generates a population of prostate, breast and lung
            cancer patients among people without cancer (seed 42), and serves the API until Ctrl-C. A database that
            already holds persons is reused as it is.
            """)

    @OptionGroup var database: DatabaseOptions

    @Option(help: "Persons to generate when the database is empty.")
    var persons = 10_000

    @Option(help: "The address to listen on.")
    var host = "127.0.0.1"

    @Option(help: "The port to listen on.")
    var port = 8080

    func run() async throws {
        let settings = GenerationSettings(persons: persons, seed: 42)
        try settings.validate()
        try await database.withDatabase { db in
            try await db.createSchema()
            let existing = try await db.info().tables["person", default: 0]
            if existing == 0 {
                print("Generating \(persons.formatted()) synthetic persons into \(db.location) ...")
                let summary = try await db.generatePopulation(settings, site: .single, persons: 0..<persons,
                                                              progress: Terminal.importProgress())
                Terminal.endProgress()
                print("  \(summary.totalRows.formatted()) rows in \(String(format: "%.1f", summary.seconds)) s")
            } else {
                print("\(db.location) already holds \(existing.formatted()) persons; reusing them.")
            }
            let info = try await db.info()
            let base = "http://\(host == "127.0.0.1" ? "localhost" : host):\(port)"
            print("""

                CDM v\(info.cdmVersion) at \(db.location): persons \(info.tables["person", default: 0].formatted()), \
                conditions \(info.tables["condition_occurrence", default: 0].formatted()), \
                drug exposures \(info.tables["drug_exposure", default: 0].formatted()), \
                measurements \(info.tables["measurement", default: 0].formatted())

                Optima is serving at \(base)  (Ctrl-C stops it)
                  \(base)/api/info           what the database holds
                  \(base)/api/openapi.json   the API
                  \(base)/health             liveness
                """)
            fflush(nil)  // the banner shows now even when stdout is a pipe, not when the server stops
            let app = OptimaServer.makeApplication(database: db, host: host, port: port)
            try await app.runService()
        }
    }
}
