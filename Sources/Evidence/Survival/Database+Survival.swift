import CDMStore
import Governance
import Statistics

extension Database {
    /// Runs a survival analysis on a generated target cohort (see `SurvivalSettings`). Strata add up to the whole,
    /// so their subjects and events are governed as groups.
    public func survivalAnalysis(_ settings: SurvivalSettings) async throws -> SurvivalAnalysis {
        try settings.validate()
        var settings = settings
        settings.minimumCount = try await effectiveMinimumCellCount(requested: settings.minimumCount)
        try await requireGeneratedCohort(settings.target, role: "target")
        if case .cohort(let id) = settings.outcome { try await requireGeneratedCohort(id, role: "outcome") }
        let subjects = IndexedSubjects(cohortID: settings.target, dialect: dialect)
        let table = try await followUp(subjects, outcome: settings.outcome, endDays: settings.maximumDays)
        let minimum = settings.minimumCount

        let atRiskDays = settings.atRiskDays ?? Self.yearlyMarks(table.rows.map(\.days), minimumCount: minimum)
        var strata: [SurvivalCurveReport] = []
        let observations = { (rows: [FollowUp]) in rows.map { SurvivalObservation(time: Double($0.days), event: $0.event) } }
        if let feature = settings.strata {
            let values = try await featureValues(feature, subjects: subjects, window: settings.window)
            let groups = Dictionary(grouping: table.rows) { values.label(of: $0.person) }
            let levels = (values.levels + [nil]).compactMap { label in groups[label].map { (label: label, rows: $0) } }
            let subjects = CellSuppression.group(levels.map(\.rows.count), minimum: minimum)
            let events = CellSuppression.group(levels.map { $0.rows.count { $0.event } }, minimum: minimum)
            for (index, stratum) in levels.enumerated() {
                let level = stratum.label ?? "not recorded"
                strata.append(try SurvivalCurveReport(name: feature.label.map { "\($0): \(level)" } ?? level, observations: observations(stratum.rows),
                                                      subjects: subjects[index], events: events[index], minimumCount: minimum, atRiskDays: atRiskDays))
            }
        } else if !table.rows.isEmpty {
            strata.append(try SurvivalCurveReport(name: "all", observations: observations(table.rows),
                                                  subjects: SmallCellCount(table.rows.count, minimum: minimum),
                                                  events: SmallCellCount(table.rows.count { $0.event }, minimum: minimum),
                                                  minimumCount: minimum, atRiskDays: atRiskDays))
        }

        var cox: CoxReport?
        if !settings.covariates.isEmpty {
            var features: [FeatureValues] = []
            for feature in settings.covariates { features.append(try await featureValues(feature, subjects: subjects, window: settings.window)) }
            let byPerson = Dictionary(uniqueKeysWithValues: table.rows.map { ($0.person, $0) })
            let design = try CovariateDesign(features: features, persons: table.rows.map(\.person), minimumCount: minimum)
            let kept = design.persons.map { byPerson[$0]! }
            guard kept.count(where: { $0.event }) >= minimum else {
                throw EvidenceError("fewer than \(minimum) events among the subjects with complete covariates: the disclosure rule refuses the model")
            }
            let data = try CoxData(times: kept.map { Double($0.days) }, events: kept.map(\.event), covariates: design.rows, names: design.names)
            cox = CoxReport(try CoxRegression(data, ties: settings.ties), missing: design.missing,
                            missingEvents: table.rows.count { $0.event } - kept.count { $0.event }, minimumCount: minimum)
        }
        return SurvivalAnalysis(settings: settings, target: try await cohortName(settings.target),
                                outcome: try await outcomeName(settings.outcome),
                                subjects: SmallCellCount(table.rows.count, minimum: minimum),
                                events: SmallCellCount(table.rows.count { $0.event }, minimum: minimum),
                                priorOutcome: SmallCellCount(table.priorOutcome, minimum: minimum), atRiskDays: atRiskDays,
                                strata: strata, cox: cox)
    }

    /// Whole years from 0 while at least `minimumCount` subjects are followed that long; every second year
    /// past ten years, so the table stays readable.
    static func yearlyMarks(_ days: [Int], minimumCount: Int) -> [Int] {
        let sorted = days.sorted(by: >)
        guard sorted.count >= minimumCount else { return [0] }
        let years = Int(Double(sorted[minimumCount - 1]) / 365.25)
        return stride(from: 0, through: years, by: years > 10 ? 2 : 1).map { Int((Double($0) * 365.25).rounded()) }
    }

    func outcomeName(_ outcome: SurvivalOutcome) async throws -> String {
        switch outcome {
        case .death: "death"
        case .cohort(let id): try await cohortName(id)
        }
    }
}
