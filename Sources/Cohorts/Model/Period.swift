import OMOP

/// A calendar period (`CensorWindow`, `UserDefinedPeriod`); either end may be open.
public struct Period: Decodable, Sendable, Equatable {
    public var start: CDMDate?
    public var end: CDMDate?

    public init(from decoder: any Decoder) throws {
        let o = try CirceObject(decoder)
        start = try (o("StartDate") as String?).map { _ in try DateRange.date(o, "StartDate") }
        end = try (o("EndDate") as String?).map { _ in try DateRange.date(o, "EndDate") }
    }
}
