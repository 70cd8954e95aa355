import CDMStore
import Governance

extension Database {
    /// Runs an incidence analysis on generated target and outcome cohorts (see `IncidenceSettings`). The levels of
    /// a stratum feature add up to the overall line, so their persons and outcomes are governed as groups.
    public func incidenceAnalysis(_ settings: IncidenceSettings) async throws -> IncidenceAnalysis {
        try settings.validate()
        var settings = settings
        settings.minimumCount = try await effectiveMinimumCellCount(requested: settings.minimumCount)
        try await requireGeneratedCohort(settings.target, role: "target")
        if case .cohort(let id) = settings.outcome { try await requireGeneratedCohort(id, role: "outcome") }
        let subjects = IndexedSubjects(cohortID: settings.target, dialect: dialect)
        let table = try await followUp(subjects, outcome: settings.outcome, startDays: settings.startDays, endDays: settings.endDays)
        let minimum = settings.minimumCount
        var rows = [try IncidenceRow(feature: "all", level: "all", rows: table.rows, persons: SmallCellCount(table.rows.count, minimum: minimum),
                                     events: SmallCellCount(table.rows.count { $0.event }, minimum: minimum))]
        for feature in settings.strata {
            let values = try await featureValues(feature, subjects: subjects, window: settings.window)
            let groups = Dictionary(grouping: table.rows) { values.label(of: $0.person) }
            let levels = (values.levels + [nil]).compactMap { label in groups[label].map { (label: label, members: $0) } }
            let persons = CellSuppression.group(levels.map(\.members.count), minimum: minimum)
            let events = CellSuppression.group(levels.map { $0.members.count { $0.event } }, minimum: minimum)
            for (index, level) in levels.enumerated() {
                rows.append(try IncidenceRow(feature: feature.description, level: level.label ?? "not recorded", rows: level.members,
                                             persons: persons[index], events: events[index]))
            }
        }
        return IncidenceAnalysis(settings: settings, target: try await cohortName(settings.target),
                                 outcome: try await outcomeName(settings.outcome),
                                 priorOutcome: SmallCellCount(table.priorOutcome, minimum: minimum),
                                 noTimeAtRisk: SmallCellCount(table.noTimeAtRisk, minimum: minimum), rows: rows)
    }
}
