import Governance

/// The result of a survival analysis, every number governed: subjects and events, a Kaplan–Meier curve per
/// stratum, and the Cox model when covariates were named.
public struct SurvivalAnalysis: Sendable, Encodable {
    public let settings: SurvivalSettings
    public let target: String
    public let outcome: String
    public let subjects: SmallCellCount
    public let events: SmallCellCount
    /// Subjects left out because the outcome came before their index date.
    public let priorOutcome: SmallCellCount
    /// The days at which the number at risk is reported (the settings', or the automatic yearly marks).
    public let atRiskDays: [Int]
    public let strata: [SurvivalCurveReport]
    public let cox: CoxReport?

    enum CodingKeys: String, CodingKey {
        case settings, target, outcome, subjects, events, strata, cox
        case priorOutcome = "prior_outcome", atRiskDays = "at_risk_days"
    }
}
