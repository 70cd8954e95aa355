/// When a correlated event must happen relative to the index event: from `start` to `end` days (negative =
/// before), either side open (`nil`), measured from the index start (or end, `useIndexEnd`) to the event's
/// start (or end, `useEventEnd`).
public struct Window: Decodable, Sendable, Equatable {
    /// Days from the index date; nil when unbounded (the observation period's edge, unless ignored).
    public var start: Int?
    public var end: Int?
    public var useIndexEnd: Bool?
    public var useEventEnd: Bool?

    private struct Endpoint: Decodable {
        var days: Int?

        init(from decoder: any Decoder) throws {
            let o = try CirceObject(decoder)
            let coefficient: Int = try o("Coeff") ?? 1
            guard coefficient == 1 || coefficient == -1 else { throw o.invalid("Coeff", "must be -1 (before) or 1 (after)") }
            days = (try o("Days") as Int?).map { $0 * coefficient }
        }
    }

    public init(from decoder: any Decoder) throws {
        let o = try CirceObject(decoder)
        start = (try o("Start") as Endpoint?)?.days
        end = (try o("End") as Endpoint?)?.days
        useIndexEnd = try o("UseIndexEnd")
        useEventEnd = try o("UseEventEnd")
    }
}
