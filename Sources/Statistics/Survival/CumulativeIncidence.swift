import Foundation

/// The Aalen–Johansen estimate of one cause's cumulative incidence under competing risks,
/// F(t) = Σ_{tᵢ ≤ t} S(tᵢ₋₁) d₁ᵢ / nᵢ with S the Kaplan–Meier survival from any event, and its variance and
/// confidence interval as lifelines' `AalenJohansenFitter` computes them (equal to it wherever lifelines does
/// not jitter, i.e. when no time is shared by events of different causes):
///
/// - the delta-method (Greenwood-type) variance of SAS PROC LIFETEST,
///   Var F(t) = Σ (F(t) − F(tᵢ))² dᵢ / (nᵢ (nᵢ − dᵢ)) + Σ S(tᵢ₋₁)² d₁ᵢ (nᵢ − d₁ᵢ) / nᵢ³ − 2 Σ (F(t) − F(tᵢ)) S(tᵢ₋₁) d₁ᵢ / nᵢ²,
///   sums over tᵢ ≤ t, dᵢ events of any cause, d₁ᵢ of this cause, accumulated as lifelines does (the first and
///   last sums as polynomials in F(t));
/// - the interval exp(−exp(log(−log F) ± z √Var / (F |log F|))), which stays inside (0, 1).
///
/// Where F is still 0 the interval is (0, 0) (lifelines gives NaN); from a time at which every subject at risk
/// has an event the variance is undefined and it and the bounds are NaN, as in lifelines. Unlike lifelines, which sets F to 0 at
/// its first row even when events happen at time 0, events at time 0 count.
public struct CumulativeIncidence: Sendable, Equatable {
    public struct Row: Sendable, Equatable {
        public let time: Double
        public let atRisk: Int
        /// Events of any cause at this time.
        public let events: Int
        /// Events of the cause of interest at this time.
        public let causeEvents: Int
        public let censored: Int
        public let incidence: Double
        public let variance: Double
        public let lower: Double
        public let upper: Double
    }

    public let cause: Int
    public let confidenceLevel: Double
    /// One row per distinct observed time (event or censoring), ascending.
    public let rows: [Row]

    /// Estimates cause `cause`'s incidence from observations in any order. There must be at least one event of
    /// that cause: a curve that is zero throughout more often means a wrong cause code than a finding.
    public init(_ observations: [CompetingRisksObservation], cause: Int, confidenceLevel: Double = 0.95) throws {
        guard confidenceLevel > 0, confidenceLevel < 1 else { throw StatisticsError("the confidence level must lie strictly between 0 and 1") }
        guard cause >= 1 else { throw StatisticsError("the cause of interest must be 1 or more (0 means censored), not \(cause)") }
        if let bad = observations.firstIndex(where: { !$0.time.isFinite || $0.time < 0 }) {
            throw StatisticsError("observation \(bad + 1): time \(observations[bad].time) is not a finite non-negative number")
        }
        if let bad = observations.firstIndex(where: { $0.event < 0 }) {
            throw StatisticsError("observation \(bad + 1): event \(observations[bad].event) is negative (0 is censored, k ≥ 1 cause k)")
        }
        guard observations.contains(where: { $0.event == cause }) else {
            let causes = Set(observations.map(\.event)).subtracting([0]).sorted()
            throw StatisticsError("no events of cause \(cause) among \(observations.count) observations (causes present: \(causes.isEmpty ? "none" : causes.map(String.init).joined(separator: ", ")))")
        }
        self.cause = cause
        self.confidenceLevel = confidenceLevel
        let z = Normal.quantile(1 - (1 - confidenceLevel) / 2)
        let sorted = observations.sorted { $0.time < $1.time }
        var rows: [Row] = []
        var atRisk = sorted.count, survival = 1.0, incidence = 0.0
        // Σ aᵢ (x − Fᵢ)² and Σ bᵢ (x − Fᵢ) kept as coefficients of x², x and 1, with the middle sum.
        var quadratic = (square: 0.0, linear: 0.0, constant: 0.0), linear = (slope: 0.0, constant: 0.0), middle = 0.0
        var index = 0
        while index < sorted.count {
            let time = sorted[index].time
            var events = 0, causeEvents = 0, censored = 0
            while index < sorted.count, sorted[index].time == time {
                switch sorted[index].event {
                case 0: censored += 1
                case cause: events += 1; causeEvents += 1
                default: events += 1
                }
                index += 1
            }
            let n = Double(atRisk), d = Double(events), d1 = Double(causeEvents), previous = survival
            incidence += previous * d1 / n
            survival *= 1 - d / n
            let a = d / (n * (n - d))
            quadratic.square += a
            quadratic.linear -= 2 * a * incidence
            quadratic.constant += a * incidence * incidence
            middle += previous * previous * d1 * (n - d1) / (n * n * n)
            let b = previous * d1 / (n * n)
            linear.slope += b
            linear.constant -= b * incidence
            let variance = (quadratic.constant + quadratic.linear * incidence + quadratic.square * incidence * incidence) + middle
                - 2 * (linear.constant + linear.slope * incidence)
            let (lower, upper) = Self.interval(incidence: incidence, variance: variance, z: z)
            rows.append(Row(time: time, atRisk: atRisk, events: events, causeEvents: causeEvents, censored: censored,
                            incidence: incidence, variance: variance, lower: lower, upper: upper))
            atRisk -= events + censored
        }
        self.rows = rows
    }

    /// exp(−exp(log(−log F) ± z √Var / (F |log F|))); (0, 0) while F is 0.
    static func interval(incidence: Double, variance: Double, z: Double) -> (Double, Double) {
        if incidence <= 0 { return (0, 0) }
        let logF = log(incidence)
        let spread = z * variance.squareRoot() / (incidence * abs(logF))
        return (exp(-exp(log(-logF) + spread)), exp(-exp(log(-logF) - spread)))
    }

    /// F(t): the estimate at the last observed time at or before `t` (0 before the first).
    public func incidence(at t: Double) -> Double {
        rows.last { $0.time <= t }?.incidence ?? 0
    }
}
