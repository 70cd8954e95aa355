import Statistics

/// An incidence rate from persons, events and person-days summed over nodes: per 1,000 person-years (365.25
/// days) with the exact (Garwood) Poisson interval of `Statistics.IncidenceRate`, as Evidence reports a site's.
/// Without person-time the rate and its interval are 0 (there is nothing to estimate from).
public struct FederatedIncidence: Sendable, Codable, Equatable {
    public let persons: Int
    public let events: Int
    public let personYears: Double
    public let ratePer1000: Double
    public let lower: Double
    public let upper: Double

    public init(persons: Int, events: Int, personDays: Double, confidenceLevel: Double = 0.95) {
        self.persons = persons
        self.events = events
        personYears = personDays.isFinite ? max(0, personDays) / 365.25 : 0
        if let rate = try? IncidenceRate(events: max(0, events), personTime: personYears, per: 1_000, confidenceLevel: confidenceLevel) {
            (ratePer1000, lower, upper) = (rate.rate, rate.lower, rate.upper)
        } else {
            (ratePer1000, lower, upper) = (0, 0, 0)
        }
    }
}
