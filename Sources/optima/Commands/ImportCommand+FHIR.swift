import ArgumentParser
import CDMStore
import Foundation
import Governance
import Ingest
import Synthetic

extension ImportCommand {
    struct FHIRFiles: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "fhir",
            abstract: "Load FHIR R4 resources (bulk-data NDJSON or Bundles, gzip'd or not) into the CDM.",
            discussion: """
                Each path is a file or a folder of .ndjson[.gz] / .json[.gz] files. Codes map through the vocabulary in
                the database; a database without one gets Optima's oncology subset first. Patients are held under keyed
                pseudonyms (site secrets, --secrets); importing the same resources again changes nothing. Every resource
                read is written, skipped or rejected with its reason: see the report. docs/ingest.md has the mapping rules.
                """)

        @Argument(help: "FHIR files or folders.")
        var paths: [String]

        @Option(help: ArgumentHelp("Also write the full mapping report as JSON to this file.", valueName: "file.json"))
        var report: String?

        @Option(help: "Resources per transaction.")
        var batchSize = FHIRImportOptions().batchSize

        @Flag(help: "Print the report as JSON.")
        var json = false

        @OptionGroup var database: DatabaseOptions
        @OptionGroup var secrets: SiteSecretsOptions

        func run() async throws {
            let (siteSecrets, created) = try secrets.loadOrCreate()
            if created { FileHandle.standardError.write(Data("Site secrets created at \(secrets.resolvedPath) (keep this file private and backed up)\n".utf8)) }
            let result = try await database.withAuditedDatabase(
                "import fhir", resource: "database", purpose: .dataManagement,
                detail: { (report: FHIRImportReport) in
                    "resources read \(report.resourcesRead), written \(report.resourcesWritten), rejected \(report.resourcesRejected)"
                }
            ) { db in
                var hasVocabulary = try await db.hasSchema()
                if hasVocabulary { hasVocabulary = try await db.query("SELECT COUNT(*) AS n FROM concept").first?["n"].integerValue ?? 0 > 0 }
                if !hasVocabulary {
                    let added = try await db.installOncologyVocabulary()
                    FileHandle.standardError.write(Data("The database had no vocabulary: installed Optima's oncology subset (\(added) concepts)\n".utf8))
                }
                defer { Terminal.endProgress() }
                return try await db.importFHIR(paths, pseudonymizer: Pseudonymizer(secrets: siteSecrets),
                                               options: FHIRImportOptions(batchSize: batchSize), progress: Self.progress())
            }
            if let path = report {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.prettyPrinted, .sortedKeys]
                try encoder.encode(result).write(to: URL(fileURLWithPath: path))
            }
            if json { return try Terminal.printJSON(encoding: result) }
            print(FHIRImportReportText(result).description)
        }

        /// A progress line on stderr, only on a terminal.
        static func progress() -> (@Sendable (FHIRImportProgress) -> Void)? {
            guard isatty(STDERR_FILENO) == 1 else { return nil }
            return { progress in
                let megabytes = Double(progress.bytesRead) / 1_000_000
                FileHandle.standardError.write(Data(
                    "\r\u{1B}[K  \(progress.fileName): \(progress.resources.formatted()) resources, \(String(format: "%.0f", megabytes)) MB".utf8))
            }
        }
    }
}
