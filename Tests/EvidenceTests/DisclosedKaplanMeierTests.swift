@testable import Evidence
import Statistics
import Testing

/// The coarsened Kaplan–Meier curve: every reported step holds at least the minimum of events and at risk, and
/// no difference of published counts (censored between steps, before the first, after the last) is small.
@Suite struct DisclosedKaplanMeierTests {
    static func observations(events: [Double], censored: [Double]) -> [SurvivalObservation] {
        events.map { SurvivalObservation(time: $0, event: true) } + censored.map { SurvivalObservation(time: $0, event: false) }
    }

    @Test func aMinimumOfOneIsTheExactCurve() throws {
        let data = Self.observations(events: [3, 5, 5, 8, 13, 21], censored: [4, 9, 9, 30])
        let exact = try KaplanMeier(data).rows.filter { $0.events > 0 }
        #expect(try DisclosedKaplanMeier(data, minimumCount: 1).steps == exact)
    }

    @Test func eventTimesArePooledUntilAStepHoldsTheMinimum() throws {
        let curve = try DisclosedKaplanMeier(Self.observations(events: [1, 2, 3, 4, 5, 6], censored: [100, 100, 100, 100]), minimumCount: 3)
        #expect(curve.steps.map(\.time) == [3, 6] && curve.steps.map(\.atRisk) == [10, 7] && curve.steps.map(\.events) == [3, 3])
        #expect(zip(curve.steps.map(\.survival), [0.7, 0.4]).allSatisfy { abs($0 - $1) < 1e-12 })
    }

    @Test func aFewEventsLeftAfterTheLastStepDropIt() throws {
        // One death at day 50 after the two steps: total events − the steps' would give it away.
        let curve = try DisclosedKaplanMeier(Self.observations(events: [1, 2, 3, 4, 5, 6, 50], censored: [100, 100, 100]), minimumCount: 3)
        #expect(curve.steps.map(\.time) == [3] && curve.steps.map(\.events) == [3])
    }

    @Test func aFewCensoredBetweenStepsAreKeptInsideOne() throws {
        // One censored at 2.5: a step at 3 and the next at risk would differ by events + 1.
        let curve = try DisclosedKaplanMeier(Self.observations(events: [1, 2, 3, 4, 5, 6], censored: [2.5, 100, 100, 100]), minimumCount: 3)
        #expect(curve.steps.map(\.time) == [6] && curve.steps.map(\.atRisk) == [10] && curve.steps.map(\.events) == [6])
        #expect(abs((curve.steps.first?.survival ?? 0) - 0.4) < 1e-12)
    }

    @Test func aFewCensoredBeforeTheFirstEventStayAtRisk() throws {
        // Otherwise subjects − the first at risk would count the one censored at 0.5.
        let curve = try DisclosedKaplanMeier(Self.observations(events: [1, 2, 3], censored: [0.5] + Array(repeating: 100, count: 6)), minimumCount: 3)
        #expect(curve.steps.map(\.atRisk) == [10] && curve.steps.map(\.time) == [3])
    }

    @Test func randomCurvesGiveNoSmallCountAway() throws {
        var generator = SystemRandomNumberGenerator()
        for _ in 0..<300 {
            let minimum = Int.random(in: 2...10, using: &generator)
            let data = (0..<Int.random(in: 0...150, using: &generator)).map { _ in
                SurvivalObservation(time: Double(Int.random(in: 0...60, using: &generator)), event: Bool.random(using: &generator))
            }
            let steps = try DisclosedKaplanMeier(data, minimumCount: minimum).steps
            let fine = { (count: Int) in count == 0 || count >= minimum }
            #expect(steps.allSatisfy { $0.events >= minimum && $0.atRisk >= minimum })
            guard let first = steps.first, let last = steps.last else { continue }
            #expect(fine(data.count - first.atRisk), "censored before the first step")
            for (a, b) in zip(steps, steps.dropFirst()) { #expect(fine(a.atRisk - a.events - b.atRisk), "censored between steps") }
            let eventsAfter = data.count { $0.event } - steps.reduce(0) { $0 + $1.events }
            #expect(fine(eventsAfter) && fine(last.atRisk - last.events - eventsAfter), "after the last step")
        }
    }
}
