import CDMStore
import Charts
import Evidence

/// Incidence of an outcome in a target cohort, as ATLAS reports it: persons, outcomes, person-years, the rate per
/// 1,000 person-years with its exact interval, overall and by strata.
struct IncidencePage: AnalysisPage {
    static let kind = AnalysisKind.incidence
    static let defaultStrata = ["age-group", "sex", "index-year"]

    let settings: IncidenceSettings

    init(_ query: AnalysisQuery, cohorts: [AnalysisCohort], minimumCount: Int) throws {
        let target = try query.cohort("target", in: cohorts)
        let outcome = try query.outcome("outcome", in: cohorts, default: nil)
        let start = try query.integer("start_days", label: "Start of time at risk") ?? 0
        let end = try query.integer("end_days", label: "End of time at risk")
        if let end, end < start { throw AnalysisFormError("end_days", "the time at risk ends (day \(end)) before it starts (day \(start))") }
        let strata = try (query.has("strata") ? query.texts("strata") : Self.defaultStrata).map { try FeatureChoice.feature($0, field: "strata") }
        settings = IncidenceSettings(target: target, outcome: outcome, startDays: start, endDays: end, strata: strata, minimumCount: minimumCount)
    }

    func run(_ database: any Database) async throws -> IncidenceAnalysis {
        try await database.incidenceAnalysis(settings)
    }

    var filename: String { "incidence-cohort-\(settings.target)-\(settings.outcome.description.replacingOccurrences(of: ":", with: "-"))" }

    static func fields(_ form: AnalysisFormContext) -> HTML {
        H.div(.class("grid")) {
            H.div {
                AnalysisForm.cohort("target", "Target cohort", form)
                AnalysisForm.cohort("outcome", "Outcome", form, extra: [("death", "Death")])
            }
            H.div {
                AnalysisForm.number("start_days", "Time at risk starts, days after index", form, placeholder: "0")
                AnalysisForm.number("end_days", "Time at risk ends, days after index (blank: end of observation)", form, placeholder: "end of observation")
            }
            AnalysisForm.features("strata", "Strata", form, choices: FeatureChoice.categorical, defaults: defaultStrata)
        }
    }

    func result(_ result: IncidenceAnalysis, picture: String?, query: AnalysisQuery) -> HTML {
        .joined([
            H.p(.id("incidence-sizes")) {
                "Target: \(result.target); outcome: \(result.outcome). Left out: \(result.priorOutcome) persons with the outcome before their "
                "time at risk, \(result.noTimeAtRisk) without time at risk."
            },
            H.table(.class("data"), .id("incidence")) {
                H.caption { "Incidence of \(result.outcome) in \(result.target), per 1,000 person-years with exact 95% intervals" }
                H.thead {
                    H.tr {
                        for (title, numeric) in [("Stratum", false), ("Level", false), ("Persons", true), ("Outcomes", true), ("Person-years", true),
                                                 ("Rate per 1,000 PY", true), ("95% CI", true), ("Proportion per 1,000 persons", true)] {
                            H.th(.attr("scope", "col"), numeric ? .class("num") : .none) { title }
                        }
                    }
                }
                H.tbody {
                    for row in result.rows {
                        H.tr(row.feature == "all" ? .class("overall") : .none) {
                            H.th(.attr("scope", "row")) { row.feature == "all" ? "All" : FeatureChoice.title(of: row.feature) }
                            H.td { row.level == "all" ? "" : row.level }
                            H.td(.class("num")) { row.persons.description }
                            H.td(.class("num")) { row.events.description }
                            H.td(.class("num")) { AnalysisNumber.fixed(row.personYears, 1) }
                            H.td(.class("num")) { AnalysisNumber.fixed(row.rate) }
                            H.td(.class("num")) { row.rate == nil ? AnalysisNumber.none : "\(AnalysisNumber.fixed(row.lower))–\(AnalysisNumber.fixed(row.upper))" }
                            H.td(.class("num")) { AnalysisNumber.fixed(row.proportion, 1) }
                        }
                    }
                }
            },
            picture.map { svg in
                AnalysisFigure.figure(id: "incidence-chart", svg: svg,
                                      caption: "Incidence rate per 1,000 person-years with 95% intervals by stratum level; the line marks the overall rate. "
                                          + result.rows.compactMap { row in row.rate.map { "\(Self.label(row)) \(AnalysisNumber.fixed($0))" } }.joined(separator: "; ") + ".")
            } ?? .empty,
        ])
    }

    static func label(_ row: IncidenceRow) -> String {
        row.feature == "all" ? "All" : "\(FeatureChoice.title(of: row.feature)): \(row.level)"
    }

    func table(_ result: IncidenceAnalysis) -> CSVTable {
        CSVTable(header: ["feature", "level", "persons", "events", "person_years", "rate", "lower", "upper", "proportion"],
                 rows: result.rows.map { row in
                     [row.feature, row.level, row.persons.description, row.events.description, CSVTable.number(row.personYears),
                      CSVTable.number(row.rate), CSVTable.number(row.lower), CSVTable.number(row.upper), CSVTable.number(row.proportion)]
                 })
    }

    /// The rates with their intervals against the overall rate.
    func picture(_ result: IncidenceAnalysis) -> String? {
        let rows = result.rows.compactMap { row -> ForestPlot.Row? in
            guard let rate = row.rate, let lower = row.lower, let upper = row.upper else { return nil }
            return ForestPlot.Row(label: Self.label(row), estimate: rate, lower: lower, upper: upper)
        }
        guard !rows.isEmpty else { return nil }
        return ForestPlot(title: "Incidence of \(result.outcome) in \(result.target)", rows: rows,
                          estimateLabel: "Rate per 1,000 person-years (95% CI)", reference: result.rows.first?.rate ?? 0, logScale: false).svg()
    }
}
