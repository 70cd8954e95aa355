/// The analyses a researcher can run from the web pages, each at `/analyses/KIND`.
enum AnalysisKind: String, CaseIterable, Sendable {
    case characterization, incidence, survival, cox, pathways

    var title: String {
        switch self {
        case .characterization: "Characterization"
        case .incidence: "Incidence rates"
        case .survival: "Kaplan–Meier survival"
        case .cox: "Cox model"
        case .pathways: "Treatment pathways"
        }
    }

    /// One sentence on the chooser page: what the analysis answers.
    var summary: String {
        switch self {
        case .characterization: "Table 1 of a target cohort, optionally against a comparator, with standardized mean differences."
        case .incidence: "First outcomes per 1,000 person-years in a time at risk after index, overall and by strata."
        case .survival: "Kaplan–Meier curves with 95% confidence bands, number at risk and median survival, by stratum."
        case .cox: "Hazard ratios of baseline covariates from a Cox proportional hazards model."
        case .pathways: "The sequences of treatment cohorts the persons of a target cohort followed."
        }
    }

    var path: String { "/analyses/\(rawValue)" }

    /// The parameter that names the analysed cohort: a request without any parameter shows the empty form.
    var cohortParameter: String { self == .survival || self == .cox ? "cohort" : "target" }
}
