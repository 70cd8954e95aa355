import Governance

/// How long and since when persons are observed.
public struct ObservationSummary: Sendable, Encodable, Equatable {
    /// Persons with at least one observation period.
    public let persons: SmallCellCount
    public let periods: SmallCellCount
    /// Persons by the calendar year their first observation period starts.
    public let byStartYear: [CategoryCount]
    public let years: ObservationTime

    enum CodingKeys: String, CodingKey {
        case persons, periods, years
        case byStartYear = "by_start_year"
    }
}
