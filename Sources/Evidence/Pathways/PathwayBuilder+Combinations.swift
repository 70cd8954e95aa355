import OMOP

extension PathwayBuilder {
    /// Cuts the person's time at every start and end of any span and labels each piece with the cohorts that
    /// cover all of it; pieces no cohort covers are left out. A span inside a longer one thus splits the longer
    /// one in three (A, A+B, A). Each cohort counts once in a piece, even where its own spans overlap (WebAPI
    /// sums powers of two there, which would name a different combination; Circe cohorts never overlap themselves).
    func combinations(_ spans: [Span]) -> [Combination] {
        let dates = Set(spans.flatMap { [$0.start, $0.end] }).sorted()
        let starting = Dictionary(grouping: spans, by: \.start), ending = Dictionary(grouping: spans, by: \.end)
        var open: [Int: Int] = [:]
        var pieces: [Combination] = []
        for (date, next) in zip(dates, dates.dropFirst()) {
            for span in ending[date] ?? [] { open[span.cohort, default: 0] -= 1 }
            for span in starting[date] ?? [] { open[span.cohort, default: 0] += 1 }
            let cohorts = open.filter { $0.value > 0 }.keys.sorted()
            if !cohorts.isEmpty { pieces.append(Combination(cohorts: cohorts, start: date, end: next)) }
        }
        return pieces
    }

    /// The pathway from the pieces in time order. A piece with the same cohorts as the piece before it is
    /// dropped, even across a gap; unless repeats are allowed, so is any piece whose cohorts came earlier. Both
    /// are judged on the pieces before any is dropped, as WebAPI does: with repeats allowed, A A B A gives A B A.
    func steps(_ pieces: [Combination]) -> [[Int]] {
        var seen: Set<[Int]> = []
        var previous: [Int]?
        var steps: [[Int]] = []
        for piece in pieces {
            let repeatsPrevious = piece.cohorts == previous
            let seenBefore = !seen.insert(piece.cohorts).inserted
            previous = piece.cohorts
            if repeatsPrevious || (seenBefore && !allowRepeats) { continue }
            steps.append(piece.cohorts)
            if steps.count == maxDepth { break }
        }
        return steps
    }
}
