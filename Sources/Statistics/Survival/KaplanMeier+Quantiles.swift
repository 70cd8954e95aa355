/// Median and other quantile survival times with their confidence limits, read off the curve and its bounds
/// as lifelines does: the first time each curve falls to the level or below; nil when it never does.
extension KaplanMeier {
    public struct Quantile: Sendable, Equatable {
        public let time: Double?
        public let lower: Double?
        public let upper: Double?
    }

    /// The time by which a fraction `1 − level` has had the event (level 0.5: the median).
    public func quantile(_ level: Double = 0.5) -> Quantile {
        func first(_ value: (Row) -> Double) -> Double? { rows.first { value($0) <= level }?.time }
        return Quantile(time: first(\.survival), lower: first(\.lower), upper: first(\.upper))
    }

    public var median: Quantile { quantile(0.5) }
}
