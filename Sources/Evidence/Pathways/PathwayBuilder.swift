import OMOP

/// One person's treatment pathway from their event cohort eras, step for step as OHDSI WebAPI's
/// `runPathwayAnalysis.sql` (2.8 and later, the version ATLAS runs today) computes it, kept apart from the
/// database so each step can be checked on its own:
///
/// 1. eras covering fewer than `minimumEraDays` days are dropped (Optima's addition; WebAPI has none);
/// 2. each era becomes a half-open span `[start, end + 1)`, as WebAPI stores it;
/// 3. with a combination window, close dates are collapsed and each cohort's spans re-joined into eras
///    (`collapsed`, `joined`);
/// 4. the person's time is cut at every start and end, each piece labelled with the cohorts covering it
///    (`combinations`);
/// 5. a piece like the one before it is dropped, and so (unless repeats are allowed) is one seen earlier;
///    the first `maxDepth` are the pathway (`steps`).
///
/// WebAPI's quirks are reproduced on purpose, so that Optima's counts equal ATLAS's; each is noted where it happens.
public struct PathwayBuilder: Sendable {
    /// An era of an event cohort as the cohort table holds it: `cohort` is the event's position in the
    /// settings, `end` the last day covered.
    public struct Era: Sendable, Hashable {
        public var cohort: Int
        public var start: CDMDate
        public var end: CDMDate

        public init(cohort: Int, start: CDMDate, end: CDMDate) {
            self.cohort = cohort
            self.start = start
            self.end = end
        }
    }

    /// A stretch of time covered by one cohort, `end` excluded.
    struct Span: Hashable {
        var cohort: Int
        var start: CDMDate
        var end: CDMDate
    }

    /// A piece of a person's time and the cohorts covering all of it, in settings order; `end` excluded.
    struct Combination: Hashable {
        var cohorts: [Int]
        var start: CDMDate
        var end: CDMDate
    }

    public var combinationWindow: Int
    public var minimumEraDays: Int
    public var maxDepth: Int
    public var allowRepeats: Bool

    public init(combinationWindow: Int = 0, minimumEraDays: Int = 0, maxDepth: Int = 5, allowRepeats: Bool = false) {
        self.combinationWindow = combinationWindow
        self.minimumEraDays = minimumEraDays
        self.maxDepth = maxDepth
        self.allowRepeats = allowRepeats
    }

    public init(_ settings: PathwaySettings) {
        self.init(combinationWindow: settings.combinationWindow, minimumEraDays: settings.minimumEraDays,
                  maxDepth: settings.maxDepth, allowRepeats: settings.allowRepeats)
    }

    /// The pathway: per step, the positions of the event cohorts taken together (one for a single treatment).
    public func pathway(_ eras: [Era]) -> [[Int]] {
        var spans = self.spans(eras)
        // WebAPI skips the collapse, and with it the re-joining into eras, only when the window is 0.
        if combinationWindow != 0 { spans = joined(collapsed(spans)) }
        return steps(combinations(spans))
    }

    /// The eras long enough to keep, as half-open spans. An era covers `end - start + 1` days, so an era that
    /// ends before it starts covers none and is always dropped.
    func spans(_ eras: [Era]) -> [Span] {
        eras.compactMap { era in
            let end = era.end.adding(days: 1)
            return era.start.days(to: end) >= max(minimumEraDays, 1) ? Span(cohort: era.cohort, start: era.start, end: end) : nil
        }
    }
}
