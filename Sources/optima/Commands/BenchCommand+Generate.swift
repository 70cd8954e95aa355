import ArgumentParser
import CDMStore
import Foundation
import Governance
import Synthetic

extension BenchCommand {
    struct GenerateBench: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "generate",
            abstract: "Generate a synthetic population into an empty CDM and report persons/s, rows/s and peak memory.",
            discussion: """
                The baseline, measured in the same run, simulates the same persons without a database. Peak memory is the
                process's maximum resident set size.
                """)

        @Option(help: "Number of persons.")
        var persons = 100_000

        @Option(help: "Random seed.")
        var seed: UInt64 = 42

        @Flag(help: "Print the result as JSON.")
        var json = false

        @OptionGroup var database: DatabaseOptions

        struct Report: Encodable {
            let database: String
            let persons: Int
            let rows: Int
            let seconds: Double
            let baselineSeconds: Double
            let peakResidentMegabytes: Double
        }

        func run() async throws {
            let settings = GenerationSettings(persons: persons, seed: seed)
            try settings.validate()
            let started = Date()
            _ = PopulationSimulation.rowCount(settings, site: .single, persons: 0..<persons)
            let baseline = Date().timeIntervalSince(started)
            let summary = try await database.withDatabase { db in
                // Pseudonymised as `generate` does it, with throwaway keys.
                try await db.generatePopulation(settings, site: .single, persons: 0..<persons, pseudonymizer: Pseudonymizer(secrets: .generate()))
            }
            let report = Report(database: try database.location().description, persons: persons, rows: summary.totalRows,
                                seconds: summary.seconds, baselineSeconds: baseline,
                                peakResidentMegabytes: ImportBenchmark.peakResidentMegabytes())
            if json {
                let encoder = JSONEncoder()
                encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
                encoder.keyEncodingStrategy = .convertToSnakeCase
                Terminal.printJSON(try encoder.encode(report))
            } else {
                func rate(_ count: Int, _ seconds: Double) -> String { Int(Double(count) / seconds).formatted() }
                print("""
                    database              \(report.database)
                    persons               \(persons.formatted())
                    rows                  \(report.rows.formatted())
                    generation            \(String(format: "%.1f", report.seconds)) s, \(rate(persons, report.seconds)) persons/s, \(rate(report.rows, report.seconds)) rows/s
                    baseline (simulate)   \(String(format: "%.1f", baseline)) s, \(rate(persons, baseline)) persons/s
                    peak memory (RSS)     \(String(format: "%.0f", report.peakResidentMegabytes)) MiB
                    """)
            }
        }
    }
}
