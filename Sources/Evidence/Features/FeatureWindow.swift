/// The days around the index date in which a feature's records count: [start, end], both relative to the
/// index date and inclusive. The default, the year before index up to and including the index date, keeps
/// features at baseline (a fact recorded after index would borrow from the follow-up it is meant to explain).
public struct FeatureWindow: Sendable, Hashable, Codable {
    public var startDays: Int
    public var endDays: Int

    public init(startDays: Int = -365, endDays: Int = 0) {
        self.startDays = startDays
        self.endDays = endDays
    }

    public static let baseline = FeatureWindow()

    enum CodingKeys: String, CodingKey {
        case startDays = "start_days", endDays = "end_days"
    }

    /// A window from JSON; a missing side keeps the baseline's.
    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        self.init(startDays: try c.decodeIfPresent(Int.self, forKey: .startDays) ?? FeatureWindow.baseline.startDays,
                  endDays: try c.decodeIfPresent(Int.self, forKey: .endDays) ?? FeatureWindow.baseline.endDays)
    }

    func validate() throws {
        guard startDays <= endDays else { throw EvidenceError("feature window: start \(startDays) is after end \(endDays)") }
    }
}
