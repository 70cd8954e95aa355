import CDMTestSupport
import Foundation
import Testing

/// `optima stats km|cox` on a CSV table give lifelines' numbers for the same table; `optima stats logistic|poisson`
/// statsmodels' and, penalized, scikit-learn's.
@Suite struct StatsCommandTests {
    let cli = CommandLineTests()
    static let references = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("scripts/reference").path

    /// 300 subjects, whole-day times (ties), two covariates, a third censored.
    static func table() throws -> String {
        var state: UInt64 = 99
        func next() -> Double {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Double(state >> 11) / Double(1 << 53)
        }
        let rows = (0..<300).map { _ -> String in
            let age = next() * 2 - 1, treated = next() < 0.5 ? 1 : 0
            let time = (-log(1 - next()) / (0.02 * exp(0.7 * age - 0.5 * Double(treated)))).rounded(.up)
            let censor = (-log(1 - next()) * 90).rounded(.up)
            return "\(min(time, censor)),\(time <= censor ? 1 : 0),\(age),\(treated)"
        }
        let path = try TestDatabases.temporaryDirectory() + "/table.csv"
        try ("time,event,age,treated\n" + rows.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        return path
    }

    @Test(.enabled(if: ExternalProgram.hasPythonModule("lifelines"), "Python lifelines is not installed; the test command installs it"))
    func coxAndKaplanMeierMatchLifelines() throws {
        let csv = try Self.table()
        let cox = try cli.optima(["stats", "cox", "--csv", csv, "--time", "time", "--event", "event", "--covariates", "age,treated", "--json"])
        #expect(cox.status == 0, "\(cox.stderr)")
        let ours = try #require(try JSONSerialization.jsonObject(with: Data(cox.stdout.utf8)) as? [String: Any])
        let reference = try ExternalProgram.run(["python3", Self.references + "/cox_lifelines.py", csv, "--precision", "1e-12"])
        let theirs = try #require(try JSONSerialization.jsonObject(with: Data(reference.output.utf8)) as? [String: Any])
        let expected = try #require(theirs["coefficients"] as? [String: [String: Double]])
        let coefficients = try #require(ours["coefficients"] as? [[String: Any]])
        #expect(coefficients.map { $0["name"] as? String } == ["age", "treated"])
        for coefficient in coefficients {
            let name = try #require(coefficient["name"] as? String)
            for key in ["coef", "se", "lower", "upper"] {
                let a = coefficient[key] as? Double ?? .nan, b = expected[name]?[key] ?? .nan
                #expect(abs(a - b) <= 1e-6 * max(abs(b), 1e-3), "\(name) \(key): \(a) vs lifelines \(b)")
            }
            #expect(abs((coefficient["exp_coef"] as? Double ?? 0) - exp(coefficient["coef"] as? Double ?? 1)) < 1e-12)
        }
        #expect(ours["events"] as? Int == theirs["events"] as? Int)

        let km = try cli.optima(["stats", "km", "--csv", csv, "--time", "time", "--event", "event", "--json"])
        #expect(km.status == 0, "\(km.stderr)")
        let curve = try #require(((try JSONSerialization.jsonObject(with: Data(km.stdout.utf8)) as? [String: Any])?["strata"] as? [[String: Any]])?.first)
        let lifelines = try ExternalProgram.run(["python3", Self.references + "/km_lifelines.py", csv])
        let referenceCurve = try #require(try JSONSerialization.jsonObject(with: Data(lifelines.output.utf8)) as? [String: Any])
        let survival = try #require(curve["survival"] as? [Double])
        let expectedSurvival = try #require((referenceCurve["rows"] as? [[String: Any]])?.map { $0["survival"] as? Double ?? .nan })
        #expect(survival.count == expectedSurvival.count)
        #expect(zip(survival, expectedSurvival).allSatisfy { abs($0 - $1) < 1e-12 })
        #expect(abs((curve["median"] as? Double ?? .nan) - (referenceCurve["median"] as? Double ?? .nan)) < 1e-12)
    }

    /// `optima stats cox` gives lifelines' global tests and proportional-hazards tests (`--ph-test`), and with
    /// `--robust` lifelines' sandwich standard errors; the human output names the tests.
    @Test(.enabled(if: ExternalProgram.hasPythonModule("lifelines") && ExternalProgram.hasPythonModule("statsmodels"),
                   "Python lifelines and statsmodels are not installed; the test command installs them"))
    func coxTestsAndRobustVarianceMatchLifelines() throws {
        let csv = try Self.table()
        let arguments = ["stats", "cox", "--csv", csv, "--time", "time", "--event", "event", "--covariates", "age,treated"]
        func close(_ a: Double?, _ b: Double?) -> Bool {
            guard let a, let b else { return false }
            return abs(a - b) <= 1e-6 * max(abs(b), 1e-3)
        }
        let plain = try cli.optima(arguments + ["--ph-test", "--json"])
        #expect(plain.status == 0, "\(plain.stderr)")
        let ours = try #require(try JSONSerialization.jsonObject(with: Data(plain.stdout.utf8)) as? [String: Any])
        let reference = try ExternalProgram.run(["python3", Self.references + "/cox_lifelines.py", csv, "--precision", "1e-12", "--ph-test", "rank"])
        try #require(reference.status == 0, "\(reference.errors)")
        let theirs = try #require(try JSONSerialization.jsonObject(with: Data(reference.output.utf8)) as? [String: Any])
        let tests = try #require(ours["tests"] as? [String: [String: Any]])
        let expectedTests = try #require(theirs["tests"] as? [String: [String: Any]])
        for key in ["likelihood_ratio", "wald", "score"] {
            #expect(tests[key]?["df"] as? Int == 2, "\(key) df")
            #expect(close(tests[key]?["statistic"] as? Double, expectedTests[key]?["statistic"] as? Double), "\(key): \(tests[key] ?? [:]) vs \(expectedTests[key] ?? [:])")
            #expect(close(tests[key]?["p"] as? Double, expectedTests[key]?["p"] as? Double), "\(key) p")
        }
        let proportional = try #require(ours["proportional_hazards"] as? [[String: Any]])
        let expectedProportional = try #require((theirs["proportional_hazards"] as? [String: [String: [String: Double]]])?["rank"])
        #expect(proportional.map { $0["name"] as? String } == ["age", "treated"])
        for test in proportional {
            let name = test["name"] as? String ?? ""
            #expect(close(test["statistic"] as? Double, expectedProportional[name]?["statistic"]), "\(name): \(test) vs \(expectedProportional[name] ?? [:])")
            #expect(close(test["p"] as? Double, expectedProportional[name]?["p"]), "\(name) p")
        }

        let robust = try cli.optima(arguments + ["--robust", "--json"])
        #expect(robust.status == 0, "\(robust.stderr)")
        let robustFit = try #require(try JSONSerialization.jsonObject(with: Data(robust.stdout.utf8)) as? [String: Any])
        #expect(robustFit["variance"] as? String == "robust")
        #expect(robustFit["proportional_hazards"] == nil)
        let robustReference = try ExternalProgram.run(["python3", Self.references + "/cox_lifelines.py", csv, "--precision", "1e-12", "--robust"])
        let expected = try #require((try JSONSerialization.jsonObject(with: Data(robustReference.output.utf8)) as? [String: Any])?["coefficients"] as? [String: [String: Double]])
        for coefficient in try #require(robustFit["coefficients"] as? [[String: Any]]) {
            let name = coefficient["name"] as? String ?? ""
            for key in ["coef", "se", "lower", "upper"] {
                #expect(close(coefficient[key] as? Double, expected[name]?[key]), "robust \(name) \(key): \(coefficient[key] ?? "") vs lifelines \(expected[name]?[key] ?? .nan)")
            }
        }

        let human = try cli.optima(arguments + ["--robust", "--ph-test"])
        #expect(human.status == 0, "\(human.stderr)")
        for text in ["robust (sandwich) standard errors", "Likelihood ratio test:", "Wald test:", "Score (log-rank) test:", "Proportional hazards", "treated"] {
            #expect(human.stdout.contains(text), "human output lacks \"\(text)\": \(human.stdout)")
        }
    }

    /// `optima stats logistic|poisson` give statsmodels' coefficients for the same table.
    @Test(.enabled(if: ExternalProgram.hasPythonModule("statsmodels"), "statsmodels is not installed; the test command installs it"),
          arguments: ["logistic", "poisson"])
    func regressionsMatchStatsmodels(_ family: String) throws {
        var state: UInt64 = 5
        func next() -> Double {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Double(state >> 11) / Double(1 << 53)
        }
        let rows = (0..<500).map { _ -> String in
            let x1 = next() * 2 - 1, x2 = next() < 0.5 ? 1.0 : 0.0, years = 1 + next() * 3
            let eta = -0.5 + 0.9 * x1 - 0.4 * x2
            if family == "logistic" { return "\(next() < 1 / (1 + exp(-eta)) ? 1 : 0),\(x1),\(x2)" }
            let mean = exp(eta) * years
            var k = 0, p = exp(-mean), cumulative = p
            let u = next()
            while u > cumulative { k += 1; p *= mean / Double(k); cumulative += p }
            return "\(k),\(x1),\(x2),\(log(years))"
        }
        let path = try TestDatabases.temporaryDirectory() + "/\(family).csv"
        try ((family == "logistic" ? "y,x1,x2\n" : "y,x1,x2,log_years\n") + rows.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        let offset = family == "poisson" ? ["--offset", "log_years"] : []
        let run = try cli.optima(["stats", family, "--csv", path, "--outcome", "y", "--covariates", "x1,x2", "--json"] + offset)
        #expect(run.status == 0, "\(run.stderr)")
        let ours = try #require((try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])?["coefficients"] as? [[String: Any]])
        let reference = try ExternalProgram.run(["python3", Self.references + "/glm_statsmodels.py", path, "--family", family] + offset)
        try #require(reference.status == 0, "\(reference.errors)")
        let expected = try #require((try JSONSerialization.jsonObject(with: Data(reference.output.utf8)) as? [String: Any])?["coefficients"] as? [String: [String: Double]])
        #expect(ours.map { $0["name"] as? String } == ["intercept", "x1", "x2"])
        for coefficient in ours {
            let name = coefficient["name"] as? String ?? ""
            for key in ["coef", "se", "lower", "upper"] {
                let a = coefficient[key] as? Double ?? .nan, b = expected[name]?[key] ?? .nan
                #expect(abs(a - b) <= 1e-6 * max(abs(b), 1e-3), "\(family) \(name) \(key): \(a) vs statsmodels \(b)")
            }
        }
    }

    /// `optima stats logistic` with and without a penalty: the coefficients scikit-learn gives for the penalty (no
    /// standard errors), and the AUC, DeLong interval and calibration of the fitted probabilities as the reference
    /// script computes them from its own fit of the same table.
    @Test(.enabled(if: ExternalProgram.hasPythonModule("sklearn"), "scikit-learn is not installed; the test command installs it"),
          arguments: [nil, "l1", "l2"])
    func logisticPenaltiesAndPerformanceMatchReferences(_ penalty: String?) throws {
        var state: UInt64 = 17
        func next() -> Double {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Double(state >> 11) / Double(1 << 53)
        }
        let rows = (0..<500).map { _ -> String in
            let x = [next() * 2 - 1, next() < 0.5 ? 1.0 : 0.0, next() * 2 - 1, next() * 2 - 1]
            let eta = -0.5 + 1.2 * x[0] - 0.7 * x[1] + 0.3 * x[2]
            return "\(next() < 1 / (1 + exp(-eta)) ? 1 : 0)," + x.map { "\($0)" }.joined(separator: ",")
        }
        let path = try TestDatabases.temporaryDirectory() + "/prediction.csv"
        try ("y,x1,x2,x3,x4\n" + rows.joined(separator: "\n") + "\n").write(toFile: path, atomically: true, encoding: .utf8)
        let options = penalty.map { ["--penalty", $0, "--lambda", "0.02"] } ?? []
        let run = try cli.optima(["stats", "logistic", "--csv", path, "--outcome", "y", "--covariates", "x1,x2,x3,x4", "--json"] + options)
        #expect(run.status == 0, "\(run.stderr)")
        let ours = try #require(try JSONSerialization.jsonObject(with: Data(run.stdout.utf8)) as? [String: Any])
        func close(_ a: Any?, _ b: Any?, _ what: String) {
            let a = a as? Double ?? .nan, b = b as? Double ?? .nan
            #expect(abs(a - b) <= 1e-6 * max(abs(b), 1e-3), "\(penalty ?? "unpenalized") \(what): \(a) vs reference \(b)")
        }
        if let penalty {
            let reference = try ExternalProgram.run(["python3", Self.references + "/glm_penalized_sklearn.py", path, "--family", "logistic",
                                                     "--penalty", penalty, "--lambdas", "0.02"])
            try #require(reference.status == 0, "\(reference.errors)")
            let expected = try #require((((try JSONSerialization.jsonObject(with: Data(reference.output.utf8)) as? [String: Any])?["fits"]
                as? [[String: Any]])?.first?["coefficients"]) as? [String: Double])
            let coefficients = try #require(ours["coefficients"] as? [[String: Any]])
            #expect(coefficients.map { $0["name"] as? String } == ["intercept", "x1", "x2", "x3", "x4"])
            for coefficient in coefficients {
                let name = coefficient["name"] as? String ?? ""
                close(coefficient["coef"], expected[name], "\(name) coef")
                #expect(["se", "z", "p", "lower", "upper"].allSatisfy { coefficient[$0] is NSNull }, "\(name): no Wald statistics under a penalty")
            }
            let entry = ours["penalty"] as? [String: Any]
            #expect(entry?["type"] as? String == penalty && entry?["lambda"] as? Double == 0.02, "the penalty entry: \(entry ?? [:])")
        }
        let reference = try ExternalProgram.run(["python3", Self.references + "/prediction_performance.py", path, "--fit"]
                                                + (penalty.map { ["--penalty", $0, "--lambda", "0.02"] } ?? []))
        try #require(reference.status == 0, "\(reference.errors)")
        let theirs = try #require(try JSONSerialization.jsonObject(with: Data(reference.output.utf8)) as? [String: Any])
        let auc = try #require(ours["auc"] as? [String: Any])
        close(auc["estimate"], theirs["auc"], "AUC")
        close(auc["lower"], theirs["auc_lower"], "AUC lower limit")
        close(auc["upper"], theirs["auc_upper"], "AUC upper limit")
        let calibration = try #require(ours["calibration"] as? [String: Any])
        close(calibration["in_the_large"], theirs["in_the_large"], "calibration-in-the-large")
        close(calibration["slope"], theirs["slope"], "calibration slope")
        let deciles = try #require(calibration["deciles"] as? [[String: Any]])
        let expected = try #require(theirs["deciles"] as? [String: [Double]])
        #expect(deciles.count == expected["observed"]?.count)
        for (decile, (observed, predicted)) in zip(deciles, zip(expected["observed"] ?? [], expected["predicted"] ?? [])) {
            close(decile["observed"], observed, "decile \(decile["decile"] ?? "?") observed")
            close(decile["predicted"], predicted, "decile \(decile["decile"] ?? "?") predicted")
        }
    }

    @Test func penaltyOptionsAreChecked() throws {
        let csv = try Self.table()
        let lambdaAlone = try cli.optima(["stats", "logistic", "--csv", csv, "--outcome", "event", "--covariates", "age", "--lambda", "0.1"])
        #expect(lambdaAlone.status != 0)
        #expect(lambdaAlone.stderr.contains("--lambda needs --penalty l1 or l2"))
        let noLambda = try cli.optima(["stats", "logistic", "--csv", csv, "--outcome", "event", "--covariates", "age", "--penalty", "l1"])
        #expect(noLambda.stderr.contains("--penalty l1 needs --lambda"))
        let unknown = try cli.optima(["stats", "poisson", "--csv", csv, "--outcome", "event", "--covariates", "age", "--penalty", "l3", "--lambda", "1"])
        #expect(unknown.stderr.contains("--penalty must be l1 or l2"))
    }

    @Test func badTablesAreNamed() throws {
        let csv = try Self.table()
        let run = try cli.optima(["stats", "cox", "--csv", csv, "--time", "time", "--event", "event", "--covariates", "age,weight"])
        #expect(run.status != 0)
        #expect(run.stderr.contains("no column \"weight\""))
    }
}
