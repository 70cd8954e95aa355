import CDMTestSupport
import Foundation
import Testing

/// `optima stats km|cox` on a CSV table give lifelines' numbers for the same table.
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

    @Test func badTablesAreNamed() throws {
        let csv = try Self.table()
        let run = try cli.optima(["stats", "cox", "--csv", csv, "--time", "time", "--event", "event", "--covariates", "age,weight"])
        #expect(run.status != 0)
        #expect(run.stderr.contains("no column \"weight\""))
    }
}
