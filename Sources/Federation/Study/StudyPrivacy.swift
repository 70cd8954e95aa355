/// The study's privacy settings. A node applies the stricter of these and its own configuration.
public struct StudyPrivacy: Sendable, Codable, Hashable {
    /// Released counts are 0 or at least this (a node never goes below its own configured minimum).
    public var minimumCellCount: Int
    /// Nodes mask their replies pairwise so the coordinator sees only the sum over nodes.
    public var secureAggregation: Bool
    /// Laplace or Gaussian noise on released counts and histograms, within a per-study ε budget.
    public var differentialPrivacy: DifferentialPrivacySettings?
    /// Kaplan–Meier on every day (the union of event times) rather than the coarse grid; needs secure aggregation,
    /// as single days are small cells.
    public var exactSurvivalTimes: Bool

    public init(minimumCellCount: Int = 5, secureAggregation: Bool = false,
                differentialPrivacy: DifferentialPrivacySettings? = nil, exactSurvivalTimes: Bool = false) {
        self.minimumCellCount = minimumCellCount
        self.secureAggregation = secureAggregation
        self.differentialPrivacy = differentialPrivacy
        self.exactSurvivalTimes = exactSurvivalTimes
    }

    enum CodingKeys: String, CodingKey {
        case minimumCellCount = "minimum_cell_count", secureAggregation = "secure_aggregation"
        case differentialPrivacy = "differential_privacy", exactSurvivalTimes = "exact_survival_times"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(minimumCellCount: try c.decodeIfPresent(Int.self, forKey: .minimumCellCount) ?? 5,
                  secureAggregation: try c.decodeIfPresent(Bool.self, forKey: .secureAggregation) ?? false,
                  differentialPrivacy: try c.decodeIfPresent(DifferentialPrivacySettings.self, forKey: .differentialPrivacy),
                  exactSurvivalTimes: try c.decodeIfPresent(Bool.self, forKey: .exactSurvivalTimes) ?? false)
    }
}

/// Noise on released counts and histograms: each query spends `epsilonPerQuery` of the study's `epsilon` at
/// every node; the node refuses a query once the budget is spent.
public struct DifferentialPrivacySettings: Sendable, Codable, Hashable {
    public enum Mechanism: String, Sendable, Codable, Hashable { case laplace, gaussian }

    public var mechanism: Mechanism
    /// The study's total budget at each node.
    public var epsilon: Double
    public var epsilonPerQuery: Double
    /// For the Gaussian mechanism.
    public var delta: Double

    public init(mechanism: Mechanism = .laplace, epsilon: Double, epsilonPerQuery: Double, delta: Double = 1e-6) {
        self.mechanism = mechanism
        self.epsilon = epsilon
        self.epsilonPerQuery = epsilonPerQuery
        self.delta = delta
    }

    enum CodingKeys: String, CodingKey {
        case mechanism, epsilon, delta
        case epsilonPerQuery = "epsilon_per_query"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(mechanism: try c.decodeIfPresent(Mechanism.self, forKey: .mechanism) ?? .laplace,
                  epsilon: try c.decode(Double.self, forKey: .epsilon),
                  epsilonPerQuery: try c.decode(Double.self, forKey: .epsilonPerQuery),
                  delta: try c.decodeIfPresent(Double.self, forKey: .delta) ?? 1e-6)
    }
}
