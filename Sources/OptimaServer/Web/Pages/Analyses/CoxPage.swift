import CDMStore
import Evidence
import Statistics

/// A Cox proportional hazards model of baseline covariates: the forest plot of hazard ratios and the table of
/// coefficients, as `CoxReport` lets them leave the site.
struct CoxPage: AnalysisPage {
    static let kind = AnalysisKind.cox
    static let defaultCovariates = ["age", "stage"]

    let settings: SurvivalSettings

    init(_ query: AnalysisQuery, cohorts: [AnalysisCohort], minimumCount: Int) throws {
        let covariates = try (query.has("covariates") ? query.texts("covariates") : Self.defaultCovariates)
            .map { try FeatureChoice.feature($0, field: "covariates") }
        guard !covariates.isEmpty else { throw AnalysisFormError("covariates", "choose at least one covariate") }
        let ties = try query.text("ties").map { text in
            guard let ties = PartialLikelihood.Ties(rawValue: text) else { throw AnalysisFormError("ties", "must be efron or breslow (got \"\(text.prefix(20))\")") }
            return ties
        } ?? .efron
        settings = SurvivalSettings(
            target: try query.cohort("cohort", in: cohorts), outcome: try query.outcome("outcome", in: cohorts, default: .death),
            covariates: covariates, maximumDays: try query.integer("maximum_days", label: "Follow-up limit", in: 1...36_500),
            ties: ties, minimumCount: minimumCount)
    }

    func run(_ database: any Database) async throws -> SurvivalAnalysis {
        try await database.survivalAnalysis(settings)
    }

    var filename: String { "cox-cohort-\(settings.target)" }

    static func fields(_ form: AnalysisFormContext) -> HTML {
        H.div(.class("grid")) {
            H.div {
                AnalysisForm.cohort("cohort", "Cohort", form)
                AnalysisForm.cohort("outcome", "Outcome", form, extra: [("death", "Death (overall survival)")])
                AnalysisForm.number("maximum_days", "Follow-up ends at most, days after index (blank: end of observation)", form,
                                    placeholder: "end of observation", min: 1)
                H.label(.for("ties")) { "Tied event times" }
                H.select(.id("ties"), .name("ties")) {
                    H.option(.value("efron"), .selected(form.query.text("ties") != "breslow")) { "Efron" }
                    H.option(.value("breslow"), .selected(form.query.text("ties") == "breslow")) { "Breslow" }
                }
            }
            AnalysisForm.features("covariates", "Covariates at index", form, choices: FeatureChoice.all, defaults: defaultCovariates)
        }
    }

    func result(_ result: SurvivalAnalysis, picture: String?, query: AnalysisQuery) -> HTML {
        guard let model = result.cox else { return H.p { "No model was fitted." } }
        return .joined([
            H.p(.id("cox-sizes")) {
                "\(model.n) subjects with \(model.events) events in the model; \(model.missingCovariates) left out for a covariate not recorded. "
                "Likelihood ratio \(AnalysisNumber.fixed(model.likelihoodRatio)) on \(model.coefficients.count) degrees of freedom; "
                "\(model.ties.rawValue) ties, \(model.iterations) iterations."
            },
            picture.map { svg in
                AnalysisFigure.figure(id: "forest-plot", svg: svg, caption: "Hazard ratios for \(result.outcome) with 95% confidence intervals, log scale. "
                                      + model.coefficients.map { "\($0.name) \(AnalysisNumber.interval($0.expCoef, $0.expLower, $0.expUpper))" }
                                      .joined(separator: "; ") + ".")
            } ?? .empty,
            H.table(.class("data"), .id("cox")) {
                H.caption { "Cox model of \(result.outcome) in \(result.target): hazard ratios with Wald 95% intervals" }
                H.thead {
                    H.tr {
                        H.th(.attr("scope", "col")) { "Covariate" }
                        for title in ["Hazard ratio", "95% CI lower", "95% CI upper", "Coefficient", "SE", "p"] {
                            H.th(.attr("scope", "col"), .class("num")) { title }
                        }
                    }
                }
                H.tbody {
                    for coefficient in model.coefficients {
                        H.tr {
                            H.th(.attr("scope", "row")) { coefficient.name }
                            H.td(.class("num hr")) { AnalysisNumber.fixed(coefficient.expCoef, 3) }
                            H.td(.class("num")) { AnalysisNumber.fixed(coefficient.expLower, 3) }
                            H.td(.class("num")) { AnalysisNumber.fixed(coefficient.expUpper, 3) }
                            H.td(.class("num")) { AnalysisNumber.fixed(coefficient.coef, 4) }
                            H.td(.class("num")) { AnalysisNumber.fixed(coefficient.se, 4) }
                            H.td(.class("num")) { AnalysisNumber.p(coefficient.p) }
                        }
                    }
                }
            },
        ])
    }

    func table(_ result: SurvivalAnalysis) -> CSVTable {
        CSVTable(header: ["covariate", "hazard_ratio", "lower", "upper", "coef", "se", "z", "p"],
                 rows: (result.cox?.coefficients ?? []).map { c in
                     [c.name] + [c.expCoef, c.expLower, c.expUpper, c.coef, c.se, c.z, c.p].map(CSVTable.number)
                 })
    }

    func picture(_ result: SurvivalAnalysis) -> String? { result.forestPlot()?.svg() }
}
