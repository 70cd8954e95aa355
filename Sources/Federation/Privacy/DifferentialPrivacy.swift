import Foundation

/// Differential privacy for the counts a node releases (federated-algorithms.md §6). The unit of privacy is the
/// person: neighbouring databases differ by one person, and every count a step releases must count persons (one
/// per person), so a person moves each `.count` by at most 1 and each `.counts` histogram — a partition, each
/// person in one cell — by at most 1 in L1.
///
/// Only counts are noised. Vectors and matrices (sums, scores, information matrices of regression pieces) are
/// released exactly, as §6.5 recommends: DP for exact inference would need clamped covariates and noise that
/// composes over every Newton iteration; those replies are protected by cell rules and secure aggregation instead.
/// Rounding and clamping at 0 after the noise are post-processing and cost no budget.
public enum DifferentialPrivacy {
    /// L1 sensitivity of a reply's counts: 1 per `.count`, 1 per `.counts` (a partition: each person in one cell).
    public static func sensitivity(of aggregates: [NamedAggregate]) -> Double {
        Double(countAggregates(aggregates))
    }

    /// L2 sensitivity of a reply's counts: each count aggregate moves by at most 1 in L2 as in L1, so the vector of
    /// all of them moves by at most sqrt(their number).
    public static func l2Sensitivity(of aggregates: [NamedAggregate]) -> Double {
        Double(countAggregates(aggregates)).squareRoot()
    }

    /// The noise scale for a sensitivity: the Laplace b = Δ1/ε, or the Gaussian σ (`gaussianSigma`), for one query's ε.
    public static func scale(settings: DifferentialPrivacySettings, l1Sensitivity: Double, l2Sensitivity: Double) -> Double {
        switch settings.mechanism {
        case .laplace: l1Sensitivity / settings.epsilonPerQuery
        case .gaussian: gaussianSigma(l2Sensitivity: l2Sensitivity, epsilon: settings.epsilonPerQuery, delta: settings.delta)
        }
    }

    /// Adds Laplace(Δ1/ε) noise (or Gaussian, σ from `gaussianSigma` with Δ2 = sqrt(number of count aggregates)) to
    /// every count, ε being `settings.epsilonPerQuery`; rounds and clamps at 0. Suppressed (nil) cells stay nil;
    /// vectors, matrices and labels pass unchanged. The noise comes from the system's cryptographic source
    /// (`SystemRandomNumberGenerator`: getrandom on Linux), never from a seed. Returns the scale (b or σ) and Δ1.
    public static func addNoise(_ aggregates: [NamedAggregate], settings: DifferentialPrivacySettings)
        -> (aggregates: [NamedAggregate], scale: Double, sensitivity: Double) {
        var random = SystemRandomNumberGenerator()
        return addNoise(aggregates, settings: settings, using: &random)
    }

    /// `addNoise` drawing from `generator`: for tests only; a release must use the cryptographic source.
    public static func addNoise(_ aggregates: [NamedAggregate], settings: DifferentialPrivacySettings, using generator: inout some RandomNumberGenerator)
        -> (aggregates: [NamedAggregate], scale: Double, sensitivity: Double) {
        let sensitivity = sensitivity(of: aggregates)
        guard sensitivity > 0 else { return (aggregates, 0, 0) }
        let scale = scale(settings: settings, l1Sensitivity: sensitivity, l2Sensitivity: l2Sensitivity(of: aggregates))
        func noisy(_ count: Int) -> Int {
            let noise = switch settings.mechanism {
            case .laplace: laplace(scale: scale, using: &generator)
            case .gaussian: gaussian(sigma: scale, using: &generator)
            }
            let value = (Double(count) + noise).rounded()
            return value <= 0 ? 0 : Int(min(value, Double(Int.max / 2)))
        }
        let noised = aggregates.map { aggregate -> NamedAggregate in
            switch aggregate.value {
            case .count(let count?): NamedAggregate(aggregate.name, .count(noisy(count)))
            case .counts(let counts): NamedAggregate(aggregate.name, .counts(counts.map { $0.map(noisy) }))
            default: aggregate
            }
        }
        return (noised, scale, sensitivity)
    }

    private static func countAggregates(_ aggregates: [NamedAggregate]) -> Int {
        aggregates.count { aggregate in
            switch aggregate.value {
            case .count, .counts: true
            default: false
            }
        }
    }
}
