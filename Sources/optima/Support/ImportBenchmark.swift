import CDMStore
import Foundation

/// Timing of bulk loads against the read-and-validate baseline.
enum ImportBenchmark {
    struct Timing {
        let rows: Int
        let seconds: Double
    }

    struct Report: Encodable {
        let database: String
        let method: String
        let rows: Int
        let seconds: Double
        let baselineSeconds: Double
        let peakResidentMegabytes: Double

        var rowsPerSecond: Double { Double(rows) / seconds }
        var baselineRowsPerSecond: Double { Double(rows) / baselineSeconds }

        var text: String {
            """
            database              \(database)
            method                \(method)
            rows                  \(rows.formatted())
            load                  \(String(format: "%.2f", seconds)) s, \(Int(rowsPerSecond).formatted()) rows/s
            baseline (read only)  \(String(format: "%.2f", baselineSeconds)) s, \(Int(baselineRowsPerSecond).formatted()) rows/s
            load / baseline       \(String(format: "%.2f", rowsPerSecond / baselineRowsPerSecond))
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

    /// Reads and validates every file of the folder without a database.
    static func readOnly(directory: String) throws -> Timing {
        let started = Date()
        let plan = try ImportPlan(directory: directory, kind: .omop)
        var rows = 0
        for file in plan.files {
            let reader = try TableFileReader(path: file.path, table: file.table, ignoreExtraColumns: false)
            while try reader.next() { rows += 1 }
        }
        return Timing(rows: rows, seconds: Date().timeIntervalSince(started))
    }

    static func load(directory: String, into database: any Database) async throws -> Timing {
        let summary = try await database.importFolder(directory, kind: .omop)
        return Timing(rows: summary.totalRows, seconds: summary.seconds)
    }

    static func peakResidentMegabytes() -> Double {
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        return Double(usage.ru_maxrss) / 1024  // Linux reports kilobytes
    }
}
