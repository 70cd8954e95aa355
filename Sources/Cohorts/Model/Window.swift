/// When a correlated event must happen relative to the index event: from `start` to `end` days (negative =
/// before), either side open (`nil`), measured from the index start (or end, `useIndexEnd`) to the event's
/// start (or end, `useEventEnd`).
public struct Window: Decodable, Sendable, Equatable {
    public var start: Endpoint
    public var end: Endpoint
    public var useIndexEnd: Bool?
    public var useEventEnd: Bool?

    /// One side of the window.
    public struct Endpoint: Decodable, Sendable, Equatable {
        /// Days from the index date (negative = before); nil when unbounded.
        public var days: Int?
        /// Which way an unbounded side reaches: to the observation period's start (before) or end (after),
        /// unless the criterion ignores observation periods.
        public var isBefore: Bool

        public init(days: Int?, isBefore: Bool) {
            self.days = days
            self.isBefore = isBefore
        }

        public init(from decoder: any Decoder) throws {
            let o = try CirceObject(decoder)
            let coefficient: Int = try o("Coeff") ?? 1
            guard coefficient == 1 || coefficient == -1 else { throw o.invalid("Coeff", "must be -1 (before) or 1 (after)") }
            days = (try o("Days") as Int?).map { $0 * coefficient }
            isBefore = coefficient == -1
        }
    }

    public init(from decoder: any Decoder) throws {
        let o = try CirceObject(decoder)
        start = try o("Start") ?? Endpoint(days: nil, isBefore: false)
        end = try o("End") ?? Endpoint(days: nil, isBefore: false)
        useIndexEnd = try o("UseIndexEnd")
        useEventEnd = try o("UseEventEnd")
    }
}
