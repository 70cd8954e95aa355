import Governance

/// One bar of a distribution: a category (a sex, an age group, a year) and how many persons or records it holds.
public struct CategoryCount: Sendable, Encodable, Equatable {
    public let label: String
    public let count: SmallCellCount

    public init(label: String, count: SmallCellCount) {
        self.label = label
        self.count = count
    }
}
