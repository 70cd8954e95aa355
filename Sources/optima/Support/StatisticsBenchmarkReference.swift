import Foundation

/// The reference side of `optima bench stats`: runs `scripts/reference/bench_stats.py` (lifelines and
/// statsmodels) on the same CSV files and reads its seconds and estimates.
struct StatisticsBenchmarkReference: Decodable {
    /// One analysis as the script reports it: seconds and estimates, or why there are none.
    struct Analysis: Decodable {
        let seconds: Double?
        let error: String?
        let survival: [Double]?
        let median: Double?
        let coefficients: [String: Double]?
        let se: [String: Double]?
    }

    let python: String
    let versions: [String: String?]
    let kaplanMeier: Analysis
    let cox: Analysis
    let logistic: Analysis

    /// Runs the script; throws one line saying what is missing or what went wrong.
    static func run(python: String, script: String, survival: URL, logistic: URL, times: [Double], repetitions: Int, scratch: URL) throws -> Self {
        guard FileManager.default.fileExists(atPath: script) else {
            throw StatisticsBenchmarkError("reference script \(script) not found (run from the package folder or give --reference-script)")
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = [python, script, "--survival", survival.path, "--logistic", logistic.path,
                             "--km-times", times.map { "\($0)" }.joined(separator: ","), "--repeat", "\(repetitions)"]
        // stderr to a file: a chatty library cannot fill a pipe and stall the run while stdout is read.
        let errorsFile = scratch.appendingPathComponent("reference-stderr.txt")
        _ = FileManager.default.createFile(atPath: errorsFile.path, contents: nil)
        let errors = try FileHandle(forWritingTo: errorsFile)
        let output = Pipe()
        process.standardOutput = output
        process.standardError = errors
        do {
            try process.run()
        } catch {
            throw StatisticsBenchmarkError("cannot start \(python): \(error.localizedDescription)")
        }
        let stdout = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try errors.close()
        let stderr = (try? String(contentsOf: errorsFile, encoding: .utf8)) ?? ""
        let lastLine = stderr.split(separator: "\n").last.map(String.init) ?? "no message"
        guard process.terminationStatus != 127 else { throw StatisticsBenchmarkError("\(python) not found on PATH (give --python)") }
        guard process.terminationStatus == 0 else {
            throw StatisticsBenchmarkError("\(python) \(script) exited with status \(process.terminationStatus): \(lastLine)")
        }
        guard !stdout.isEmpty else { throw StatisticsBenchmarkError("\(python) \(script) printed no report (\(lastLine))") }
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        do {
            return try decoder.decode(Self.self, from: stdout)
        } catch {
            throw StatisticsBenchmarkError("\(python) \(script) printed an unreadable report: \(error.localizedDescription)")
        }
    }

    /// "Python 3.12.3" and the module versions, for the report.
    var versionNames: [String: String] {
        var names = ["python": python]
        for case let (module, version?) in versions { names[module] = version }
        return names
    }
}
