import ArgumentParser
import Foundation
import CDMStore
import Governance
import Synthetic

struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Create the embedded CDM, fill it with a synthetic oncology population, and serve Optima.",
        discussion: """
            On a fresh machine: creates optima-data/optima.sqlite, generates a population of prostate, breast and lung
            cancer patients among people without cancer (seed 42), and serves the web application and the API until Ctrl-C. A database that
            already holds persons is reused as it is. The first run also creates the site's secrets and a first
            administrator, "admin", and prints a token for it once, to sign in with. Run from the repository, it stores
            and generates the example cohorts of examples/cohorts when the database has none.
            """)

    @OptionGroup var database: DatabaseOptions

    @Option(help: "Persons to generate when the database is empty.")
    var persons = 10_000

    @OptionGroup var server: ServerOptions

    func run() async throws {
        let settings = GenerationSettings(persons: persons, seed: 42)
        try settings.validate()
        let secrets = try server.secrets.loadOrCreate().secrets
        try await database.withDatabase { db in
            try await db.createSchema()
            try await db.createGovernanceSchema()
            let existing = try await db.info().tables["person", default: 0]
            if existing == 0 {
                print("Generating \(persons.formatted()) synthetic persons into \(db.location) ...")
                let summary = try await CommandAudit.run(
                    db, action: "generate", resource: "database", purpose: .dataManagement, detail: { "persons \($0.persons), rows \($0.totalRows)" }
                ) {
                    try await db.generatePopulation(settings, site: .single, persons: 0..<persons,
                                                    pseudonymizer: Pseudonymizer(secrets: secrets), progress: Terminal.importProgress())
                }
                Terminal.endProgress()
                print("  \(summary.totalRows.formatted()) rows in \(String(format: "%.1f", summary.seconds)) s")
            } else {
                print("\(db.location) already holds \(existing.formatted()) persons; reusing them.")
            }
            let cohorts = try await CommandAudit.run(
                db, action: "cohort generate", resource: "example cohorts", purpose: .research, detail: { "cohorts \($0.count)" }
            ) { try await DemoCohorts.load(into: db) }
            for cohort in cohorts { print("  cohort \(cohort.name): \(cohort.persons.formatted()) persons") }
            let info = try await db.info()
            let base = server.baseURL
            let token = try await Self.firstAdministratorToken(db, secrets: secrets)
            print("""

                CDM v\(info.cdmVersion) at \(db.location): persons \(info.tables["person", default: 0].formatted()), \
                conditions \(info.tables["condition_occurrence", default: 0].formatted()), \
                drug exposures \(info.tables["drug_exposure", default: 0].formatted()), \
                measurements \(info.tables["measurement", default: 0].formatted())

                Optima is serving at \(base)  (Ctrl-C stops it)
                  \(base)/                   the web application: open it in a browser and sign in with a token
                  \(base)/api/info           what the database holds
                  \(base)/api/openapi.json   the API
                  \(base)/health             liveness
                """)
            print(token.map { """

                A first administrator, "admin", was created. Its token (valid 30 days) is shown only this once;
                paste it into the sign-in page of \(base), or use it with the API:
                  export OPTIMA_TOKEN=\($0)
                  curl -H "Authorization: Bearer $OPTIMA_TOKEN" \(base)/api/info
                """ } ?? "\nUsers exist already: `optima token issue --user NAME` prints a token.")
            fflush(nil)  // the banner shows now even when stdout is a pipe, not when the server stops
            try await server.serve(db, secrets: secrets)
        }
    }

    /// Creates "admin" and returns a token for it when the site has no user yet; nil otherwise.
    static func firstAdministratorToken(_ db: any Database, secrets: SiteSecrets) async throws -> String? {
        guard try await db.users().isEmpty else { return nil }
        let admin = Principal(name: "admin", role: .admin)
        try await CommandAudit.run(db, action: "user add", resource: "user admin", purpose: .administration, detail: { _ in "role admin" }) {
            try await db.addUser(admin)
        }
        return try await TokenIssuer(secrets: secrets).issue(for: admin, lifetime: 30 * 86_400)
    }
}
