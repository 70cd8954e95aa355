import CDMStore
import Governance

extension Database {
    /// Runs an incidence analysis on generated target and outcome cohorts (see `IncidenceSettings`).
    public func incidenceAnalysis(_ settings: IncidenceSettings) async throws -> IncidenceAnalysis {
        try settings.validate()
        try await requireGeneratedCohort(settings.target, role: "target")
        if case .cohort(let id) = settings.outcome { try await requireGeneratedCohort(id, role: "outcome") }
        let subjects = IndexedSubjects(cohortID: settings.target, dialect: dialect)
        let table = try await followUp(subjects, outcome: settings.outcome, startDays: settings.startDays, endDays: settings.endDays)
        let minimum = settings.minimumCount
        var rows = [try IncidenceRow(feature: "all", level: "all", rows: table.rows, minimumCount: minimum)]
        for feature in settings.strata {
            let values = try await featureValues(feature, subjects: subjects, window: settings.window)
            let groups = Dictionary(grouping: table.rows) { values.label(of: $0.person) }
            for label in values.levels + [nil] {
                guard let members = groups[label] else { continue }
                rows.append(try IncidenceRow(feature: feature.description, level: label ?? "not recorded", rows: members, minimumCount: minimum))
            }
        }
        return IncidenceAnalysis(settings: settings, target: try await cohortName(settings.target),
                                 outcome: try await outcomeName(settings.outcome),
                                 priorOutcome: SmallCellCount(table.priorOutcome, minimum: minimum),
                                 noTimeAtRisk: SmallCellCount(table.noTimeAtRisk, minimum: minimum), rows: rows)
    }
}
