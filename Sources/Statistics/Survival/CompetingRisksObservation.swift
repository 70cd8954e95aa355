/// One subject's follow-up with competing events: the time observed and how it ended, 0 for censoring and
/// k ≥ 1 for cause k (say 1 cancer death, 2 death from another cause).
public struct CompetingRisksObservation: Sendable, Equatable {
    public var time: Double
    public var event: Int

    public init(time: Double, event: Int) {
        self.time = time
        self.event = event
    }
}
