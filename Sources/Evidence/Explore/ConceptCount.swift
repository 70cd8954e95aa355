import Governance

/// How much a concept is used, as it may leave the site: its records and persons, and the persons with it or any
/// concept below it.
public struct ConceptCount: Sendable, Encodable, Equatable {
    public let conceptId: Int64
    public let records: SmallCellCount
    public let persons: SmallCellCount
    public let personsWithDescendants: SmallCellCount

    public init(conceptId: Int64, records: SmallCellCount, persons: SmallCellCount, personsWithDescendants: SmallCellCount) {
        self.conceptId = conceptId
        self.records = records
        self.persons = persons
        self.personsWithDescendants = personsWithDescendants
    }
}
