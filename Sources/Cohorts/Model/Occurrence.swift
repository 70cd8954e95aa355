/// How many correlated events (or distinct values of a column) an index event needs.
public struct Occurrence: Decodable, Sendable, Equatable {
    public enum Kind: Int, Sendable, Equatable { case exactly = 0, atMost = 1, atLeast = 2 }

    public enum CountColumn: String, Sendable, Equatable, CaseIterable {
        case daysSupply = "DAYS_SUPPLY", domainConcept = "DOMAIN_CONCEPT", domainSourceConcept = "DOMAIN_SOURCE_CONCEPT"
        case duration = "DURATION", endDate = "END_DATE", eraOccurrences = "ERA_OCCURRENCES", gapDays = "GAP_DAYS"
        case quantity = "QUANTITY", rangeHigh = "RANGE_HIGH", rangeLow = "RANGE_LOW", refills = "REFILLS"
        case startDate = "START_DATE", unit = "UNIT", valueAsNumber = "VALUE_AS_NUMBER", visitID = "VISIT_ID"
        case visitDetailID = "VISIT_DETAIL_ID"
    }

    public var kind: Kind
    public var count: Int
    public var isDistinct: Bool
    /// The column counted when distinct (DOMAIN_CONCEPT when none is named).
    public var countColumn: CountColumn?

    public init(kind: Kind, count: Int, isDistinct: Bool = false, countColumn: CountColumn? = nil) {
        self.kind = kind
        self.count = count
        self.isDistinct = isDistinct
        self.countColumn = countColumn
    }

    public init(from decoder: any Decoder) throws {
        let o = try CirceObject(decoder)
        let type: Int = try o("Type") ?? 0
        guard let kind = Kind(rawValue: type) else { throw o.invalid("Type", "\(type) is not 0 (exactly), 1 (at most) or 2 (at least)") }
        self.kind = kind
        count = try o("Count") ?? 0
        isDistinct = try o("IsDistinct") ?? false
        if let text: String = try o("CountColumn") {
            guard let column = CountColumn(rawValue: text.uppercased()) else {
                throw o.invalid("CountColumn", "\"\(text)\" is not a count column")
            }
            countColumn = column
        }
    }
}
