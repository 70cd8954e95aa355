/// A count as it may leave the site: the number when it is at least the minimum cell count, otherwise
/// only "<minimum" (e.g. "<5"), so a small group of people cannot be singled out. Encodes as a JSON number
/// or that string.
public struct SmallCellCount: Sendable, Equatable, Encodable, CustomStringConvertible {
    /// The number, or nil when it is suppressed.
    public let value: Int?
    public let minimum: Int

    /// The default minimum cell count of a site (OHDSI and DataSHIELD use 5).
    public static let defaultMinimum = 5

    public init(_ count: Int, minimum: Int = SmallCellCount.defaultMinimum) {
        self.value = count >= minimum ? count : nil
        self.minimum = minimum
    }

    public var description: String { value.map(String.init) ?? "<\(minimum)" }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        if let value { try container.encode(value) } else { try container.encode(description) }
    }
}
