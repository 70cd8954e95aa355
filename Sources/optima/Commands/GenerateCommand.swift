import ArgumentParser
import CDMStore
import Foundation
import Governance
import Synthetic

struct GenerateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "generate",
        abstract: "Generate a synthetic prostate, breast and lung cancer population into an empty CDM.",
        discussion: """
            Deterministic for a seed: the same seed gives the same rows on SQLite and PostgreSQL. With --sites K the
            persons are split into K databases beside --db (NAME-site1.sqlite …, or schemas site1 … in PostgreSQL): a larger
            academic centre and regional hospitals with different case mixes. The model and its sources: docs/synthetic-model.md.
            """)

    @OptionGroup var database: DatabaseOptions
    @OptionGroup var secrets: SiteSecretsOptions

    @Option(help: "Number of persons, all sites together.")
    var persons = 10_000

    @Option(help: "Random seed.")
    var seed: UInt64 = 42

    @Option(help: "Share of persons with prostate, breast or lung cancer.")
    var cancerFraction = GenerationSettings.defaultCancerFraction

    @Option(help: "Number of site databases to split the persons into.")
    var sites = 1

    @Option(help: "Write the survival model's known truth (log hazard ratios) to this JSON file.")
    var truth: String?

    @Flag(help: "Print one JSON document with what was written.")
    var json = false

    func run() async throws {
        let settings = GenerationSettings(persons: persons, seed: seed, cancerFraction: cancerFraction, sites: sites)
        try settings.validate()
        let base = try database.location()
        // person_source_value holds pseudonyms of synthetic-N, so erasure and consent work on demo data.
        let pseudonymizer = Pseudonymizer(secrets: try secrets.loadOrCreate().secrets)
        var reports: [[String: Any]] = []
        for (site, range) in settings.siteRanges() {
            let location = settings.sites == 1 ? base : base.site(site.number)
            let db = try await location.open()
            do {
                if !json { print("Generating \(range.count.formatted()) persons (\(site.name)) into \(location) ...") }
                let summary = try await CommandAudit.run(
                    db, action: "generate", resource: "database", purpose: .dataManagement, detail: { "persons \($0.persons), rows \($0.totalRows)" }
                ) {
                    try await db.generatePopulation(settings, site: site, persons: range, pseudonymizer: pseudonymizer,
                                                    progress: Terminal.importProgress())
                }
                Terminal.endProgress()
                try await db.close()
                if !json {
                    print("  \(summary.totalRows.formatted()) rows in \(String(format: "%.1f", summary.seconds)) s "
                        + "(\(Int(Double(summary.persons) / summary.seconds).formatted()) persons/s, "
                        + "\(Int(Double(summary.totalRows) / summary.seconds).formatted()) rows/s)")
                }
                reports.append(["site": site.name, "database": location.description, "persons": summary.persons,
                                "rows": summary.rowsByTable, "seconds": summary.seconds])
            } catch {
                Terminal.endProgress()
                try? await db.close()
                throw error
            }
        }
        if let truth {
            try PopulationModel.standard.truthJSON(settings).write(to: URL(fileURLWithPath: truth))
            if !json { print("Survival truth written to \(truth)") }
        }
        if json {
            Terminal.printJSON(try JSONSerialization.data(withJSONObject: ["sites": reports], options: [.prettyPrinted, .sortedKeys]))
        }
    }
}
