import Governance

/// The finding of one check: how many rows violate it out of how many it looked at, as governed counts. The
/// percentage is given only when both counts are shown, since with the denominator it would reveal a small count;
/// the pass/fail status is decided on the true counts.
public struct DataQualityResult: Sendable, Equatable, Encodable {
    public let check: DataQualityCheck
    public let violating: SmallCellCount
    public let denominator: SmallCellCount
    /// Violating rows per 100 checked rows, when neither count is suppressed.
    public let percent: Double?
    public let status: DataQualityStatus

    init(check: DataQualityCheck, violating: Int, denominator: Int, minimumCount: Int) {
        self.check = check
        self.violating = SmallCellCount(violating, minimum: minimumCount)
        self.denominator = SmallCellCount(denominator, minimum: minimumCount)
        let share = denominator > 0 ? 100 * Double(violating) / Double(denominator) : 0
        percent = self.violating.isSuppressed || self.denominator.isSuppressed ? nil : share
        status = denominator == 0 ? .notApplicable : share > check.thresholdPercent ? .failed : .passed
    }

    enum CodingKeys: String, CodingKey {
        case status
        case violating = "violating_rows"
        case denominator = "denominator_rows"
        case percent = "percent_violating"
    }

    /// One flat object: the check's keys beside the counts, as DataQualityDashboard's results file lists them.
    public func encode(to encoder: any Encoder) throws {
        try check.encode(to: encoder)
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(violating, forKey: .violating)
        try c.encode(denominator, forKey: .denominator)
        try c.encodeIfPresent(percent, forKey: .percent)
        try c.encode(status, forKey: .status)
    }
}
