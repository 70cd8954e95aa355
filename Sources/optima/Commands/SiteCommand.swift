import ArgumentParser
import CDMStore
import Foundation
import Governance

/// `optima site show|set`: the site-wide disclosure settings a data steward keeps in the database.
struct SiteCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "site",
        abstract: "Show or set the site's disclosure settings (the minimum cell count every analysis applies at least).",
        subcommands: [Show.self, Set.self])

    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Show the site's minimum cell count.")

        @OptionGroup var database: DatabaseOptions
        @Flag(help: "Print one JSON document: {\"minimum_cell_count\"}.") var json = false

        func run() async throws {
            let minimum = try await database.withDatabase { try await $0.siteMinimumCellCount() }
            if json {
                Terminal.printJSON(try JSONEncoder().encode(["minimum_cell_count": minimum]))
            } else {
                print("Minimum cell count: \(minimum) (analyses may ask for more, never for less)")
            }
        }
    }

    struct Set: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Set the site's minimum cell count.",
            discussion: "Counts below it leave any analysis only as \"<N\" or \"suppressed\". 1 would disclose every count and is refused; below 5 (the default) the site answers for it.")

        @OptionGroup var database: DatabaseOptions
        @Option(name: .customLong("min-cell-count"), help: "The minimum cell count, at least 2.") var minimumCellCount: Int

        func validate() throws {
            guard minimumCellCount >= 2 else {
                throw ValidationError("--min-cell-count \(minimumCellCount): a minimum below 2 would disclose every count")
            }
        }

        func run() async throws {
            try await database.withAuditedDatabase(
                "site set", resource: "site settings", purpose: .administration, detail: { _ in "minimum cell count \(minimumCellCount)" }
            ) { try await $0.setSiteMinimumCellCount(minimumCellCount) }
            if minimumCellCount < SmallCellCount.defaultMinimum {
                FileHandle.standardError.write(Data("warning: a minimum cell count of \(minimumCellCount) is below the usual \(SmallCellCount.defaultMinimum); the site answers for counts this small\n".utf8))
            }
            print("Minimum cell count set to \(minimumCellCount).")
        }
    }
}
