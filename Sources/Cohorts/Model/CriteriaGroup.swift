/// A group of correlated criteria, demographic criteria and nested groups, evaluated per index event.
/// An empty group passes every event.
public struct CriteriaGroup: Decodable, Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        case all, any
        case atLeast(Int)
        case atMost(Int)
    }

    public var kind: Kind
    public var criteria: [CorrelatedCriteria]
    public var demographics: [DemographicCriteria]
    public var groups: [CriteriaGroup]

    public var isEmpty: Bool { criteria.isEmpty && demographics.isEmpty && groups.isEmpty }

    public init(from decoder: any Decoder) throws {
        let o = try CirceObject(decoder)
        criteria = try o("CriteriaList") ?? []
        demographics = try o("DemographicCriteriaList") ?? []
        groups = try o("Groups") ?? []
        let count: Int = try o("Count") ?? 0
        let type: String? = try o("Type")
        switch type?.uppercased() {
        case "ALL": kind = .all
        case "ANY": kind = .any
        case "AT_LEAST": kind = .atLeast(count)
        case "AT_MOST": kind = .atMost(count)
        case nil where criteria.isEmpty && demographics.isEmpty && groups.isEmpty: kind = .all
        case nil: throw o.invalid("Type", "a group with criteria needs a Type (ALL, ANY, AT_LEAST, AT_MOST)")
        default: throw o.invalid("Type", "\"\(type!)\" is not ALL, ANY, AT_LEAST or AT_MOST")
        }
    }
}
