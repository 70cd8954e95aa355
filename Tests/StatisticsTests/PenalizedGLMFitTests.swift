import CDMTestSupport
import Foundation
import Statistics
import Testing

/// Ridge and LASSO fits, and the LASSO path, against scikit-learn on the same data (the mapping of Optima's
/// objective onto scikit-learn's parameters is in the reference script): every coefficient to 1e-6 relative,
/// a coefficient the LASSO drops zero in both.
@Suite struct PenalizedGLMFitTests {
    static let script = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("scripts/reference/glm_penalized_sklearn.py").path
    static let names = (1...8).map { "x\($0)" }

    /// 600 rows, 8 covariates (normal, one binary, one on a wider scale), four of them without effect.
    static func data(_ family: GLMFamily) throws -> (GLMData, path: String) {
        var state: UInt64 = 7
        func next() -> Double {
            state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
            return Double(state >> 11) / Double(1 << 53)
        }
        func normal() -> Double { (-2 * log(1 - next())).squareRoot() * cos(2 * .pi * next()) }
        let effects = [0.8, -0.6, 0, 0.3, 0, 0.1, 0, -0.2]
        var ys: [Double] = [], rows: [[Double]] = []
        for _ in 0..<600 {
            var x = (0..<8).map { _ in normal() }
            x[1] = x[1] > 0 ? 1 : 0
            x[5] *= 3
            let eta = -0.4 + zip(x, effects).reduce(0) { $0 + $1.0 * $1.1 }
            switch family {
            case .logistic: ys.append(next() < 1 / (1 + exp(-eta)) ? 1 : 0)
            case .linear: ys.append(eta + normal())
            case .poisson:
                let mean = exp(0.3 * eta)
                var k = 0.0, p = exp(-mean), cumulative = p
                let u = next()
                while u > cumulative { k += 1; p *= mean / k; cumulative += p }
                ys.append(k)
            }
            rows.append(x)
        }
        let csv = "y," + names.joined(separator: ",") + "\n"
            + zip(ys, rows).map { "\($0)," + $1.map { "\($0)" }.joined(separator: ",") }.joined(separator: "\n") + "\n"
        let path = try TestDatabases.temporaryDirectory() + "/penalized-\(family.rawValue).csv"
        try csv.write(toFile: path, atomically: true, encoding: .utf8)
        return (try GLMData(outcome: ys, covariates: rows, names: names), path)
    }

    /// scikit-learn's fits at `lambdas`: λ_max and, per λ, the coefficients by name.
    static func reference(_ path: String, _ family: GLMFamily, _ penalty: GLMPenalty, _ lambdas: [Double]) throws -> (lambdaMax: Double, fits: [[String: Double]]) {
        let run = try ExternalProgram.run(["python3", script, path, "--family", family.rawValue, "--penalty", penalty.rawValue,
                                           "--lambdas", lambdas.map { "\($0)" }.joined(separator: ",")])
        try #require(run.status == 0, "\(run.errors)")
        let document = try #require(try JSONSerialization.jsonObject(with: Data(run.output.utf8)) as? [String: Any])
        let fits = try #require(document["fits"] as? [[String: Any]])
        return (document["lambda_max"] as? Double ?? .nan, fits.map { $0["coefficients"] as? [String: Double] ?? [:] })
    }

    static func expectSame(_ fit: PenalizedGLMFit, _ expected: [String: Double]) {
        #expect(fit.names == ["intercept"] + names)
        for (name, ours) in zip(fit.names, fit.coefficients) {
            let theirs = expected[name] ?? .nan
            if ours == 0 || theirs == 0 {
                #expect(ours == theirs, "\(fit.family) \(fit.penalty) λ = \(fit.lambda) \(name): \(ours) vs scikit-learn \(theirs)")
            } else {
                #expect(abs(ours - theirs) <= 1e-6 * max(abs(theirs), 1e-3), "\(fit.family) \(fit.penalty) λ = \(fit.lambda) \(name): \(ours) vs scikit-learn \(theirs)")
            }
        }
    }

    @Test(.enabled(if: ExternalProgram.hasPythonModule("sklearn"), "scikit-learn is not installed; the test command installs it"),
          arguments: GLMFamily.allCases, GLMPenalty.allCases)
    func matchesScikitLearn(_ family: GLMFamily, _ penalty: GLMPenalty) throws {
        let (data, path) = try Self.data(family)
        // Half, a tenth and a hundredth of λ_max: a few, most and all covariates in the LASSO.
        let largest = try LassoPath.largestLambda(data, family: family)
        let lambdas = [0.5, 0.1, 0.01].map { $0 * largest }
        let reference = try Self.reference(path, family, penalty, lambdas)
        for (lambda, expected) in zip(lambdas, reference.fits) {
            Self.expectSame(try PenalizedGLMFit(data, family: family, penalty: penalty, lambda: lambda), expected)
        }
        if penalty == .l1 {
            let fit = try PenalizedGLMFit(data, family: family, penalty: .l1, lambda: lambdas[0])
            #expect(fit.coefficients.contains(0), "half of λ_max keeps some covariates out")
        }
    }

    @Test(.enabled(if: ExternalProgram.hasPythonModule("sklearn"), "scikit-learn is not installed; the test command installs it"),
          arguments: GLMFamily.allCases)
    func lassoPathMatchesScikitLearn(_ family: GLMFamily) throws {
        let (data, path) = try Self.data(family)
        let lasso = try LassoPath(data, family: family, count: 15, smallestRatio: 1e-3)
        let reference = try Self.reference(path, family, .l1, lasso.lambdas)
        #expect(abs(lasso.lambdas[0] - reference.lambdaMax) <= 1e-10 * reference.lambdaMax, "λ_max \(lasso.lambdas[0]) vs \(reference.lambdaMax)")
        #expect(lasso.fits[0].coefficients.dropFirst().allSatisfy { $0 == 0 }, "at λ_max every covariate is out")
        #expect(lasso.fits.last?.coefficients.allSatisfy { $0 != 0 } == true, "at λ_max / 1000 every covariate is in")
        for (fit, expected) in zip(lasso.fits, reference.fits) { Self.expectSame(fit, expected) }
    }

    @Test func refusesWhatItCannotFit() throws {
        let (data, _) = try Self.data(.logistic)
        #expect { try PenalizedGLMFit(data, family: .logistic, penalty: .l1, lambda: -1) } throws: { "\($0)".contains("λ must be a finite number ≥ 0") }
        #expect { try PenalizedGLMFit(data, family: .logistic, penalty: .l2, lambda: 0.1, start: [0]) } throws: { "\($0)".contains("1 coefficients for 9 columns") }
        #expect { try LassoPath(data, family: .logistic, lambdas: [0.01, 0.1]) } throws: { "\($0)".contains("decreasing order") }
        let interceptOnly = try GLMData(outcome: data.outcome, values: [], names: [])
        #expect { try LassoPath.largestLambda(interceptOnly, family: .logistic) } throws: { "\($0)".contains("at least one covariate") }
        let halves = try GLMData(outcome: data.outcome.map { $0 / 2 }, values: data.values, names: ["intercept"] + Self.names, intercept: false)
        #expect { try PenalizedGLMFit(halves, family: .logistic, penalty: .l1, lambda: 0.1) } throws: { "\($0)".contains("is not possible in a logistic model") }
    }
}
