/// Events per person-time with the exact (Garwood) Poisson confidence interval, scaled per `per` units of
/// person-time (1,000 person-years by default, as OHDSI reports incidence).
public struct IncidenceRate: Sendable, Equatable, Codable {
    public let events: Int
    public let personTime: Double
    public let per: Double
    public let rate: Double
    public let lower: Double
    public let upper: Double

    public init(events: Int, personTime: Double, per: Double = 1_000, confidenceLevel: Double = 0.95) throws {
        guard events >= 0 else { throw StatisticsError("events must not be negative (\(events))") }
        guard personTime > 0, personTime.isFinite else { throw StatisticsError("person-time must be positive (\(personTime))") }
        let alpha = 1 - confidenceLevel
        self.events = events
        self.personTime = personTime
        self.per = per
        rate = Double(events) / personTime * per
        // χ²(α/2, 2k)/2 and χ²(1−α/2, 2k+2)/2, i.e. gamma quantiles with shapes k and k + 1.
        lower = events == 0 ? 0 : Gamma.inverseRegularizedLower(Double(events), alpha / 2) / personTime * per
        upper = Gamma.inverseRegularizedLower(Double(events + 1), 1 - alpha / 2) / personTime * per
    }
}
