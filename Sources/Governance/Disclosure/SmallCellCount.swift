/// A count as it may leave the site: the number when it is at least the minimum cell count, otherwise
/// only "<minimum" (e.g. "<5"), so a small group of people cannot be singled out. A cell hidden by
/// complementary suppression (`CellSuppression`) reads "suppressed" instead, as do the small cells of its
/// table, so a reader cannot tell which of them was small. Encodes as a JSON number or that string.
public struct SmallCellCount: Sendable, Equatable, Encodable, CustomStringConvertible {
    /// The number, or nil when it is suppressed.
    public let value: Int?
    public let minimum: Int
    /// Hidden together with the other suppressed cells of its table, whatever its size.
    public let isMasked: Bool

    /// The default minimum cell count of a site (OHDSI and DataSHIELD use 5).
    public static let defaultMinimum = 5
    /// What a masked cell reads.
    public static let suppressedMarker = "suppressed"

    public init(_ count: Int, minimum: Int = SmallCellCount.defaultMinimum) {
        self.value = count >= minimum ? count : nil
        self.minimum = minimum
        self.isMasked = false
    }

    private init(maskedWithMinimum minimum: Int) {
        value = nil
        self.minimum = minimum
        isMasked = true
    }

    /// A cell hidden by complementary suppression (or a small cell of a table where that happened).
    public static func masked(minimum: Int) -> SmallCellCount {
        SmallCellCount(maskedWithMinimum: minimum)
    }

    public var isSuppressed: Bool { value == nil }

    public var description: String {
        if let value { return String(value) }
        return isMasked ? Self.suppressedMarker : "<\(minimum)"
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        if let value { try container.encode(value) } else { try container.encode(description) }
    }
}
