/// A criterion evaluated relative to an index event (Circe's `CorelatedCriteria`): its events within
/// the windows, counted by `occurrence`.
public struct CorrelatedCriteria: Decodable, Sendable, Equatable {
    public var criteria: Criteria
    public var startWindow: Window?
    public var endWindow: Window?
    public var restrictVisit: Bool
    public var ignoreObservationPeriod: Bool
    public var occurrence: Occurrence?

    public init(from decoder: any Decoder) throws {
        let o = try CirceObject(decoder)
        guard let criteria: Criteria = try o("Criteria") else { throw o.invalid("Criteria", "a correlated criterion needs its Criteria") }
        self.criteria = criteria
        startWindow = try o("StartWindow")
        endWindow = try o("EndWindow")
        restrictVisit = try o("RestrictVisit") ?? false
        ignoreObservationPeriod = try o("IgnoreObservationPeriod") ?? false
        occurrence = try o("Occurrence")
    }
}
