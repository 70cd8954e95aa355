import CDMStore
import Foundation

/// Timing of bulk loads against the read-and-validate baseline.
enum ImportBenchmark {
    struct Report: Encodable {
        let database: String
        let method: String
        let rows: Int
        /// The whole import.
        let seconds: Double
        /// Reading, validating and writing the rows.
        let rowSeconds: Double
        /// Rebuilding the primary keys and indices afterwards.
        let indexSeconds: Double
        /// Reading and validating the same files without a database.
        let baselineSeconds: Double
        let peakResidentMegabytes: Double

        var text: String {
            func rate(_ seconds: Double) -> String { "\(Int(Double(rows) / seconds).formatted()) rows/s" }
            return """
                database              \(database)
                method                \(method)
                rows                  \(rows.formatted())
                load                  \(String(format: "%.2f", seconds)) s, \(rate(seconds))
                  writing rows        \(String(format: "%.2f", rowSeconds)) s, \(rate(rowSeconds))
                  building indices    \(String(format: "%.2f", indexSeconds)) s
                baseline (read only)  \(String(format: "%.2f", baselineSeconds)) s, \(rate(baselineSeconds))
                load / baseline       \(String(format: "%.2f", baselineSeconds / seconds))
                peak memory (RSS)     \(String(format: "%.0f", peakResidentMegabytes)) MiB
                """
        }

        func jsonData() throws -> Data {
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.sortedKeys, .prettyPrinted]
            encoder.keyEncodingStrategy = .convertToSnakeCase
            return try encoder.encode(self)
        }
    }

    /// Reads and validates every file of the folder without a database; returns the seconds taken.
    static func readOnly(directory: String) throws -> Double {
        let started = Date()
        let plan = try ImportPlan(directory: directory, kind: .omop)
        for file in plan.files {
            let reader = try TableFileReader(path: file.path, table: file.table, ignoreExtraColumns: false)
            while try reader.next() {}
        }
        return Date().timeIntervalSince(started)
    }

    static func peakResidentMegabytes() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_maxrss) / 1024  // Linux reports kilobytes
    }
}
