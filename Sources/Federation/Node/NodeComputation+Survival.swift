import Evidence

/// Incidence and the Kaplan–Meier histogram: follow-up from the first entry into the target cohort to the outcome,
/// censored at the end of observation or `maximum_days`, as Evidence's survival and incidence analyses count it.
extension NodeComputation {
    /// Per stratum (the agreed levels of the first categorical covariate, or one stratum "all"): persons, first
    /// outcomes, and person-days counted through the day of the event or censoring (days + 1, as ATLAS and
    /// `IncidenceRow` do). Subjects with no agreed level are counted nowhere.
    func incidence(_ context: Context) async throws -> [NamedAggregate] {
        let target = try context.target()
        try await checkSubset(target.study, context)
        let followUp = try await database.cohortFollowUp(target: target.local, outcome: try context.outcome, endDays: context.analysis.maximumDays)
        try guards.checkRows(followUp.subjects.count, analysis: context.analysis.id)
        var stratum: (SubjectFollowUp) -> Int? = { _ in 0 }
        var strata = 1
        if let feature = context.covariates.first(where: { !$0.isNumeric }) {
            let agreed = try context.agreedLevels(feature)
            try guards.checkLevels(agreed.count, rows: followUp.subjects.count, feature: feature.description, analysis: context.analysis.id)
            let values = try await featureValues(try context.localFeature(feature), target: target.local)
            let index = Dictionary(agreed.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
            stratum = { Self.label(values, $0.person).flatMap { index[$0] } }
            strata = agreed.count
        }
        var persons = [Int](repeating: 0, count: strata), events = persons
        var personDays = [Double](repeating: 0, count: strata)
        for subject in followUp.subjects {
            guard let s = stratum(subject) else { continue }
            persons[s] += 1
            if subject.event { events[s] += 1 }
            personDays[s] += Double(subject.days + 1)
        }
        return [NamedAggregate("persons", .counts(persons)), NamedAggregate("events", .counts(events)),
                NamedAggregate("person-days", .vector(personDays))]
    }

    /// N at time 0, and per interval of the fixed grid the events and censorings. Interval j holds the times t with
    /// j·w < t ≤ (j+1)·w (t = 0 in interval 0); the grid ends at `maximum_days` (3650 when not set), not at the
    /// data, so it says nothing about the longest follow-up. A subject followed past the grid's end is in neither
    /// histogram: still at risk at its end, as the coordinator's cumulative sums count it.
    func survivalHistogram(_ context: Context) async throws -> [NamedAggregate] {
        let target = try context.target()
        try await checkSubset(target.study, context)
        let followUp = try await database.cohortFollowUp(target: target.local, outcome: try context.outcome, endDays: context.analysis.maximumDays)
        try guards.checkRows(followUp.subjects.count, analysis: context.analysis.id)
        let width = Self.survivalGridDays(study: study, analysis: context.analysis)
        let intervals = Self.survivalIntervals(study: study, analysis: context.analysis)
        var events = [Int](repeating: 0, count: intervals), censored = events
        for subject in followUp.subjects {
            let j = subject.days <= 0 ? 0 : (subject.days - 1) / width
            guard j < intervals else { continue }
            if subject.event { events[j] += 1 } else { censored[j] += 1 }
        }
        if !study.privacy.secureAggregation {
            events = Self.carriedForward(events, minimum: guards.minimumCellCount)
            censored = Self.carriedForward(censored, minimum: guards.minimumCellCount)
        }
        return [NamedAggregate("at-risk", .count(followUp.subjects.count)), NamedAggregate("events", .counts(events)),
                NamedAggregate("censored", .counts(censored))]
    }

    /// A histogram whose small cells are moved into the next interval until they add up to `minimum`, so every
    /// cell the node releases is 0 or at least the minimum and no subject is lost: the curve is delayed by an
    /// interval or two where events are sparse, instead of losing them (only a remainder in the last interval is
    /// left for the disclosure gate to withhold). Masked replies need none of it: the coordinator sees only sums.
    static func carriedForward(_ counts: [Int], minimum: Int) -> [Int] {
        var released = [Int](repeating: 0, count: counts.count)
        var pending = 0
        for (index, count) in counts.enumerated() {
            pending += count
            if pending >= minimum || index == counts.count - 1 {
                released[index] = pending
                pending = 0
            }
        }
        return released
    }

    /// The grid width in days: 1 (every day a point, exact Kaplan–Meier) when the study asks for exact times.
    public static func survivalGridDays(study: StudySpecification, analysis: StudyAnalysis) -> Int {
        study.privacy.exactSurvivalTimes ? 1 : analysis.resolvedGridDays
    }

    /// The intervals of the grid: ⌈(maximum_days, or 3650) / width⌉.
    public static func survivalIntervals(study: StudySpecification, analysis: StudyAnalysis) -> Int {
        let width = survivalGridDays(study: study, analysis: analysis)
        return ((analysis.maximumDays ?? 3650) + width - 1) / width
    }
}
