import Foundation
import Statistics
import Testing

/// The Schoenfeld-residual test of proportional hazards per covariate against lifelines'
/// `proportional_hazard_test` with the rank, Kaplan–Meier and identity time transforms: with ties, strata,
/// a single covariate and without ties.
@Suite struct ProportionalHazardsTestTests {
    static let cases: [(name: String, covariates: Int, strata: Bool, tieFree: Bool)] = [
        ("ties", 3, false, false), ("strata", 3, true, false), ("one covariate", 1, false, false), ("no ties", 3, false, true),
    ]

    @Test(.enabled(if: CoxReference.available, "Python lifelines and statsmodels are not installed; the test command installs them"),
          arguments: cases.indices)
    func matchesLifelines(_ index: Int) throws {
        let (name, covariates, strata, tieFree) = Self.cases[index]
        let data = try CoxReference.data(covariates: covariates, strata: strata, tieFree: tieFree)
        let fit = try CoxRegression(data)
        let transforms = ProportionalHazardsTest.TimeTransform.allCases
        let reference = try CoxReference.run(data, ties: .efron, arguments: ["--ph-test"] + transforms.map(\.rawValue))
        let expected = try #require(reference["proportional_hazards"] as? [String: [String: [String: Double]]])
        for transform in transforms {
            let tests = try fit.proportionalHazardsTests(data, timeTransform: transform)
            #expect(tests.map(\.name) == data.names)
            for test in tests {
                let theirs = try #require(expected[transform.rawValue]?[test.name])
                #expect(test.test.degreesOfFreedom == 1)
                #expect(CoxReference.close(test.test.statistic, theirs["statistic"] ?? .nan, floor: 1e-9),
                        "\(name) \(transform) \(test.name): \(test.test.statistic) vs \(theirs["statistic"] ?? .nan)")
                #expect(CoxReference.closeP(test.test.p, theirs["p"] ?? .nan), "\(name) \(transform) \(test.name) p: \(test.test.p) vs \(theirs["p"] ?? .nan)")
            }
        }
    }

    @Test func refusesOtherData() throws {
        let data = try CoxReference.data(200, strata: false)
        let fit = try CoxRegression(data)
        let other = try CoxReference.data(150, strata: false)
        #expect { try fit.proportionalHazardsTests(other) } throws: { "\($0)".contains("the data the model was fitted on (200 subjects") }
    }
}
