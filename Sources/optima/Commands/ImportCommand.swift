import ArgumentParser
import CDMStore
import Foundation

struct ImportCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "import",
        abstract: "Load OMOP table files or an Athena vocabulary download, all or nothing.",
        subcommands: [OMOPFolder.self, VocabularyFolder.self])

    struct Options: ParsableArguments {
        @Argument(help: "The folder of table files (TABLE.csv or .tsv, optionally .gz; comma or tab detected).")
        var directory: String

        @Flag(help: "Skip columns that are not in the CDM v5.4 table instead of stopping.")
        var ignoreExtraColumns = false

        @Flag(help: "Print the summary as JSON.")
        var json = false

        @OptionGroup var database: DatabaseOptions

        func run(kind: ImportPlan.Kind) async throws {
            let summary = try await database.withDatabase { db in
                defer { Terminal.endProgress() }
                return try await db.importFolder(
                    directory, kind: kind, ignoreExtraColumns: ignoreExtraColumns, progress: Terminal.importProgress())
            }
            summary.warnings.forEach(Terminal.warn)
            if json {
                let document: [String: Any] = [
                    "rows": summary.rowsByTable, "total_rows": summary.totalRows,
                    "seconds": summary.seconds, "warnings": summary.warnings,
                ]
                Terminal.printJSON(try JSONSerialization.data(withJSONObject: document, options: [.sortedKeys, .prettyPrinted]))
            } else {
                for (table, rows) in summary.rowsByTable.sorted(by: { $0.key < $1.key }) where rows > 0 {
                    print("  \(table.padding(toLength: 24, withPad: " ", startingAt: 0)) \(rows.formatted())")
                }
                let rate = summary.seconds > 0 ? Int(Double(summary.totalRows) / summary.seconds) : 0
                print("Imported \(summary.totalRows.formatted()) rows in \(String(format: "%.1f", summary.seconds)) s (\(rate.formatted()) rows/s)")
            }
        }
    }

    struct OMOPFolder: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "omop",
            abstract: "Load a folder of per-table OMOP CDM files (v5.4; v5.3 files are mapped with warnings).")

        @OptionGroup var options: Options

        func run() async throws {
            try await options.run(kind: .omop)
        }
    }

    struct VocabularyFolder: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "vocabulary",
            abstract: "Load an Athena vocabulary download (tab-separated CONCEPT.csv, CONCEPT_RELATIONSHIP.csv, ...).")

        @OptionGroup var options: Options

        func run() async throws {
            try await options.run(kind: .vocabulary)
        }
    }
}
