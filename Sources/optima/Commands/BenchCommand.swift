import ArgumentParser
import CDMStore
import Foundation

struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Measure bulk-load, generation, cohort, statistics and API speed and peak memory.",
        subcommands: [ImportBench.self, GenerateBench.self, CohortsBench.self, StatsBench.self, ServeBench.self, FHIRBench.self, CDSBench.self, FederationBench.self, WebBench.self, ExploreBench.self])

    struct ImportBench: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import",
            abstract: "Load a folder (or a generated measurement file) and report rows/s and peak memory.",
            discussion: """
                The baseline, measured in the same run, is reading and validating the same files without
                a database; the load figure is reported as a ratio of it. Peak memory is the process's
                maximum resident set size.
                """)

        @Option(help: "A folder of OMOP files to load; without it, a measurement file of --rows rows is generated.")
        var folder: String?

        @Option(help: "Rows of the generated measurement file.")
        var rows = 1_000_000

        @Option(help: "Where to write the generated file (kept for reuse).")
        var workDirectory = NSTemporaryDirectory() + "optima-bench"

        @Flag(help: "Print the result as JSON.")
        var json = false

        @OptionGroup var database: DatabaseOptions

        func run() async throws {
            let directory = try folder ?? MeasurementFileGenerator.folder(rows: rows, under: workDirectory)
            let baseline = try ImportBenchmark.readOnly(directory: directory)
            let (method, summary) = try await database.withDatabase { db in
                try await db.createSchema()
                return (db.dialect.bulkLoadMethod, try await db.importFolder(directory, kind: .omop))
            }
            let report = ImportBenchmark.Report(
                database: try database.location().description, method: method, rows: summary.totalRows,
                seconds: summary.seconds, rowSeconds: summary.rowSeconds, indexSeconds: summary.indexSeconds,
                baselineSeconds: baseline, peakResidentMegabytes: ImportBenchmark.peakResidentMegabytes())
            if json {
                Terminal.printJSON(try report.jsonData())
            } else {
                print(report.text)
            }
        }
    }
}
