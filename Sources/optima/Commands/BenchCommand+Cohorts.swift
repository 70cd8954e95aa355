import ArgumentParser
import CDMStore
import Cohorts
import Foundation

extension BenchCommand {
    struct CohortsBench: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "cohorts",
            abstract: "Generate many cohort definitions and report seconds per definition, failures by id and peak memory.",
            discussion: """
                Each definition is generated as `optima cohort generate` does, with the file's numeric name as its
                cohort id (else its position). A definition that fails is reported by id with its error and
                the run goes on; the command fails at the end if any did. Give a folder to run every JSON in it.
                """)

        @Argument(help: "Definition files (Circe JSON) or folders of them.")
        var definitions: [String]

        @OptionGroup var database: DatabaseOptions

        @Flag(help: "Print the result as JSON.")
        var json = false

        func run() async throws {
            let files = try CohortBenchmark.files(definitions)
            let report = try await database.withDatabase { db in
                try await CohortBenchmark.run(files, on: db) { line in
                    if !json { print(line) }
                }
            }
            if json {
                try Terminal.printJSON(encoding: report)
            } else {
                print(report.summary)
            }
            if !report.failures.isEmpty { throw ExitCode(1) }
        }
    }
}
