import Foundation
import Synthetic
import Testing

@Suite struct WeibullProportionalHazardsTests {
    /// Under proportional hazards with Weibull shape k, a group with hazard ratio HR has its
    /// survival quantiles multiplied by HR^(−1/k): an exact consequence independent of our sampler.
    @Test func hazardRatiosShowInTheMedians() {
        let model = WeibullProportionalHazards(shape: 1.3, scale: 2_000)
        var random = SyntheticRandom(seed: 99)
        let logHazardRatio = log(1.8)
        func sampleMedian(_ lp: Double) -> Double {
            var times = (0..<100_001).map { _ in model.time(linearPredictor: lp, using: &random) }
            times.sort()
            return times[50_000]
        }
        let baseline = sampleMedian(0)
        let exposed = sampleMedian(logHazardRatio)
        #expect(abs(baseline / model.median(linearPredictor: 0) - 1) < 0.02)
        #expect(abs(exposed / baseline - pow(1.8, -1 / 1.3)) < 0.02)
        #expect(abs(model.median(linearPredictor: logHazardRatio) / model.median(linearPredictor: 0) - pow(1.8, -1 / 1.3)) < 1e-12)
    }

    /// The empirical survival at the baseline median is one half, and at the scale e^-1.
    @Test func baselineSurvivalIsTheWeibull() {
        let model = WeibullProportionalHazards(shape: 0.8, scale: 500)
        var random = SyntheticRandom(seed: 5)
        let n = 100_000
        let times = (0..<n).map { _ in model.time(linearPredictor: 0, using: &random) }
        let beyondScale = Double(times.filter { $0 > 500 }.count) / Double(n)
        #expect(abs(beyondScale - exp(-1)) < 0.005)
    }
}
