/// One covariate's test of the proportional-hazards assumption (Grambsch and Therneau): does its scaled
/// Schoenfeld residual trend with a transform of time? Chi-square with one degree of freedom.
public struct ProportionalHazardsTest: Sendable, Equatable, Codable {
    /// The scale of time the residuals are regressed on.
    public enum TimeTransform: String, Sendable, Codable, CaseIterable {
        /// The order of the deaths: 1, 2, … through the subjects sorted by stratum, time, then input order (as
        /// lifelines numbers them, so tied deaths get consecutive ranks).
        case rank
        /// 1 − the Kaplan–Meier estimate at the death time, over all subjects regardless of stratum.
        case km
        /// The death time itself.
        case identity
    }

    public let name: String
    public let test: ChiSquareTest
}
