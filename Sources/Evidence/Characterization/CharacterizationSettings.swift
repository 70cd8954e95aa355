import Governance

/// A "Table 1": who is in a target cohort (and a comparator) at index, and what was recorded for them in the
/// window before it, by concept and by concept-hierarchy group, with standardized mean differences.
public struct CharacterizationSettings: Sendable, Codable, Hashable {
    public enum Domain: String, Sendable, Codable, CaseIterable {
        case condition, drug, procedure, measurement

        /// (table, concept column, date column).
        var table: (String, String, String) {
            switch self {
            case .condition: ("condition_occurrence", "condition_concept_id", "condition_start_date")
            case .drug: ("drug_exposure", "drug_concept_id", "drug_exposure_start_date")
            case .procedure: ("procedure_occurrence", "procedure_concept_id", "procedure_date")
            case .measurement: ("measurement", "measurement_concept_id", "measurement_date")
            }
        }
    }

    public var target: Int64
    public var comparator: Int64?
    public var window: FeatureWindow
    public var domains: [Domain]
    /// Also count persons by each ancestor of the recorded concepts (as FeatureExtraction's "group" features).
    public var groups: Bool
    public var minimumCount: Int

    public init(target: Int64, comparator: Int64? = nil, window: FeatureWindow = .baseline, domains: [Domain] = Domain.allCases,
                groups: Bool = true, minimumCount: Int = SmallCellCount.defaultMinimum) {
        self.target = target
        self.comparator = comparator
        self.window = window
        self.domains = domains
        self.groups = groups
        self.minimumCount = minimumCount
    }

    enum CodingKeys: String, CodingKey {
        case target, comparator, window, domains, groups
        case minimumCount = "minimum_count"
    }

    /// Settings from JSON, where only `target` is required.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(target: try c.decode(Int64.self, forKey: .target), comparator: try c.decodeIfPresent(Int64.self, forKey: .comparator),
                  window: try c.decodeIfPresent(FeatureWindow.self, forKey: .window) ?? .baseline,
                  domains: try c.decodeIfPresent([Domain].self, forKey: .domains) ?? Domain.allCases,
                  groups: try c.decodeIfPresent(Bool.self, forKey: .groups) ?? true,
                  minimumCount: try c.decodeIfPresent(Int.self, forKey: .minimumCount) ?? SmallCellCount.defaultMinimum)
    }

    func validate() throws {
        guard minimumCount >= 1 else { throw EvidenceError("minimum_count must be at least 1 (\(minimumCount))") }
        if comparator == target { throw EvidenceError("the comparator is the target cohort (\(target))") }
        try window.validate()
    }
}
