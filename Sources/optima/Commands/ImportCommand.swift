import ArgumentParser
import CDMStore
import Foundation
import Governance

struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Load OMOP table files or an Athena vocabulary download, all or nothing.",
        subcommands: [OMOPFolder.self, VocabularyFolder.self, FHIRFiles.self])

    struct Options: ParsableArguments {
        @Argument(help: "The folder of table files (TABLE.csv or .tsv, optionally .gz; comma or tab detected).")
        var directory: String

        @Flag(help: "Skip columns that are not in the CDM v5.4 table instead of stopping.")
        var ignoreExtraColumns = false

        @Flag(help: "Print the summary as JSON.")
        var json = false

        @OptionGroup var database: DatabaseOptions

        func report(_ summary: ImportSummary, notes: [String] = [], extra: [String: Any] = [:]) throws {
            summary.warnings.forEach(Terminal.warn)
            if json {
                let document: [String: Any] = [
                    "rows": summary.rowsByTable, "total_rows": summary.totalRows,
                    "seconds": summary.seconds, "warnings": summary.warnings,
                ].merging(extra) { $1 }
                Terminal.printJSON(try JSONSerialization.data(withJSONObject: document, options: [.sortedKeys, .prettyPrinted]))
            } else {
                for (table, rows) in summary.rowsByTable.sorted(by: { $0.key < $1.key }) where rows > 0 {
                    print("  \(table.padding(toLength: 24, withPad: " ", startingAt: 0)) \(rows.formatted())")
                }
                let rate = summary.seconds > 0 ? Int(Double(summary.totalRows) / summary.seconds) : 0
                print("Imported \(summary.totalRows.formatted()) rows in \(String(format: "%.1f", summary.seconds)) s (\(rate.formatted()) rows/s)")
                notes.forEach { print($0) }
            }
        }
    }

    struct OMOPFolder: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "omop",
            abstract: "Load a folder of per-table OMOP CDM files (v5.4; v5.3 files are mapped with warnings).",
            discussion: """
                Every person_source_value is replaced by its keyed pseudonym (site secrets, --secrets) before it is
                written; persons erased before are left out. See docs/governance-privacy.md.
                """)

        @OptionGroup var options: Options
        @OptionGroup var secrets: SiteSecretsOptions

        @Flag(help: "Also import free-text notes (NOTE and NOTE_NLP files), which are skipped otherwise.")
        var includeNotes = false

        @Option(help: ArgumentHelp("Shift every date of a person's rows by a keyed offset within ± this many days (0: off).",
                                   valueName: "max-days"))
        var shiftDates = 0

        func run() async throws {
            let (siteSecrets, created) = try secrets.loadOrCreate()
            if created { FileHandle.standardError.write(Data("Site secrets created at \(secrets.resolvedPath) (keep this file private and backed up)\n".utf8)) }
            let result = try await options.database.withAuditedDatabase(
                "import omop", resource: "database", purpose: .dataManagement,
                detail: { (result: PseudonymisedImport) in "rows \(result.summary.totalRows), erased persons skipped \(result.erasedPersonsSkipped)" }
            ) { db in
                defer { Terminal.endProgress() }
                return try await db.importPseudonymised(
                    options.directory, pseudonymizer: Pseudonymizer(secrets: siteSecrets), shiftDates: shiftDates,
                    includeNotes: includeNotes, ignoreExtraColumns: options.ignoreExtraColumns, progress: Terminal.importProgress())
            }
            let skipped = result.erasedPersonsSkipped
            try options.report(result.summary, notes: skipped > 0 ? ["\(skipped.formatted()) erased person\(skipped == 1 ? "" : "s") skipped"] : [],
                               extra: ["erased_persons_skipped": skipped])
        }
    }

    struct VocabularyFolder: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "vocabulary",
            abstract: "Load an Athena vocabulary download (tab-separated CONCEPT.csv, CONCEPT_RELATIONSHIP.csv, ...).")

        @OptionGroup var options: Options

        func run() async throws {
            let summary = try await options.database.withAuditedDatabase(
                "import vocabulary", resource: "vocabulary", purpose: .dataManagement, detail: { (summary: ImportSummary) in "rows \(summary.totalRows)" }
            ) { db in
                defer { Terminal.endProgress() }
                return try await db.importFolder(
                    options.directory, kind: .vocabulary, ignoreExtraColumns: options.ignoreExtraColumns, progress: Terminal.importProgress())
            }
            try options.report(summary)
        }
    }
}
