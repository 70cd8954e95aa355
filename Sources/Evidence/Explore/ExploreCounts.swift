import Governance

/// The answer to a count: persons as they may leave the site. A count under the minimum reads "<5" (Optima's
/// `SmallCellCount`, where tranSMART's API returns -2 for "below threshold").
public struct ExploreCounts: Sendable, Encodable, Equatable {
    public let patientCount: SmallCellCount
    public let minimumCount: Int
    public let milliseconds: Double

    public init(patientCount: SmallCellCount, minimumCount: Int, milliseconds: Double) {
        self.patientCount = patientCount
        self.minimumCount = minimumCount
        self.milliseconds = milliseconds
    }
}
