import Statistics

/// A Kaplan–Meier curve coarsened so that no count below the minimum can be read from it. At an event time, the
/// step in S(t) and the number at risk give the events back, and consecutive numbers at risk give the persons
/// censored in between; so consecutive event times are pooled into reported steps until each step holds at
/// least the minimum of events, and the persons censored from one step to the next are none or at least the
/// minimum. A step's events count at its last event time and persons censored within it stay at risk until
/// then; the estimate is the Kaplan–Meier of those coarsened times, so at a minimum of 1 it is the exact curve.
/// Persons censored before the first event, when fewer than the minimum, stay at risk until the first step;
/// the last steps are dropped while the events or censorings left after them would be fewer than the minimum
/// (the totals are published); and no step starts with fewer than the minimum at risk.
public struct DisclosedKaplanMeier: Sendable {
    /// The reported steps, one per event time of the coarsened data.
    public let steps: [KaplanMeier.Row]

    /// Coarsens the Kaplan–Meier curve of `observations` for `minimum`; at a minimum of 1 it is the exact curve.
    public init(_ observations: [SurvivalObservation], minimumCount minimum: Int) throws {
        let rows = try KaplanMeier(observations).rows.filter { $0.events > 0 }
        let small = { (count: Int) in count > 0 && count < minimum }
        let shiftFirst = small(observations.count - (rows.first?.atRisk ?? observations.count))
        let atRisk = { (row: Int) in row == 0 && shiftFirst ? observations.count : rows[row].atRisk }
        // Greedy pooling: a step closes once it holds enough events and what leaves before the next is not small.
        var blocks: [ClosedRange<Int>] = []
        var start = 0
        while start < rows.count, atRisk(start) >= minimum {
            var events = 0, end = start, closed = false
            while end < rows.count {
                events += rows[end].events
                if events >= minimum {
                    let next = end + 1 < rows.count ? rows[end + 1].atRisk : 0
                    if !small(atRisk(start) - events - next) || end + 1 == rows.count { closed = true; break }
                }
                end += 1
            }
            guard closed else { break }
            blocks.append(start...end)
            start = end + 1
        }
        let totalEvents = observations.count { $0.event }
        while let last = blocks.last {
            let eventsAfter = totalEvents - blocks.reduce(0) { sum, block in sum + block.reduce(0) { $0 + rows[$1].events } }
            let censoredAfter = atRisk(last.lowerBound) - last.reduce(0) { $0 + rows[$1].events } - eventsAfter
            if !small(eventsAfter) && !small(censoredAfter) { break }
            blocks.removeLast()
        }
        guard !blocks.isEmpty else { steps = []; return }
        // The coarsened data: events and censorings within a step move to its last event time.
        let spans = blocks.map { (first: rows[$0.lowerBound].time, last: rows[$0.upperBound].time) }
        let coarse = observations.map { observation -> SurvivalObservation in
            let t = observation.time
            if let span = spans.first(where: { $0.first <= t && t <= $0.last }) {
                return observation.event || t < span.last ? SurvivalObservation(time: span.last, event: observation.event) : observation
            }
            if shiftFirst, !observation.event, t < spans[0].first { return SurvivalObservation(time: spans[0].last, event: false) }
            return observation
        }
        let horizon = spans[spans.count - 1].last
        steps = try KaplanMeier(coarse).rows.filter { $0.events > 0 && $0.time <= horizon }
    }
}
