import Governance

/// What a data-quality report may show: counts of violating and checked rows below `minimum_count` read "<N".
public struct DataQualitySettings: Sendable, Codable, Hashable {
    /// Cells below it are suppressed (the site's disclosure rule applies when higher).
    public var minimumCount: Int

    public init(minimumCount: Int = SmallCellCount.defaultMinimum) {
        self.minimumCount = minimumCount
    }

    enum CodingKeys: String, CodingKey {
        case minimumCount = "minimum_count"
    }

    /// Settings from JSON, where every key may be left out.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(minimumCount: try c.decodeIfPresent(Int.self, forKey: .minimumCount) ?? SmallCellCount.defaultMinimum)
    }

    func validate() throws {
        guard minimumCount >= 1 else { throw EvidenceError("minimum_count must be at least 1 (\(minimumCount))") }
    }
}
