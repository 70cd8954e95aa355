/// The entry events: the union of its criteria's events, within continuous observation, limited per person.
public struct PrimaryCriteria: Decodable, Sendable, Equatable {
    public var criteria: [Criteria]
    public var observationWindow: ObservationWindow
    public var limit: ResultLimit

    public init(from decoder: any Decoder) throws {
        let o = try CirceObject(decoder)
        criteria = try o("CriteriaList") ?? []
        observationWindow = try o("ObservationWindow") ?? ObservationWindow()
        limit = try o("PrimaryCriteriaLimit") ?? .first
    }
}
