import Governance
import Statistics

/// A survival analysis: time from the first entry into the target cohort to the outcome, censored at the end
/// of the observation period (or of the time at risk); Kaplan–Meier by the strata of one feature, and a Cox
/// model when covariates are named.
public struct SurvivalSettings: Sendable, Codable, Hashable {
    public var target: Int64
    public var outcome: SurvivalOutcome
    /// Kaplan–Meier curves per level of this feature (one curve for all when nil).
    public var strata: Feature?
    /// Cox covariates (none: no model).
    public var covariates: [Feature]
    /// Follow-up ends this many days after index at the latest (nil: at the end of observation).
    public var maximumDays: Int?
    public var window: FeatureWindow
    public var ties: PartialLikelihood.Ties
    /// Cells below it are suppressed (the site's disclosure rule).
    public var minimumCount: Int
    /// Times at which the number at risk is reported under the curves, in days; nil: every year (every two
    /// beyond ten) while at least the minimum count remain at risk.
    public var atRiskDays: [Int]?

    public init(target: Int64, outcome: SurvivalOutcome = .death, strata: Feature? = nil, covariates: [Feature] = [],
                maximumDays: Int? = nil, window: FeatureWindow = .baseline, ties: PartialLikelihood.Ties = .efron,
                minimumCount: Int = SmallCellCount.defaultMinimum, atRiskDays: [Int]? = nil) {
        self.target = target
        self.outcome = outcome
        self.strata = strata
        self.covariates = covariates
        self.maximumDays = maximumDays
        self.window = window
        self.ties = ties
        self.minimumCount = minimumCount
        self.atRiskDays = atRiskDays
    }

    enum CodingKeys: String, CodingKey {
        case target, outcome, strata, covariates, window, ties
        case maximumDays = "maximum_days", minimumCount = "minimum_count", atRiskDays = "at_risk_days"
    }

    /// Settings from JSON, where only `target` is required.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let defaults = SurvivalSettings(target: try c.decode(Int64.self, forKey: .target))
        self.init(target: defaults.target,
                  outcome: try c.decodeIfPresent(SurvivalOutcome.self, forKey: .outcome) ?? defaults.outcome,
                  strata: try c.decodeIfPresent(Feature.self, forKey: .strata),
                  covariates: try c.decodeIfPresent([Feature].self, forKey: .covariates) ?? [],
                  maximumDays: try c.decodeIfPresent(Int.self, forKey: .maximumDays),
                  window: try c.decodeIfPresent(FeatureWindow.self, forKey: .window) ?? defaults.window,
                  ties: try c.decodeIfPresent(PartialLikelihood.Ties.self, forKey: .ties) ?? defaults.ties,
                  minimumCount: try c.decodeIfPresent(Int.self, forKey: .minimumCount) ?? defaults.minimumCount,
                  atRiskDays: try c.decodeIfPresent([Int].self, forKey: .atRiskDays))
    }

    func validate() throws {
        guard minimumCount >= 1 else { throw EvidenceError("minimum_count must be at least 1 (\(minimumCount))") }
        if let maximumDays, maximumDays <= 0 { throw EvidenceError("maximum_days must be positive (\(maximumDays))") }
        try window.validate()
    }
}
