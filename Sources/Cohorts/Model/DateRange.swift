import OMOP

/// A date compared with `Op`: `Value` (YYYY-MM-DD), and `Extent` for the between operators.
public struct DateRange: Decodable, Sendable, Equatable {
    public var op: RangeOperator
    public var value: CDMDate
    public var extent: CDMDate?

    public init(from decoder: any Decoder) throws {
        let o = try CirceObject(decoder)
        guard let op: RangeOperator = try o("Op") else { throw o.invalid("Op", "a date range needs an Op") }
        self.op = op
        value = try Self.date(o, "Value")
        extent = try (o("Extent") as String?).map { _ in try Self.date(o, "Extent") }
        if op.needsExtent && extent == nil { throw o.invalid("Extent", "\(op.rawValue) needs an Extent") }
    }

    static func date(_ o: CirceObject, _ name: String) throws -> CDMDate {
        guard let text: String = try o(name) else { throw o.invalid(name, "a date range needs a \(name)") }
        guard let date = CDMDate(String(text.prefix(10))) else { throw o.invalid(name, "\"\(text)\" is not a date (YYYY-MM-DD)") }
        return date
    }
}
