/// One subject's follow-up: the time observed and whether it ended in the event (else it was censored).
public struct SurvivalObservation: Sendable, Equatable {
    public var time: Double
    public var event: Bool

    public init(time: Double, event: Bool) {
        self.time = time
        self.event = event
    }
}
