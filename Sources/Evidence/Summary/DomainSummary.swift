import Governance

/// One clinical table: its records, the persons having any, its records by calendar year, and for the ranked
/// domains the concepts most persons have.
public struct DomainSummary: Sendable, Encodable, Equatable {
    public let table: String
    public let records: SmallCellCount
    public let persons: SmallCellCount
    /// By the year of the record's (start) date.
    public let recordsByYear: [CategoryCount]
    /// Nil for tables whose concepts are not ranked; concepts of fewer persons than the minimum count are not listed.
    public let topConcepts: [TopConcept]?

    enum CodingKeys: String, CodingKey {
        case table, records, persons
        case recordsByYear = "records_by_year", topConcepts = "top_concepts"
    }
}
