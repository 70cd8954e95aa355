/// One search result: the concept and why it matched, which is also its rank.
public struct ConceptMatch: Sendable, Equatable {
    /// How a concept matched, best first.
    public enum Kind: Int, Sendable, Comparable, CaseIterable {
        case conceptID, code, nameEqual, namePrefix, nameContains

        public static func < (lhs: Kind, rhs: Kind) -> Bool { lhs.rawValue < rhs.rawValue }
    }

    public let concept: ConceptSummary
    public let kind: Kind

    public init(concept: ConceptSummary, kind: Kind) {
        self.concept = concept
        self.kind = kind
    }
}
