import Governance

/// The result of an incidence analysis: the overall line first, then each stratum feature's levels.
public struct IncidenceAnalysis: Sendable, Encodable {
    public let settings: IncidenceSettings
    public let target: String
    public let outcome: String
    /// Persons left out because the outcome came before their time at risk, or they had none.
    public let priorOutcome: SmallCellCount
    public let noTimeAtRisk: SmallCellCount
    public let rows: [IncidenceRow]

    enum CodingKeys: String, CodingKey {
        case settings, target, outcome, rows
        case priorOutcome = "prior_outcome", noTimeAtRisk = "no_time_at_risk"
    }
}
