import CDMTestSupport
import Foundation
import Statistics

/// Runs scripts/reference/cox_lifelines.py on a `CoxData` written as CSV and returns its JSON.
enum CoxReference {
    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("scripts/reference/cox_lifelines.py").path

    static var available: Bool {
        ExternalProgram.hasPythonModule("lifelines") && ExternalProgram.hasPythonModule("statsmodels")
    }

    /// The table with a `stratum` column only when the data has strata (the reference would take it for a covariate).
    static func run(_ data: CoxData, ties: PartialLikelihood.Ties, arguments: [String] = []) throws -> [String: Any] {
        let columns = ["time", "event"] + (data.strata == nil ? [] : ["stratum"]) + data.names
        let p = data.names.count
        let lines = data.times.indices.map { i in
            (["\(data.times[i])", data.events[i] ? "1" : "0"] + (data.strata.map { ["\($0[i])"] } ?? [])
             + (0..<p).map { "\(data.values[i * p + $0])" }).joined(separator: ",")
        }
        let path = try TestDatabases.temporaryDirectory() + "/cox.csv"
        try ([columns.joined(separator: ",")] + lines).joined(separator: "\n").appending("\n").write(toFile: path, atomically: true, encoding: .utf8)
        let run = try ExternalProgram.run(["python3", script, path, "--ties", ties.rawValue, "--precision", "1e-12"]
                                          + (data.strata == nil ? [] : ["--strata", "stratum"]) + arguments)
        guard run.status == 0, let json = try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: Any] else {
            throw StatisticsError("the reference failed: \(run.errors)")
        }
        return json
    }

    /// |ours − theirs| within `relative` of theirs (or of `floor` when theirs is smaller).
    static func close(_ ours: Double, _ theirs: Double, relative: Double = 1e-6, floor: Double = 1e-3) -> Bool {
        abs(ours - theirs) <= relative * max(abs(theirs), floor)
    }

    /// p-values: ours is 1 − P(df/2, x/2), accurate to about 1e-15 absolute, so tiny ones compare absolutely.
    static func closeP(_ ours: Double, _ theirs: Double) -> Bool {
        abs(ours - theirs) <= 1e-6 * theirs + 1e-14
    }

    /// The test data of `CoxRegressionTests` in the variants the suites need.
    static func data(_ n: Int = 600, covariates: Int = 3, strata: Bool, tieFree: Bool = false, seed: UInt64 = 7) throws -> CoxData {
        let (data, _) = try CoxRegressionTests.data(n, covariates: covariates, seed: seed)
        // Distinct fractions of a day break every tie without changing the order of distinct times.
        let times = tieFree ? data.times.indices.map { data.times[$0] + Double($0) / Double(4 * n) } : data.times
        return try CoxData(times: times, events: data.events, values: data.values, names: data.names, strata: strata ? data.strata : nil)
    }
}
