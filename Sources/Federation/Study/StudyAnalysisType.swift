/// The kinds of analysis a study may ask of the nodes; a node's allow-list names them.
public enum StudyAnalysisType: String, Sendable, Codable, CaseIterable, Hashable {
    /// Persons and records per cohort, and the attrition of its inclusion rules.
    case counts
    /// Per feature level counts, and sums and sums of squares of numbers: means, SDs and SMDs.
    case characterization
    /// Events and person-time per stratum.
    case incidence
    /// Event and censoring histograms on a shared time grid.
    case kaplanMeier = "kaplan-meier"
    /// Cox proportional hazards stratified by site (Efron or Breslow): summed score and information.
    case cox
    /// Logistic regression of an outcome within a horizon: summed score and information (Newton).
    case logistic
    /// Poisson regression of events with log person-time as offset: summed score and information (IRLS).
    case poisson
    /// A LASSO (or L2) logistic prediction model trained by FedAvg or FedProx.
    case lassoLogistic = "lasso-logistic"
}
