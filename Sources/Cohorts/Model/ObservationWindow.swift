/// Continuous observation required around an entry event: `priorDays` before, `postDays` after.
public struct ObservationWindow: Decodable, Sendable, Equatable {
    public var priorDays: Int
    public var postDays: Int

    public init(priorDays: Int = 0, postDays: Int = 0) {
        self.priorDays = priorDays
        self.postDays = postDays
    }

    public init(from decoder: any Decoder) throws {
        let o = try CirceObject(decoder)
        priorDays = try o("PriorDays") ?? 0
        postDays = try o("PostDays") ?? 0
    }
}
