/// Observation time per person in years: all of a person's observation periods, both end days counted,
/// 365.25 days to the year. Mean and SD come from exact sums. The quartiles come from a histogram of 0.1-year
/// bins, each reported as the middle of the bin that holds it, so no person's own observation time is ever
/// shown; and all five are left out when fewer persons than the minimum count have any observation.
public struct ObservationTime: Sendable, Encodable, Equatable {
    public let mean: Double?
    public let sd: Double?
    public let p25: Double?
    public let median: Double?
    public let p75: Double?

    /// Histogram bins per year.
    static let binsPerYear = 10

    /// The histogram bin of a SQL expression of whole days, in integer arithmetic (365.25 days = 1461 / 4), so
    /// both backends and any reference put a day count in the same bin.
    static func bin(days: String) -> String {
        "(\(days)) * \(4 * binsPerYear) / 1461"
    }

    /// From persons per bin and the sums of days and of squared days over those persons.
    init(personsPerBin: [Int: Int], days: Double, squaredDays: Double, minimumCount: Int) {
        let persons = personsPerBin.values.reduce(0, +)
        guard persons >= minimumCount, persons > 0 else {
            mean = nil; sd = nil; p25 = nil; median = nil; p75 = nil
            return
        }
        let n = Double(persons)
        mean = days / n / 365.25
        sd = persons > 1 ? (max(0, squaredDays - days * days / n) / (n - 1)).squareRoot() / 365.25 : nil
        let bins = personsPerBin.sorted { $0.key < $1.key }
        /// The middle of the first bin by which at least a share `p` of the persons are counted.
        func quantile(_ p: Double) -> Double? {
            var counted = 0
            for (bin, count) in bins {
                counted += count
                if Double(counted) >= p * n { return (Double(bin) + 0.5) / Double(Self.binsPerYear) }
            }
            return nil
        }
        p25 = quantile(0.25)
        median = quantile(0.5)
        p75 = quantile(0.75)
    }
}
