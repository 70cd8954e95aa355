import ArgumentParser
import CDMStore
import Foundation

extension BenchCommand {
    struct FHIRBench: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "fhir",
            abstract: "Generate persons, export them as FHIR NDJSON, import that into fresh CDMs; report resources/s, MB/s and peak memory.",
            discussion: """
                Generates --persons synthetic persons into a temporary SQLite CDM, exports them with the FHIR bulk
                exporter, then imports the NDJSON into a fresh SQLite file (and into a fresh schema on --postgres, dropped
                afterwards) with new pseudonym keys. The baseline, measured in the same run, only reads and parses every
                file; each import is reported as a ratio of it. Installing the vocabulary into the empty CDM is not timed.
                Peak memory is the process's maximum resident set size at the end of each step. The import is checked:
                every clinical table has the generated CDM's row count (visit_detail that of visit_occurrence, as
                same-day encounters merge into one visit), the report balances and rejects nothing; otherwise the
                command fails. Measure with a release build.
                """)

        @Option(help: "Number of persons to generate.")
        var persons = 10_000

        @Option(help: "Random seed of the generated persons.")
        var seed: UInt64 = 42

        @Option(help: ArgumentHelp("Also import into a fresh schema on this PostgreSQL server.", valueName: "postgres://USER@HOST/DB"))
        var postgres: String?

        @Flag(help: "Print the result as JSON.")
        var json = false

        func validate() throws {
            guard persons >= 1 else { throw ValidationError("--persons must be at least 1 (got \(persons))") }
            if let postgres, case .sqlite = try DatabaseLocation(parsing: postgres) {
                throw ValidationError("--postgres must be a postgres:// URL (got \(postgres))")
            }
        }

        func run() async throws {
            var server: PostgresLocation?
            if let postgres, case .postgres(let location) = try DatabaseLocation(parsing: postgres) { server = location }
            let work = (NSTemporaryDirectory() as NSString).appendingPathComponent("optima-bench-fhir-\(UUID().uuidString)")
            let report = try await FHIRBenchmark(persons: persons, seed: seed, postgres: server, workDirectory: work) { step in
                if !json { print(step) }
            }.run()
            if json {
                Terminal.printJSON(try report.jsonData())
            } else {
                print("")
                print(report.text)
            }
            for failed in report.imports where !failed.problems.isEmpty {
                FileHandle.standardError.write(Data(
                    "error: the FHIR import into \(failed.database) does not give back the generated CDM: \(failed.problems.joined(separator: "; "))\n".utf8))
            }
            if !report.verified { throw ExitCode(1) }
        }
    }
}
