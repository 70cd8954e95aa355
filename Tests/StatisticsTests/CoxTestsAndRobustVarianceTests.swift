import Foundation
import Statistics
import Testing

/// The global likelihood-ratio, Wald and score tests of a Cox fit against lifelines and statsmodels PHReg
/// (see scripts/reference/cox_lifelines.py for which library gives which), and the robust (Lin–Wei sandwich)
/// standard errors against lifelines' `robust=True`: with ties, strata, a single covariate and without ties.
@Suite struct CoxTestsAndRobustVarianceTests {
    static let cases: [(name: String, covariates: Int, ties: PartialLikelihood.Ties, strata: Bool)] = [
        ("Efron, ties", 3, .efron, false), ("Efron, strata", 3, .efron, true), ("Efron, one covariate", 1, .efron, false),
        ("Breslow, ties", 3, .breslow, false), ("Breslow, strata", 3, .breslow, true),
    ]

    @Test(.enabled(if: CoxReference.available, "Python lifelines and statsmodels are not installed; the test command installs them"),
          arguments: cases.indices)
    func globalTestsMatchTheReference(_ index: Int) throws {
        let (name, covariates, ties, strata) = Self.cases[index]
        let data = try CoxReference.data(covariates: covariates, strata: strata)
        let fit = try CoxRegression(data, ties: ties)
        let tests = try #require(try CoxReference.run(data, ties: ties)["tests"] as? [String: [String: Double]])
        for (ours, key) in [(fit.likelihoodRatioTest, "likelihood_ratio"), (fit.waldTest, "wald"), (fit.scoreTest, "score")] {
            let theirs = try #require(tests[key], "\(name): no \(key) test in the reference")
            #expect(ours.degreesOfFreedom == Int(theirs["df"] ?? 0), "\(name) \(key) df")
            #expect(CoxReference.close(ours.statistic, theirs["statistic"] ?? .nan), "\(name) \(key): \(ours.statistic) vs \(theirs["statistic"] ?? .nan)")
            #expect(CoxReference.closeP(ours.p, theirs["p"] ?? .nan), "\(name) \(key) p: \(ours.p) vs \(theirs["p"] ?? .nan)")
        }
    }

    static let robustCases: [(name: String, covariates: Int, strata: Bool, tieFree: Bool)] = [
        ("ties", 3, false, false), ("strata", 3, true, false), ("one covariate", 1, false, false), ("no ties", 3, false, true),
        ("no ties, strata", 2, true, true),
    ]

    @Test(.enabled(if: CoxReference.available, "Python lifelines and statsmodels are not installed; the test command installs them"),
          arguments: robustCases.indices)
    func robustVarianceMatchesLifelines(_ index: Int) throws {
        let (name, covariates, strata, tieFree) = Self.robustCases[index]
        let data = try CoxReference.data(covariates: covariates, strata: strata, tieFree: tieFree)
        let fit = try CoxRegression(data, variance: .robust)
        let model = try CoxRegression(data)
        let reference = try CoxReference.run(data, ties: .efron, arguments: ["--robust"])
        let coefficients = try #require(reference["coefficients"] as? [String: [String: Double]])
        for (coefficient, plain) in zip(fit.coefficients, model.coefficients) {
            let expected = try #require(coefficients[coefficient.name])
            for (ours, key) in [(coefficient.coef, "coef"), (coefficient.se, "se"), (coefficient.lower, "lower"), (coefficient.upper, "upper")] {
                #expect(CoxReference.close(ours, expected[key] ?? .nan), "\(name) \(coefficient.name) \(key): \(ours) vs \(expected[key] ?? .nan)")
            }
            #expect(coefficient.se != plain.se, "\(name): the robust and model standard errors differ")
        }
        #expect(fit.modelCovariance == model.covariance)
        if covariates == 1 {  // one covariate: the robust Wald statistic is lifelines' z².
            let expected = try #require(coefficients[fit.coefficients[0].name])
            let z = (expected["coef"] ?? .nan) / (expected["se"] ?? .nan)
            #expect(CoxReference.close(fit.waldTest.statistic, z * z), "\(name) robust Wald \(fit.waldTest.statistic) vs \(z * z)")
        }
    }

    @Test func testsCarryTheirDegreesOfFreedom() throws {
        let data = try CoxReference.data(200, strata: false)
        let fit = try CoxRegression(data)
        let tests: [ChiSquareTest] = [fit.likelihoodRatioTest, fit.waldTest, fit.scoreTest]
        for test in tests { #expect(test.degreesOfFreedom == 3 && test.p > 0 && test.p < 1) }
        #expect(fit.likelihoodRatio == fit.likelihoodRatioTest.statistic)
        #expect(ChiSquareTest(statistic: 0, degreesOfFreedom: 2).p == 1)
    }
}
