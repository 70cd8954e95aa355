/// Events and censorings per interval of a shared time grid, with the number at risk at time 0: what a node
/// sends for a federated Kaplan–Meier curve (federated-algorithms.md §3). Each subject falls in exactly one
/// cell, so the histogram's sensitivity is 1; the at-risk counts are derived by the coordinator, not sent.
///
/// Interval j is ((j)·w, (j+1)·w] in days, w = `gridDays`; a subject with time 0 falls in interval 0. With
/// w = 1 every day is its own interval and the curve is the exact Kaplan–Meier estimate.
public struct SurvivalHistogram: Sendable, Codable, Equatable {
    public var gridDays: Int
    /// N at time 0.
    public var atRisk: Int
    /// Per interval, summed over nodes.
    public var events: [Int]
    public var censored: [Int]

    public init(gridDays: Int, atRisk: Int, events: [Int], censored: [Int]) {
        self.gridDays = gridDays
        self.atRisk = atRisk
        self.events = events
        self.censored = censored
    }

    /// From follow-up in whole days. With `intervals`, follow-up past the grid's end counts as censored in the
    /// last interval (the subject was at risk through all of it); without, the grid is as long as the data.
    public init(gridDays: Int, days: [Int], events: [Bool], intervals: Int? = nil) throws {
        guard gridDays >= 1 else { throw FederationError("survival-grid", "the survival grid width must be at least 1 day (got \(gridDays))") }
        guard days.count == events.count else {
            throw FederationError("survival-histogram", "\(days.count) follow-up times for \(events.count) event flags")
        }
        if let bad = days.firstIndex(where: { $0 < 0 }) {
            throw FederationError("survival-histogram", "subject \(bad + 1): follow-up of \(days[bad]) days is negative")
        }
        if let intervals, intervals < 1 { throw FederationError("survival-grid", "a survival grid needs at least 1 interval (got \(intervals))") }
        let count = intervals ?? max(1, days.map { Self.interval(ofDay: $0, gridDays: gridDays) + 1 }.max() ?? 1)
        var eventCounts = [Int](repeating: 0, count: count), censoredCounts = eventCounts
        for (day, event) in zip(days, events) {
            let j = Self.interval(ofDay: day, gridDays: gridDays)
            if j >= count { censoredCounts[count - 1] += 1 } else if event { eventCounts[j] += 1 } else { censoredCounts[j] += 1 }
        }
        self.init(gridDays: gridDays, atRisk: days.count, events: eventCounts, censored: censoredCounts)
    }

    /// The interval holding day `day` (≥ 0): ((j)·w, (j+1)·w], with day 0 in interval 0.
    public static func interval(ofDay day: Int, gridDays: Int) -> Int {
        day <= 0 ? 0 : (day - 1) / gridDays
    }

    public var intervals: Int { max(events.count, censored.count) }

    /// Both on the same grid; the shorter histogram counts nothing in the intervals it lacks.
    public static func + (a: SurvivalHistogram, b: SurvivalHistogram) -> SurvivalHistogram {
        precondition(a.gridDays == b.gridDays, "survival histograms on grids of \(a.gridDays) and \(b.gridDays) days cannot be added")
        func add(_ x: [Int], _ y: [Int]) -> [Int] {
            (0..<max(x.count, y.count)).map { (($0 < x.count) ? x[$0] : 0) + (($0 < y.count) ? y[$0] : 0) }
        }
        return SurvivalHistogram(gridDays: a.gridDays, atRisk: a.atRisk + b.atRisk, events: add(a.events, b.events), censored: add(a.censored, b.censored))
    }
}
