import ArgumentParser
import CDMStore
import Cohorts
import Foundation

/// Runs a list of cohort definitions against one database, timing each and collecting failures by id.
enum CohortBenchmark {
    struct Result: Codable {
        let id: Int64
        let file: String
        let seconds: Double
        let rows: Int
        let persons: Int
    }

    struct Failure: Codable {
        let id: Int64
        let file: String
        let error: String
    }

    struct Report: Codable {
        let database: String
        let results: [Result]
        let failures: [Failure]
        let totalSeconds: Double
        let peakResidentMegabytes: Double

        var summary: String {
            let times = results.map(\.seconds).sorted()
            let median = times.isEmpty ? 0 : times[times.count / 2]
            var lines = ["", "\(results.count) generated, \(failures.count) failed on \(database)",
                         String(format: "total %.1f s, median %.3f s, max %.3f s per definition; peak memory (RSS) %.0f MiB",
                                totalSeconds, median, times.last ?? 0, peakResidentMegabytes)]
            lines += failures.map { "FAILED \($0.id) (\($0.file)): \($0.error)" }
            return lines.joined(separator: "\n")
        }
    }

    /// The JSON files named, with folders expanded (sorted by numeric name, then name).
    static func files(_ paths: [String]) throws -> [String] {
        var files: [String] = []
        for path in paths {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw ValidationError("\(path): no such file or folder")
            }
            if isDirectory.boolValue {
                let names = try FileManager.default.contentsOfDirectory(atPath: path).filter { $0.hasSuffix(".json") }
                files += names.sorted { (id(of: $0) ?? .max, $0) < (id(of: $1) ?? .max, $1) }.map { (path as NSString).appendingPathComponent($0) }
            } else {
                files.append(path)
            }
        }
        return files
    }

    static func run(_ files: [String], on db: any Database, progress: (String) -> Void) async throws -> Report {
        var results: [Result] = []
        var failures: [Failure] = []
        let clock = ContinuousClock()
        let started = clock.now
        for (index, file) in files.enumerated() {
            let id = id(of: file) ?? Int64(index + 1)
            do {
                let expression = try CohortExpression.parse(try Data(contentsOf: URL(fileURLWithPath: file)))
                let generation = try await db.generateCohort(expression, cohortID: id)
                results.append(Result(id: id, file: file, seconds: generation.seconds, rows: generation.rows, persons: generation.persons))
                progress(String(format: "%8lld  %9.3f s  %10d rows", id, generation.seconds, generation.rows))
            } catch {
                failures.append(Failure(id: id, file: file, error: "\(error)"))
                progress(String(format: "%8lld  FAILED  ", id) + "\(error)")
            }
        }
        return Report(database: db.location.description, results: results, failures: failures,
                      totalSeconds: (clock.now - started).seconds, peakResidentMegabytes: ImportBenchmark.peakResidentMegabytes())
    }

    /// The cohort id a file name carries, e.g. 636 for `636.json`.
    static func id(of file: String) -> Int64? {
        Int64(((file as NSString).lastPathComponent as NSString).deletingPathExtension)
    }
}
