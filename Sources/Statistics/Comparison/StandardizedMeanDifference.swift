/// The standardized mean difference between two groups: the balance measure of a "Table 1" (|SMD| > 0.1 is
/// the usual flag for imbalance), computed as OHDSI FeatureExtraction and tableone do, from each group's
/// summary alone so that a federated Table 1 can use it too.
public enum StandardizedMeanDifference {
    /// (p₁ − p₂) / √((p₁(1 − p₁) + p₂(1 − p₂)) / 2) for two proportions; 0 when both are 0 or both are 1.
    public static func proportions(_ p1: Double, _ p2: Double) -> Double {
        difference(p1 - p2, pooledVariance: (p1 * (1 - p1) + p2 * (1 - p2)) / 2)
    }

    /// (m₁ − m₂) / √((s₁² + s₂²) / 2) for two means with their standard deviations.
    public static func means(_ mean1: Double, sd1: Double, _ mean2: Double, sd2: Double) -> Double {
        difference(mean1 - mean2, pooledVariance: (sd1 * sd1 + sd2 * sd2) / 2)
    }

    private static func difference(_ delta: Double, pooledVariance: Double) -> Double {
        if pooledVariance > 0 { return delta / pooledVariance.squareRoot() }
        return delta == 0 ? 0 : (delta > 0 ? .infinity : -.infinity)
    }
}
