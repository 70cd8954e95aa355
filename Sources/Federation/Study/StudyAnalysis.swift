import Evidence
import Statistics

/// One analysis of a study. Which fields apply depends on `type`; `StudySpecification` checks them.
public struct StudyAnalysis: Sendable, Codable, Hashable {
    /// Unique within the study; names the analysis in steps, replies and the result document.
    public var id: String
    public var type: StudyAnalysisType
    /// The target cohort (study-local id) of a survival, incidence or regression analysis.
    public var cohort: Int?
    /// The cohorts of counts and characterization (all of the study's when nil).
    public var cohorts: [Int]?
    /// Survival, incidence and Poisson outcome (death when nil).
    public var outcome: StudyOutcome?
    /// Model covariates, or the features of a characterization, as `Evidence.Feature` specs ("age", "sex",
    /// "stage=concepts:…").
    public var covariates: [Feature]?
    /// Levels of each categorical covariate, reference first, keyed by the feature's spec; levels not given
    /// are gathered from the nodes (each level's count must pass the disclosure rule at the node).
    public var levels: [String: [String]]?
    /// Follow-up ends this many days after index at the latest.
    public var maximumDays: Int?
    /// Kaplan–Meier grid width in days (30 when nil).
    public var gridDays: Int?
    /// Logistic and LASSO outcome: the outcome within this many days of index (365 when nil). Subjects followed
    /// less long without the outcome are left out.
    public var horizonDays: Int?
    /// Cox tie handling (Efron when nil, as R and lifelines).
    public var ties: PartialLikelihood.Ties?
    /// Newton iterations at most (25 when nil, R's glm default).
    public var maximumIterations: Int?
    /// Federated learning: "fedavg" or "fedprox", rounds, local epochs, step size, proximal μ, penalty.
    public var learning: LearningSettings?

    public init(id: String, type: StudyAnalysisType, cohort: Int? = nil, cohorts: [Int]? = nil, outcome: StudyOutcome? = nil,
                covariates: [Feature]? = nil, levels: [String: [String]]? = nil, maximumDays: Int? = nil, gridDays: Int? = nil,
                horizonDays: Int? = nil, ties: PartialLikelihood.Ties? = nil, maximumIterations: Int? = nil,
                learning: LearningSettings? = nil) {
        self.id = id
        self.type = type
        self.cohort = cohort
        self.cohorts = cohorts
        self.outcome = outcome
        self.covariates = covariates
        self.levels = levels
        self.maximumDays = maximumDays
        self.gridDays = gridDays
        self.horizonDays = horizonDays
        self.ties = ties
        self.maximumIterations = maximumIterations
        self.learning = learning
    }

    enum CodingKeys: String, CodingKey {
        case id, type, cohort, cohorts, outcome, covariates, levels, ties, learning
        case maximumDays = "maximum_days", gridDays = "grid_days", horizonDays = "horizon_days"
        case maximumIterations = "maximum_iterations"
    }

    /// The defaults made explicit.
    public var resolvedOutcome: StudyOutcome { outcome ?? .death }
    public var resolvedGridDays: Int { gridDays ?? 30 }
    public var resolvedHorizonDays: Int { horizonDays ?? 365 }
    public var resolvedTies: PartialLikelihood.Ties { ties ?? .efron }
    public var resolvedMaximumIterations: Int { maximumIterations ?? 25 }
}

/// How a prediction model without a closed form is trained across nodes (FedAvg: McMahan et al. 2017;
/// FedProx: Li et al. 2020, with the proximal term (μ/2)‖w − w_t‖² added on the client).
public struct LearningSettings: Sendable, Codable, Hashable {
    public enum Algorithm: String, Sendable, Codable, Hashable { case fedavg, fedprox }
    public enum Penalty: String, Sendable, Codable, Hashable { case lasso, ridge }

    public var algorithm: Algorithm
    public var rounds: Int
    public var localEpochs: Int
    public var learningRate: Double
    /// FedProx's μ (0 is FedAvg).
    public var mu: Double
    public var penalty: Penalty
    /// Penalty weight λ on the mean log-loss (the intercept is not penalised).
    public var lambda: Double
    /// Share of each node's subjects held out (by a hash of the person id, so the split is stable) for the AUC.
    public var holdoutFraction: Double
    /// Register the trained model under this name, with its model card.
    public var registerAs: String?

    public init(algorithm: Algorithm = .fedavg, rounds: Int = 40, localEpochs: Int = 5, learningRate: Double = 0.5,
                mu: Double = 0.1, penalty: Penalty = .lasso, lambda: Double = 0.001, holdoutFraction: Double = 0.25,
                registerAs: String? = nil) {
        self.algorithm = algorithm
        self.rounds = rounds
        self.localEpochs = localEpochs
        self.learningRate = learningRate
        self.mu = mu
        self.penalty = penalty
        self.lambda = lambda
        self.holdoutFraction = holdoutFraction
        self.registerAs = registerAs
    }

    enum CodingKeys: String, CodingKey {
        case algorithm, rounds, mu, penalty, lambda
        case localEpochs = "local_epochs", learningRate = "learning_rate", holdoutFraction = "holdout_fraction"
        case registerAs = "register_as"
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let d = LearningSettings()
        self.init(algorithm: try c.decodeIfPresent(Algorithm.self, forKey: .algorithm) ?? d.algorithm,
                  rounds: try c.decodeIfPresent(Int.self, forKey: .rounds) ?? d.rounds,
                  localEpochs: try c.decodeIfPresent(Int.self, forKey: .localEpochs) ?? d.localEpochs,
                  learningRate: try c.decodeIfPresent(Double.self, forKey: .learningRate) ?? d.learningRate,
                  mu: try c.decodeIfPresent(Double.self, forKey: .mu) ?? (try c.decodeIfPresent(Algorithm.self, forKey: .algorithm) == .fedprox ? d.mu : 0),
                  penalty: try c.decodeIfPresent(Penalty.self, forKey: .penalty) ?? d.penalty,
                  lambda: try c.decodeIfPresent(Double.self, forKey: .lambda) ?? d.lambda,
                  holdoutFraction: try c.decodeIfPresent(Double.self, forKey: .holdoutFraction) ?? d.holdoutFraction,
                  registerAs: try c.decodeIfPresent(String.self, forKey: .registerAs))
    }
}
