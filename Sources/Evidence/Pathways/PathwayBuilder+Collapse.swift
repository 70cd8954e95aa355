import OMOP

extension PathwayBuilder {
    /// Moves every date (start or end, of any cohort) that lies fewer than `combinationWindow` days after the
    /// person's previous date onto the first date of that chain: the window is measured between neighbours,
    /// so a chain of close dates may span far more than the window. A span that collapses to a single day is
    /// widened to one day, as WebAPI does.
    func collapsed(_ spans: [Span]) -> [Span] {
        let dates = Set(spans.flatMap { [$0.start, $0.end] }).sorted()
        var replacement: [CDMDate: CDMDate] = [:]
        for (index, date) in dates.enumerated() {
            let chained = index > 0 && dates[index - 1].days(to: date) < combinationWindow
            replacement[date] = chained ? replacement[dates[index - 1]]! : date
        }
        return spans.map { span in
            let start = replacement[span.start]!, end = replacement[span.end]!
            return Span(cohort: span.cohort, start: start, end: start == end ? end.adding(days: 1) : end)
        }
    }

    /// Re-joins each cohort's overlapping spans into eras, as WebAPI's era query after the collapse does. Eras
    /// end where no span of the cohort is open any more (an end counted before a start on the same day); each
    /// span then joins the first era end on or after its own start. So a span that starts on the day an earlier
    /// era of its cohort ends is folded into that era and the time after it is lost: WebAPI's quirk, kept so
    /// that the paths match ATLAS's.
    func joined(_ spans: [Span]) -> [Span] {
        Dictionary(grouping: spans, by: \.cohort).sorted { $0.key < $1.key }.flatMap { cohort, spans in
            let marks = (spans.map { ($0.start, 1) } + spans.map { ($0.end, -1) }).sorted { ($0.0, $0.1) < ($1.0, $1.1) }
            var open = 0
            var ends: [CDMDate] = []
            for (date, change) in marks {
                open += change
                if open == 0 { ends.append(date) }
            }
            var starts: [CDMDate: CDMDate] = [:]
            for span in spans {
                // The last era end is the latest date of all and every span starts before its end, so one is found.
                let end = ends.first { $0 >= span.start }!
                starts[end] = min(starts[end] ?? span.start, span.start)
            }
            return starts.map { Span(cohort: cohort, start: $0.value, end: $0.key) }.sorted { $0.start < $1.start }
        }
    }
}
