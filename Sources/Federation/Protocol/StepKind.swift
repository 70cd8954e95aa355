/// What a step asks a node to compute. Each analysis type allows some of them (`StudyAnalysisType.steps`).
public enum StepKind: String, Sendable, Codable, CaseIterable {
    /// The levels of the categorical covariates, each with its count (small levels withheld).
    case levels
    /// Persons and records per cohort and the attrition of its inclusion rules.
    case counts
    /// Per cohort and feature: level counts, or n, sum and sum of squares.
    case characterization
    /// Per stratum: persons, events and person-days.
    case incidence
    /// N at time 0, and event and censoring counts per interval of the grid.
    case survivalHistogram = "survival-histogram"
    /// At the broadcast coefficients: log-likelihood, score and information (Cox, logistic, Poisson).
    case modelPieces = "model-pieces"
    /// From the broadcast weights: the locally trained weights after the local epochs, and n.
    case localTraining = "local-training"
    /// At the final weights, on the held-out subjects: risk histograms by outcome, calibration sums, the site AUC.
    case evaluation
    /// Secure aggregation: this node's masks shared with nodes that dropped out of a round, so the survivors' sum
    /// can be unmasked.
    case maskCorrection = "mask-correction"
}

extension StudyAnalysisType {
    /// The steps an analysis of this type may ask for.
    public var steps: Set<StepKind> {
        switch self {
        case .counts: [.counts]
        case .characterization: [.levels, .characterization]
        case .incidence: [.levels, .incidence]
        case .kaplanMeier: [.survivalHistogram]
        case .cox, .logistic, .poisson: [.levels, .modelPieces]
        case .lassoLogistic: [.levels, .characterization, .localTraining, .evaluation]
        }
    }
}
