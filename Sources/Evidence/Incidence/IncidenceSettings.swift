import Governance

/// An incidence analysis as ATLAS defines one: persons of a target cohort, at risk from `start_days` after their
/// index date until `end_days` after it (or the end of observation), each counted until their first outcome;
/// persons with the outcome before their time at risk are left out. Rates overall and by each stratum feature.
public struct IncidenceSettings: Sendable, Codable, Hashable {
    public var target: Int64
    public var outcome: SurvivalOutcome
    public var startDays: Int
    public var endDays: Int?
    public var strata: [Feature]
    public var window: FeatureWindow
    public var minimumCount: Int

    public init(target: Int64, outcome: SurvivalOutcome, startDays: Int = 0, endDays: Int? = nil,
                strata: [Feature] = [.ageGroup, .sex, .indexYear], window: FeatureWindow = .baseline,
                minimumCount: Int = SmallCellCount.defaultMinimum) {
        self.target = target
        self.outcome = outcome
        self.startDays = startDays
        self.endDays = endDays
        self.strata = strata
        self.window = window
        self.minimumCount = minimumCount
    }

    enum CodingKeys: String, CodingKey {
        case target, outcome, strata, window
        case startDays = "start_days", endDays = "end_days", minimumCount = "minimum_count"
    }

    /// Settings from JSON, where `target` and `outcome` are required.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let defaults = IncidenceSettings(target: try c.decode(Int64.self, forKey: .target), outcome: try c.decode(SurvivalOutcome.self, forKey: .outcome))
        self.init(target: defaults.target, outcome: defaults.outcome,
                  startDays: try c.decodeIfPresent(Int.self, forKey: .startDays) ?? 0,
                  endDays: try c.decodeIfPresent(Int.self, forKey: .endDays),
                  strata: try c.decodeIfPresent([Feature].self, forKey: .strata) ?? defaults.strata,
                  window: try c.decodeIfPresent(FeatureWindow.self, forKey: .window) ?? defaults.window,
                  minimumCount: try c.decodeIfPresent(Int.self, forKey: .minimumCount) ?? defaults.minimumCount)
    }

    func validate() throws {
        guard minimumCount >= 1 else { throw EvidenceError("minimum_count must be at least 1 (\(minimumCount))") }
        if let endDays, endDays < startDays { throw EvidenceError("time at risk: end_days \(endDays) is before start_days \(startDays)") }
        try window.validate()
    }
}
