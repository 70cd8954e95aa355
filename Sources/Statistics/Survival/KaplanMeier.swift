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
        let keys = Self.sortedKeys(observations)
        var rows: [Row] = []
        var atRisk = keys.count, survival = 1.0, greenwood = 0.0
        var index = 0
        while index < keys.count {
            let bits = keys[index] >> 1
            var events = 0, censored = 0
            while index < keys.count, keys[index] >> 1 == bits {
                if keys[index] & 1 == 1 { events += 1 } else { censored += 1 }
                index += 1
            }
            if events > 0 {
                survival *= 1 - Double(events) / Double(atRisk)
                greenwood += atRisk > events ? Double(events) / (Double(atRisk) * Double(atRisk - events)) : .infinity
            }
            let (lower, upper) = Self.interval(survival: survival, greenwood: greenwood, z: z)
            rows.append(Row(time: Double(bitPattern: bits), atRisk: atRisk, events: events, censored: censored, survival: survival,
                            greenwood: greenwood, lower: lower, upper: upper))
            atRisk -= events + censored
        }
        self.rows = rows
    }

    /// One key per observation, ascending: the time's bits shifted left past a last bit that is 1 for an event.
    /// A non-negative double orders as its bit pattern, so a radix sort of the keys orders by time: on a million
    /// rows several times faster than a comparison sort of the observations, and so faster than lifelines.
    private static func sortedKeys(_ observations: [SurvivalObservation]) -> [UInt64] {
        let digits = 8, radix = 256
        var keys = [UInt64](repeating: 0, count: observations.count), buffer = keys
        var counts = [Int](repeating: 0, count: digits * radix)
        keys.withUnsafeMutableBufferPointer { keys in
            buffer.withUnsafeMutableBufferPointer { buffer in
                counts.withUnsafeMutableBufferPointer { counts in
                    for (index, observation) in observations.enumerated() {
                        let key = (observation.time == 0 ? 0 : observation.time).bitPattern << 1 | (observation.event ? 1 : 0)  // −0 as 0
                        keys[index] = key
                        for digit in 0..<digits { counts[digit * radix + Int(key >> UInt64(8 * digit) & 0xFF)] += 1 }
                    }
                    var source = keys, target = buffer
                    for digit in 0..<digits {
                        let base = digit * radix, shift = UInt64(8 * digit)
                        // A byte that is the same in every key (the low mantissa of whole-day times) needs no pass.
                        guard let first = source.first, counts[base + Int(first >> shift & 0xFF)] < source.count else { continue }
                        var offset = 0
                        for bucket in base..<(base + radix) {
                            (counts[bucket], offset) = (offset, offset + counts[bucket])
                        }
                        for key in source {
                            let bucket = base + Int(key >> shift & 0xFF)
                            target[counts[bucket]] = key
                            counts[bucket] += 1
                        }
                        swap(&source, &target)
                    }
                    if source.baseAddress != keys.baseAddress { _ = keys.update(fromContentsOf: source) }
                }
            }
        }
        return keys
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
