import CDMTestSupport
import Foundation
import Statistics
import Testing

/// Logistic, Poisson (with a person-time offset) and linear regression against statsmodels' GLM on the same
/// data, small and large enough to be summed in chunks on several threads: coefficients, standard errors and
/// intervals to 1e-6 relative; the log-likelihood of the logistic and Poisson fits to 1e-8; separated and
/// collinear data refused in words.
@Suite struct GLMFitTests {
    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("scripts/reference/glm_statsmodels.py").path

    /// 800 rows (or `rows`): x1 uniform, x2 binary, x3 small integers; the outcome drawn from the family's model.
    static func data(_ family: GLMFamily, rows count: Int = 800) throws -> (GLMData, csv: String) {
        var state: UInt64 = 2_026
        func next() -> Double {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Double(state >> 11) / Double(1 << 53)
        }
        var ys: [Double] = [], rows: [[Double]] = [], offsets: [Double] = []
        for _ in 0..<count {
            let x = [next() * 2 - 1, next() < 0.4 ? 1 : 0, Double(Int(next() * 4))]
            let eta = -0.3 + 0.8 * x[0] - 0.6 * x[1] + 0.2 * x[2]
            let personYears = 0.5 + next() * 4
            let y: Double
            switch family {
            case .logistic: y = next() < 1 / (1 + exp(-eta)) ? 1 : 0
            case .poisson:
                // Poisson draw by inversion, mean exp(eta) × person-years.
                let mean = exp(eta) * personYears
                var k = 0.0, p = exp(-mean), cumulative = p
                let u = next()
                while u > cumulative { k += 1; p *= mean / k; cumulative += p }
                y = k
            case .linear: y = eta + (next() + next() + next() - 1.5)
            }
            ys.append(y)
            rows.append(x)
            offsets.append(log(personYears))
        }
        let offset = family == .poisson ? offsets : nil
        let csv = "y,x1,x2,x3" + (offset == nil ? "" : ",log_time") + "\n" + ys.indices.map { i in
            "\(ys[i]),\(rows[i][0]),\(rows[i][1]),\(rows[i][2])" + (offset == nil ? "" : ",\(offsets[i])")
        }.joined(separator: "\n") + "\n"
        return (try GLMData(outcome: ys, covariates: rows, names: ["x1", "x2", "x3"], offset: offset), csv)
    }

    /// 800 rows fit in one chunk; 50,003 rows take four chunks on the cores and end with three rows outside a block of four.
    @Test(.enabled(if: ExternalProgram.hasPythonModule("statsmodels"), "statsmodels is not installed; the test command installs it"),
          arguments: GLMFamily.allCases, [800, 50_003])
    func matchesStatsmodels(_ family: GLMFamily, rows: Int) throws {
        let (data, csv) = try Self.data(family, rows: rows)
        let fit = try GLMFit(data, family: family)
        let path = try TestDatabases.temporaryDirectory() + "/glm.csv"
        try csv.write(toFile: path, atomically: true, encoding: .utf8)
        let run = try ExternalProgram.run(["python3", Self.script, path, "--family", family.rawValue]
                                          + (family == .poisson ? ["--offset", "log_time"] : []))
        try #require(run.status == 0, "\(run.errors)")
        let reference = try #require(try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: Any])
        let expected = try #require(reference["coefficients"] as? [String: [String: Double]])
        #expect(fit.coefficients.map(\.name) == ["intercept", "x1", "x2", "x3"])
        for coefficient in fit.coefficients {
            for (ours, key) in [(coefficient.coef, "coef"), (coefficient.se, "se"), (coefficient.lower, "lower"), (coefficient.upper, "upper")] {
                let theirs = expected[coefficient.name]?[key] ?? .nan
                #expect(abs(ours - theirs) <= 1e-6 * max(abs(theirs), 1e-3), "\(family) \(coefficient.name) \(key): \(ours) vs statsmodels \(theirs)")
            }
        }
        if family != .linear {
            let loglik = reference["loglik"] as? Double ?? .nan
            #expect(abs(fit.logLikelihood - loglik) <= 1e-8 * abs(loglik), "\(family) log-likelihood \(fit.logLikelihood) vs \(loglik)")
        }
    }

    @Test func refusesWhatCannotBeEstimated() throws {
        let (data, _) = try Self.data(.logistic)
        let x = (0..<data.rows).map { Array(data.row($0).dropFirst()) }
        let separated = try GLMData(outcome: data.outcome, covariates: data.outcome.map { [$0] }, names: ["copy of y"])
        #expect(throws: StatisticsError.self) { try GLMFit(separated, family: .logistic) }
        let collinear = try GLMData(outcome: data.outcome, covariates: x.map { $0 + [2 * $0[0]] }, names: ["x1", "x2", "x3", "twice x1"])
        #expect { try GLMFit(collinear, family: .logistic) } throws: { "\($0)".contains("twice x1 is a linear combination") }
        #expect { try GLMFit(try GLMData(outcome: data.outcome.map { $0 + 0.5 }, covariates: x, names: ["x1", "x2", "x3"]), family: .logistic) }
            throws: { "\($0)".contains("row 1") }
        #expect { try GLMData(outcome: data.outcome, values: [], names: [], intercept: false) } throws: { "\($0)".contains("at least one column") }
        #expect { try GLMData(outcome: [0, 1], values: [0.5, .infinity], names: ["x1"]) } throws: { "\($0)".contains("row 2: x1 is not a finite number") }
    }
}
