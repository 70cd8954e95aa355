/// A number compared with `Op`: `Value`, and `Extent` for the between operators.
public struct NumericRange: Decodable, Sendable, Equatable {
    public var op: RangeOperator
    public var value: Double
    public var extent: Double?

    public init(from decoder: any Decoder) throws {
        let o = try CirceObject(decoder)
        guard let op: RangeOperator = try o("Op") else { throw o.invalid("Op", "a range needs an Op") }
        guard let value: Double = try o("Value") else { throw o.invalid("Value", "a range needs a Value") }
        self.op = op
        self.value = value
        extent = try o("Extent")
        if op.needsExtent && extent == nil { throw o.invalid("Extent", "\(op.rawValue) needs an Extent") }
    }
}
