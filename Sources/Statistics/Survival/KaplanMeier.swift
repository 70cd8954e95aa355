import Foundation

/// The Kaplan–Meier estimate of a survival function, with Greenwood's variance and log–log ("exponential
/// Greenwood") confidence intervals, as lifelines computes them.
///
/// One row per distinct observed time (event or censoring), ascending: the number at risk just before it,
/// the events and censorings at it, S(t) = Π (1 − dᵢ/nᵢ) and its interval. The sums it is built from (events
/// and at-risk counts per time) are the pieces a federated estimate adds across sites.
public struct KaplanMeier: Sendable, Equatable {
    public struct Row: Sendable, Equatable {
        public let time: Double
        public let atRisk: Int
        public let events: Int
        public let censored: Int
        public let survival: Double
        /// Σ dᵢ / (nᵢ (nᵢ − dᵢ)) up to this time: Greenwood's sum, Var S = S² × it.
        public let greenwood: Double
        public let lower: Double
        public let upper: Double
    }

    public let rows: [Row]
    public let confidenceLevel: Double

    /// Estimates from observations in any order. Times must be finite and not negative.
    public init(_ observations: [SurvivalObservation], confidenceLevel: Double = 0.95) throws {
        guard confidenceLevel > 0, confidenceLevel < 1 else { throw StatisticsError("the confidence level must lie strictly between 0 and 1") }
        if let bad = observations.firstIndex(where: { !$0.time.isFinite || $0.time < 0 }) {
            throw StatisticsError("observation \(bad + 1): time \(observations[bad].time) is not a finite non-negative number")
        }
        self.confidenceLevel = confidenceLevel
        let z = Normal.quantile(1 - (1 - confidenceLevel) / 2)
        let sorted = observations.sorted { $0.time < $1.time }
        var rows: [Row] = []
        var atRisk = sorted.count, survival = 1.0, greenwood = 0.0
        var index = 0
        while index < sorted.count {
            let time = sorted[index].time
            var events = 0, censored = 0
            while index < sorted.count, sorted[index].time == time {
                if sorted[index].event { events += 1 } else { censored += 1 }
                index += 1
            }
            if events > 0 {
                survival *= 1 - Double(events) / Double(atRisk)
                greenwood += atRisk > events ? Double(events) / (Double(atRisk) * Double(atRisk - events)) : .infinity
            }
            let (lower, upper) = Self.interval(survival: survival, greenwood: greenwood, z: z)
            rows.append(Row(time: time, atRisk: atRisk, events: events, censored: censored, survival: survival,
                            greenwood: greenwood, lower: lower, upper: upper))
            atRisk -= events + censored
        }
        self.rows = rows
    }

    /// exp(−exp(log(−log S) ∓ z √G / log S)), with S = 1 giving (1, 1) and S = 0 giving (0, 0) as in lifelines.
    static func interval(survival: Double, greenwood: Double, z: Double) -> (Double, Double) {
        if survival >= 1 { return (1, 1) }
        if survival <= 0 || !greenwood.isFinite { return (0, 0) }
        let logS = log(survival)
        let spread = z * greenwood.squareRoot() / logS
        return (exp(-exp(log(-logS) - spread)), exp(-exp(log(-logS) + spread)))
    }

    /// S(t): the estimate at the last observed time at or before `t` (1 before the first).
    public func survival(at t: Double) -> Double {
        rows.last { $0.time <= t }?.survival ?? 1
    }
}
