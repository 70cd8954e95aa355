import ArgumentParser
import CDMStore

struct DemoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "demo",
        abstract: "Create the embedded CDM and load the Synthea 1k sample (prostate and lung cancer patients) into it.",
        discussion: "Reads the sample from OPTIMA_REFERENCE_DATA (default ../shared/data). Loads nothing when the database already holds persons.")

    @OptionGroup var database: DatabaseOptions

    func run() async throws {
        try await database.withDatabase { db in
            try await db.createSchema()
            let before = try await db.info()
            if before.tables["person", default: 0] == 0 {
                guard let sample = ReferenceData.dataset("synthea1k") ?? ReferenceData.dataset("synthea27nj") else {
                    throw ValidationError(
                        "no sample found: set OPTIMA_REFERENCE_DATA to the folder holding synthea1k/ (now \(ReferenceData.root))")
                }
                print("Loading \(sample) into \(db.location) ...")
                let summary = try await db.importFolder(sample, kind: .omop, progress: Terminal.importProgress())
                Terminal.endProgress()
                summary.warnings.forEach(Terminal.warn)
                print("Imported \(summary.totalRows.formatted()) rows in \(String(format: "%.1f", summary.seconds)) s")
            } else {
                print("\(db.location) already holds \(before.tables["person", default: 0].formatted()) persons; nothing loaded.")
            }
            let info = try await db.info()
            print("""

                CDM v\(info.cdmVersion) at \(db.location)
                  persons \(info.tables["person", default: 0].formatted()), conditions \(info.tables["condition_occurrence", default: 0].formatted()), \
                drug exposures \(info.tables["drug_exposure", default: 0].formatted()), measurements \(info.tables["measurement", default: 0].formatted())

                Next: `optima info` for every table, `optima serve` for the API at http://127.0.0.1:8080/api/info
                """)
        }
    }
}
