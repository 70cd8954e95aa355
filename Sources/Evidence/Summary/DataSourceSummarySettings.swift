import Governance

/// What a data-source summary may show: cells below `minimum_count` read "<N", and each ranked domain lists at most
/// `top` concepts (none held by fewer persons than the minimum).
public struct DataSourceSummarySettings: Sendable, Codable, Hashable {
    /// Cells below it are suppressed (the site's disclosure rule).
    public var minimumCount: Int
    /// Concepts listed per ranked domain.
    public var top: Int

    public init(minimumCount: Int = SmallCellCount.defaultMinimum, top: Int = 10) {
        self.minimumCount = minimumCount
        self.top = top
    }

    enum CodingKeys: String, CodingKey {
        case top
        case minimumCount = "minimum_count"
    }

    /// Settings from JSON, where every key may be left out.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let defaults = DataSourceSummarySettings()
        self.init(minimumCount: try c.decodeIfPresent(Int.self, forKey: .minimumCount) ?? defaults.minimumCount,
                  top: try c.decodeIfPresent(Int.self, forKey: .top) ?? defaults.top)
    }

    func validate() throws {
        guard minimumCount >= 1 else { throw EvidenceError("minimum_count must be at least 1 (\(minimumCount))") }
        guard top >= 0 else { throw EvidenceError("top must not be negative (\(top))") }
    }
}
