import CDMStore
import Evidence

/// Kaplan–Meier curves of a cohort, one per stratum, with their 95% bands, the number at risk beneath and the
/// median survival with its interval: the curves as they may leave the site (`SurvivalCurveReport`).
struct SurvivalPage: AnalysisPage {
    static let kind = AnalysisKind.survival

    let settings: SurvivalSettings

    init(_ query: AnalysisQuery, cohorts: [AnalysisCohort], minimumCount: Int) throws {
        settings = SurvivalSettings(
            target: try query.cohort("cohort", in: cohorts), outcome: try query.outcome("outcome", in: cohorts, default: .death),
            strata: try query.text("strata").map { try FeatureChoice.feature($0, field: "strata") },
            maximumDays: try query.integer("maximum_days", label: "Follow-up limit", in: 1...36_500), minimumCount: minimumCount)
    }

    func run(_ database: any Database) async throws -> SurvivalAnalysis {
        try await database.survivalAnalysis(settings)
    }

    var filename: String { "survival-cohort-\(settings.target)" + (settings.strata.map { "-by-\(FeatureChoice.key(of: $0))" } ?? "") }

    static func fields(_ form: AnalysisFormContext) -> HTML {
        H.div(.class("grid")) {
            H.div {
                AnalysisForm.cohort("cohort", "Cohort", form)
                AnalysisForm.cohort("outcome", "Outcome", form, extra: [("death", "Death (overall survival)")])
            }
            H.div {
                AnalysisForm.feature("strata", "Curves by", form, choices: FeatureChoice.categorical, none: "One curve for all")
                AnalysisForm.number("maximum_days", "Follow-up ends at most, days after index (blank: end of observation)", form,
                                    placeholder: "end of observation", min: 1)
            }
        }
    }

    func result(_ result: SurvivalAnalysis, picture: String?, query: AnalysisQuery) -> HTML {
        .joined([
            H.p(.id("survival-sizes")) {
                "\(result.subjects) subjects, \(result.events) with \(result.outcome); left out: \(result.priorOutcome) with the outcome before index."
            },
            picture.map { AnalysisFigure.figure(id: "km-chart", svg: $0, caption: Self.caption(result)) } ?? .empty,
            Self.atRiskTable(result),
            H.table(.class("data"), .id("median-survival")) {
                H.caption { "Median survival in years since index, with 95% confidence interval" }
                H.thead {
                    H.tr {
                        H.th(.attr("scope", "col")) { "Stratum" }
                        for title in ["Subjects", "Events", "Median (years)", "95% CI"] { H.th(.attr("scope", "col"), .class("num")) { title } }
                    }
                }
                H.tbody {
                    for stratum in result.strata {
                        H.tr {
                            H.th(.attr("scope", "row")) { stratum.name }
                            H.td(.class("num")) { stratum.subjects.description }
                            H.td(.class("num")) { stratum.events.description }
                            H.td(.class("num")) { stratum.median == nil ? "not reached" : AnalysisNumber.years(stratum.median) }
                            H.td(.class("num")) { "\(Self.limit(stratum.medianLower))–\(Self.limit(stratum.medianUpper))" }
                        }
                    }
                }
            },
        ])
    }

    /// The number at risk at each mark, one row per curve, as the chart prints it under its axis.
    static func atRiskTable(_ result: SurvivalAnalysis) -> HTML {
        H.table(.class("data"), .id("number-at-risk")) {
            H.caption { "Number at risk, by years since index" }
            H.thead {
                H.tr {
                    H.th(.attr("scope", "col")) { "Stratum" }
                    for day in result.atRiskDays { H.th(.attr("scope", "col"), .class("num"), .data("days", String(day))) { AnalysisNumber.years(Double(day)) } }
                }
            }
            H.tbody {
                for stratum in result.strata {
                    H.tr {
                        H.th(.attr("scope", "row")) { stratum.name }
                        for cell in stratum.atRiskTable { H.td(.class("num")) { cell.description } }
                    }
                }
            }
        }
    }

    static func limit(_ days: Double?) -> String { days == nil ? "NR" : AnalysisNumber.years(days) }

    /// The curves in words: size, events and median of each.
    static func caption(_ result: SurvivalAnalysis) -> String {
        "Kaplan–Meier estimate of \(result.outcome == "death" ? "overall survival" : "time to \(result.outcome)") in \(result.target), "
            + "with 95% confidence bands. " + result.strata.map { stratum in
                "\(stratum.name): \(stratum.subjects) subjects, \(stratum.events) events, median "
                    + (stratum.median == nil ? "not reached" : "\(AnalysisNumber.years(stratum.median)) years (95% CI \(limit(stratum.medianLower))–\(limit(stratum.medianUpper)))")
            }.joined(separator: "; ") + "."
    }

    func table(_ result: SurvivalAnalysis) -> CSVTable {
        CSVTable(header: ["stratum", "time_days", "survival", "lower", "upper", "at_risk", "events"],
                 rows: result.strata.flatMap { stratum in
                     stratum.time.indices.map { index in
                         [stratum.name, CSVTable.number(stratum.time[index]), CSVTable.number(stratum.survival[index]),
                          CSVTable.number(stratum.lower[index]), CSVTable.number(stratum.upper[index]),
                          stratum.atRisk[index].description, stratum.eventsAt[index].description]
                     }
                 })
    }

    func picture(_ result: SurvivalAnalysis) -> String? { result.kaplanMeierChart().svg() }
}
