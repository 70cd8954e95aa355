import Statistics

/// Standardized differences of a federated "Table 1", from summed counts and sums alone, by the formulas of
/// `Statistics.StandardizedMeanDifference` (as OHDSI FeatureExtraction and tableone).
public enum FederatedComparison {
    /// (m₁ − m₂) / √((s₁² + s₂²) / 2).
    public static func standardizedDifference(_ a: NumericSummary, _ b: NumericSummary) -> Double {
        StandardizedMeanDifference.means(a.mean, sd1: a.standardDeviation, b.mean, sd2: b.standardDeviation)
    }

    /// (p₁ − p₂) / √((p₁(1 − p₁) + p₂(1 − p₂)) / 2), a group without subjects counting as proportion 0.
    public static func standardizedDifference(proportion a: (count: Int, n: Int), _ b: (count: Int, n: Int)) -> Double {
        func share(_ x: (count: Int, n: Int)) -> Double { x.n > 0 ? Double(x.count) / Double(x.n) : 0 }
        return StandardizedMeanDifference.proportions(share(a), share(b))
    }
}
