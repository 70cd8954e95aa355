import Governance
import Statistics

/// One line of an incidence table: persons at risk, first outcomes, person-years, and the rate per 1,000
/// person-years with its exact (Garwood) interval. A line of fewer than the minimum count of persons shows no
/// person-time, and one with fewer outcomes than the minimum shows no rate: either would give the count away.
/// The same holds for a line whose persons or outcomes are hidden by complementary suppression.
public struct IncidenceRow: Sendable, Encodable {
    public let feature: String
    public let level: String
    public let persons: SmallCellCount
    public let events: SmallCellCount
    public let personYears: Double?
    /// Per 1,000 person-years.
    public let rate: Double?
    public let lower: Double?
    public let upper: Double?
    /// First outcomes per 1,000 persons at risk.
    public let proportion: Double?

    enum CodingKeys: String, CodingKey {
        case feature, level, persons, events, rate, lower, upper, proportion
        case personYears = "person_years"
    }

    /// A line whose persons and outcomes were governed already (with the other levels of its feature).
    init(feature: String, level: String, rows: [FollowUp], persons: SmallCellCount, events governed: SmallCellCount) throws {
        self.feature = feature
        self.level = level
        let events = rows.count { $0.event }
        self.persons = persons
        self.events = governed
        // A day at risk for an outcome on the first day: time runs through the day of the event, as ATLAS counts it.
        let years = rows.reduce(0.0) { $0 + Double($1.days + 1) } / 365.25
        personYears = persons.value != nil ? years : nil
        if governed.value != nil, years > 0 {
            let rate = try IncidenceRate(events: events, personTime: years)
            self.rate = rate.rate
            lower = rate.lower
            upper = rate.upper
            proportion = Double(events) / Double(rows.count) * 1_000
        } else {
            rate = nil; lower = nil; upper = nil; proportion = nil
        }
    }
}
