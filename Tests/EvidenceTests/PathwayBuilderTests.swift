@testable import Evidence
import OMOP
import Testing

/// Each step of the pathway builder on its own, then whole pathways, against what WebAPI's
/// runPathwayAnalysis.sql gives for the same eras.
@Suite struct PathwayBuilderTests {
    typealias Span = PathwayBuilder.Span

    static func day(_ text: String) -> CDMDate { CDMDate(text)! }
    static func era(_ cohort: Int, _ start: String, _ end: String) -> PathwayBuilder.Era {
        PathwayBuilder.Era(cohort: cohort, start: day(start), end: day(end))
    }
    /// A half-open span on days counted from 2000-01-01.
    static func span(_ cohort: Int, _ start: Int, _ end: Int) -> Span {
        let origin = day("2000-01-01")
        return Span(cohort: cohort, start: origin.adding(days: start), end: origin.adding(days: end))
    }

    /// WebAPI's simpleTest: cohort 1 on 1–16 Jan and 1 Feb–1 Mar, cohort 2 on 7 Jan–1 Mar, 7–15 Mar and 22 Mar–1 May.
    static let webAPITestEras = [
        era(0, "2000-01-01", "2000-01-16"), era(0, "2000-02-01", "2000-03-01"),
        era(1, "2000-01-07", "2000-03-01"), era(1, "2000-03-07", "2000-03-15"), era(1, "2000-03-22", "2000-05-01"),
    ]

    @Test func webAPISimpleTestGivesOneThenBothThenTwo() {
        #expect(PathwayBuilder(combinationWindow: 0).pathway(Self.webAPITestEras) == [[0], [0, 1], [1]])
    }

    @Test func webAPICollapseTestGivesBothThenTwo() {
        #expect(PathwayBuilder(combinationWindow: 15).pathway(Self.webAPITestEras) == [[0, 1], [1]])
    }

    @Test func erasBecomeHalfOpenAndShortOnesAreDropped() {
        let eras = [Self.era(0, "2000-01-01", "2000-01-03"), Self.era(1, "2000-01-05", "2000-01-05"), Self.era(2, "2000-01-09", "2000-01-08")]
        #expect(PathwayBuilder().spans(eras) == [Self.span(0, 0, 3), Self.span(1, 4, 5)], "an era ending before it starts covers no day")
        #expect(PathwayBuilder(minimumEraDays: 3).spans(eras) == [Self.span(0, 0, 3)])
        #expect(PathwayBuilder(minimumEraDays: 4).spans(eras).isEmpty)
    }

    @Test func closeDatesCollapseOntoTheFirstOfTheirChain() {
        let builder = PathwayBuilder(combinationWindow: 15)
        // 0, 10 and 20 chain (each within 15 days of the one before) although 20 is 20 days after 0; 35 is 15 after 20: not closer.
        #expect(builder.collapsed([Self.span(0, 0, 20), Self.span(1, 10, 35)]) == [Self.span(0, 0, 1), Self.span(1, 0, 35)],
                "a span collapsed to one date is widened to a day")
        #expect(PathwayBuilder(combinationWindow: 16).collapsed([Self.span(1, 10, 25)]) == [Self.span(1, 10, 11)])
    }

    @Test func overlappingSpansOfACohortJoinIntoEras() {
        let builder = PathwayBuilder(combinationWindow: 1)
        #expect(builder.joined([Self.span(0, 0, 10), Self.span(0, 5, 20), Self.span(0, 2, 4), Self.span(1, 5, 8)])
                == [Self.span(0, 0, 20), Self.span(1, 5, 8)])
        #expect(builder.joined([Self.span(0, 0, 10), Self.span(0, 12, 20)]) == [Self.span(0, 0, 10), Self.span(0, 12, 20)])
    }

    @Test func aSpanStartingWhereAnEraOfItsCohortEndsIsLostAsInWebAPI() {
        #expect(PathwayBuilder(combinationWindow: 1).joined([Self.span(0, 0, 10), Self.span(0, 10, 20)]) == [Self.span(0, 0, 10)])
        // So a window of one day, which moves no date, still changes the path: without the window no eras are re-joined.
        let eras = [Self.era(0, "2000-01-01", "2000-01-10"), Self.era(0, "2000-01-11", "2000-01-20"), Self.era(1, "2000-01-15", "2000-01-30")]
        #expect(PathwayBuilder(combinationWindow: 0).pathway(eras) == [[0], [0, 1], [1]])
        #expect(PathwayBuilder(combinationWindow: 1).pathway(eras) == [[0], [1]])
    }

    @Test func timeIsCutAtEveryStartAndEnd() {
        let builder = PathwayBuilder()
        func cohorts(_ spans: [Span]) -> [[Int]] { builder.combinations(spans).map(\.cohorts) }
        #expect(cohorts([Self.span(0, 0, 10), Self.span(1, 5, 15)]) == [[0], [0, 1], [1]], "partial overlap")
        #expect(cohorts([Self.span(0, 0, 20), Self.span(1, 5, 15)]) == [[0], [0, 1], [0]], "a span inside another splits it")
        #expect(cohorts([Self.span(1, 0, 10), Self.span(0, 0, 10)]) == [[0, 1]], "the same days: one combination, in settings order")
        let pieces = builder.combinations([Self.span(0, 0, 10), Self.span(1, 12, 15)])
        #expect(pieces == [PathwayBuilder.Combination(cohorts: [0], start: Self.day("2000-01-01"), end: Self.day("2000-01-11")),
                           PathwayBuilder.Combination(cohorts: [1], start: Self.day("2000-01-13"), end: Self.day("2000-01-16"))],
                "days no cohort covers make no piece")
    }

    @Test func repeatsAndDepth() {
        func steps(_ cohorts: [[Int]], allowRepeats: Bool = false, maxDepth: Int = 5) -> [[Int]] {
            let pieces = cohorts.enumerated().map { index, cohorts in
                PathwayBuilder.Combination(cohorts: cohorts, start: Self.day("2000-01-01").adding(days: index * 10),
                                           end: Self.day("2000-01-01").adding(days: index * 10 + 5))
            }
            return PathwayBuilder(maxDepth: maxDepth, allowRepeats: allowRepeats).steps(pieces)
        }
        #expect(steps([[0], [0], [1]]) == [[0], [1]], "the same piece again, even after a gap, is one step")
        #expect(steps([[0], [1], [0], [0, 1], [1]]) == [[0], [1], [0, 1]])
        #expect(steps([[0], [1], [0], [0, 1], [1]], allowRepeats: true) == [[0], [1], [0], [0, 1], [1]])
        #expect(steps([[0], [0], [1], [0]], allowRepeats: true) == [[0], [1], [0]])
        #expect(steps([[0], [1], [2], [3], [4], [5]]) == [[0], [1], [2], [3], [4]], "five steps by default")
        #expect(steps([[0], [1], [0], [2]], maxDepth: 2) == [[0], [1]])
        #expect(steps([[0], [1], [0], [2]], allowRepeats: true, maxDepth: 3) == [[0], [1], [0]])
    }

    @Test func noErasNoPathway() {
        #expect(PathwayBuilder().pathway([]).isEmpty)
        #expect(PathwayBuilder(minimumEraDays: 30).pathway(Self.webAPITestEras) == [[1], [0, 1]],
                "cohort 1's 16 days in January and cohort 2's 9 days in March are dropped; 1 Feb–1 Mar covers 30 days")
    }
}
