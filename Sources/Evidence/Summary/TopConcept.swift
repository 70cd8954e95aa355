import Governance

/// A concept among the most frequent of a domain, ranked by the persons who have it.
public struct TopConcept: Sendable, Encodable, Equatable {
    public let conceptID: Int64
    public let name: String
    public let persons: SmallCellCount
    public let records: SmallCellCount

    enum CodingKeys: String, CodingKey {
        case name, persons, records
        case conceptID = "concept_id"
    }
}
