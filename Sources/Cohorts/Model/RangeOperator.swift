/// The comparison of a numeric or date range: `lt`, `lte`, `eq`, `!eq`, `gt`, `gte`, `bt` (inclusive), `!bt`.
public enum RangeOperator: String, Decodable, Sendable, Equatable, CaseIterable {
    case lessThan = "lt", atMost = "lte", equal = "eq", notEqual = "!eq", greaterThan = "gt", atLeast = "gte"
    case between = "bt", notBetween = "!bt"

    /// Whether the range needs its `Extent`.
    public var needsExtent: Bool { self == .between || self == .notBetween }

    public init(from decoder: any Decoder) throws {
        self = try decoder.singleValueContainer().decodeChoice(
            Dictionary(uniqueKeysWithValues: Self.allCases.map { ($0.rawValue, $0) }), expected: "lt, lte, eq, !eq, gt, gte, bt, !bt")
    }
}
