import CDMTestSupport
import Foundation
import Statistics
import Testing

/// Cox regression against lifelines (Efron ties) and statsmodels PHReg (Breslow ties) on the same data:
/// coefficients and standard errors to 1e-6 relative, log partial likelihood to 1e-8; with ties, strata,
/// a single covariate; collinear, separated and event-free data are refused in words.
@Suite struct CoxRegressionTests {
    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("scripts/reference/cox_lifelines.py").path

    static var referencesAvailable: Bool {
        ExternalProgram.hasPythonModule("lifelines") && ExternalProgram.hasPythonModule("statsmodels")
    }

    /// Exponential times with log hazard 0.5 x₁ − 0.8 x₂ + 0.1 x₃ (x₂ binary, x₃ small integers), rounded to
    /// whole days so that events tie, about a third censored, in three strata with different baselines.
    static func data(_ n: Int, covariates: Int = 3, seed: UInt64 = 7) throws -> (CoxData, csv: String) {
        var state = seed
        func next() -> Double {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Double(state >> 11) / Double(1 << 53)
        }
        var times: [Double] = [], events: [Bool] = [], rows: [[Double]] = [], strata: [Int] = []
        for _ in 0..<n {
            let x = [next() * 2 - 1, next() < 0.4 ? 1 : 0, Double(Int(next() * 4))].prefix(covariates)
            let stratum = Int(next() * 3)
            let eta = zip(x, [0.5, -0.8, 0.1]).reduce(0) { $0 + $1.0 * $1.1 }
            let time = (-log(1 - next()) / (0.01 * Double(stratum + 1) * exp(eta))).rounded(.up)
            let censor = (-log(1 - next()) * 150).rounded(.up)
            times.append(min(time, censor))
            events.append(time <= censor)
            rows.append(Array(x))
            strata.append(stratum)
        }
        let names = ["x1", "x2", "x3"].prefix(covariates).map { $0 }
        let csv = "time,event,stratum," + names.joined(separator: ",") + "\n" + times.indices.map { i in
            "\(times[i]),\(events[i] ? 1 : 0),\(strata[i])," + rows[i].map { "\($0)" }.joined(separator: ",")
        }.joined(separator: "\n") + "\n"
        return (try CoxData(times: times, events: events, covariates: rows, names: names, strata: strata), csv)
    }

    static let cases: [(name: String, covariates: Int, ties: PartialLikelihood.Ties, strata: Bool)] = [
        ("Efron, ties", 3, .efron, false), ("Efron, strata", 3, .efron, true), ("Efron, one covariate", 1, .efron, false),
        ("Breslow, ties", 3, .breslow, false), ("Breslow, strata", 3, .breslow, true),
    ]

    @Test(.enabled(if: referencesAvailable, "Python lifelines and statsmodels are not installed; the test command installs them"),
          arguments: cases.indices)
    func matchesTheReference(_ index: Int) throws {
        let (name, covariates, ties, stratified) = Self.cases[index]
        let (data, csv) = try Self.data(600, covariates: covariates)
        let withStrata = stratified ? data : try CoxData(times: data.times, events: data.events, covariates: data.covariates, names: data.names)
        let fit = try CoxRegression(withStrata, ties: ties)
        let folder = try TestDatabases.temporaryDirectory()
        var table = csv
        if !stratified {  // the reference must not see the stratum column as a covariate
            table = csv.split(separator: "\n").map { line in
                line.split(separator: ",", omittingEmptySubsequences: false).enumerated().filter { $0.offset != 2 }.map(\.element).joined(separator: ",")
            }.joined(separator: "\n") + "\n"
        }
        try table.write(toFile: folder + "/cox.csv", atomically: true, encoding: .utf8)
        let run = try ExternalProgram.run(["python3", Self.script, folder + "/cox.csv", "--ties", ties.rawValue, "--precision", "1e-12"]
                                          + (stratified ? ["--strata", "stratum"] : []))
        try #require(run.status == 0, "\(name): \(run.errors)")
        let reference = try #require(try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: Any])
        let coefficients = try #require(reference["coefficients"] as? [String: [String: Double]])
        #expect(fit.events == reference["events"] as? Int)
        for coefficient in fit.coefficients {
            let expected = try #require(coefficients[coefficient.name])
            for (ours, key) in [(coefficient.coef, "coef"), (coefficient.se, "se"), (coefficient.lower, "lower"), (coefficient.upper, "upper")] {
                let theirs = expected[key] ?? .nan
                #expect(abs(ours - theirs) <= 1e-6 * max(abs(theirs), 1e-3), "\(name) \(coefficient.name) \(key): \(ours) vs \(theirs)")
            }
        }
        let loglik = reference["loglik"] as? Double ?? .nan
        #expect(abs(fit.logLikelihood - loglik) <= 1e-8 * abs(loglik), "\(name) log-likelihood \(fit.logLikelihood) vs \(loglik)")
        #expect(fit.likelihoodRatio > 0)
    }

    @Test func refusesWhatCannotBeEstimated() throws {
        let (data, _) = try Self.data(200)
        // x4 = x1 + x3: collinear.
        let collinear = try CoxData(times: data.times, events: data.events,
                                    covariates: data.covariates.map { $0 + [$0[0] + $0[2]] }, names: data.names + ["x4"])
        #expect { try CoxRegression(collinear) } throws: { "\($0)".contains("x4 is a linear combination") }
        let noEvents = try CoxData(times: data.times, events: data.events.map { _ in false }, covariates: data.covariates, names: data.names)
        #expect { try CoxRegression(noEvents) } throws: { "\($0)".contains("no events") }
        // Every event has x = 1, every censored subject x = 0: the estimate runs off to infinity.
        let separated = try CoxData(times: data.times, events: data.events, covariates: data.events.map { [$0 ? 1 : 0] }, names: ["marker"])
        #expect(throws: StatisticsError.self) { try CoxRegression(separated) }
        #expect(throws: StatisticsError.self) { try CoxData(times: [1, 2], events: [true], covariates: [[1], [2]], names: ["x"]) }
    }
}
