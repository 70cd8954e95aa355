import Statistics

/// The Kaplan–Meier curve from a summed `SurvivalHistogram` (federated-algorithms.md §3): the product limit at the
/// grid points, Greenwood's variance and the log–log interval exactly as `Statistics.KaplanMeier` computes them.
/// The events of an interval count at its end, and its censorings after them (the Kaplan–Meier convention), so on
/// a one-day grid the curve equals the pooled estimate at every event day.
///
/// Counts that do not add up (noise from differential privacy) are clamped: the events of an interval to those at
/// risk in it, its censorings to those left, so that the curve stays a survival function.
public struct FederatedKaplanMeier: Sendable, Codable {
    public struct Point: Sendable, Codable, Equatable {
        /// The interval's end, (j + 1)·w.
        public let day: Int
        public let atRisk: Int
        public let events: Int
        public let censored: Int
        public let survival: Double
        /// S·√G (Greenwood); 0 once S is 0.
        public let standardError: Double
        public let lower: Double
        public let upper: Double
    }

    /// One per interval with events or censorings, by day.
    public let points: [Point]
    public let gridDays: Int
    public let confidenceLevel: Double

    public init(_ histogram: SurvivalHistogram, confidenceLevel: Double = 0.95) {
        var points: [Point] = []
        var atRisk = max(0, histogram.atRisk), survival = 1.0, greenwood = 0.0
        for j in 0..<histogram.intervals {
            let events = min(max(0, j < histogram.events.count ? histogram.events[j] : 0), atRisk)
            let censored = min(max(0, j < histogram.censored.count ? histogram.censored[j] : 0), atRisk - events)
            guard events + censored > 0 else { continue }
            if events > 0 {
                survival *= 1 - Double(events) / Double(atRisk)
                greenwood += atRisk > events ? Double(events) / (Double(atRisk) * Double(atRisk - events)) : .infinity
            }
            let (lower, upper) = KaplanMeier.logLogInterval(survival: survival, greenwood: greenwood, confidenceLevel: confidenceLevel)
            let standardError = survival > 0 && greenwood.isFinite ? survival * greenwood.squareRoot() : 0
            points.append(Point(day: (j + 1) * histogram.gridDays, atRisk: atRisk, events: events, censored: censored, survival: survival,
                                standardError: standardError, lower: lower, upper: upper))
            atRisk -= events + censored
        }
        self.points = points
        gridDays = histogram.gridDays
        self.confidenceLevel = confidenceLevel
    }

    /// S at `atDay`: the estimate at the last grid point at or before it (1 before the first).
    public func survival(atDay day: Int) -> Double {
        points.last { $0.day <= day }?.survival ?? 1
    }
}
