/// What a reader needs to judge a registered model (after Mitchell et al., "Model Cards for Model Reporting"):
/// the data it learnt from, how it was trained, and how well it discriminates and calibrates on held-out subjects.
public struct ModelCard: Sendable, Codable, Equatable {
    /// One site's share: training rows, held-out rows and the AUC on them. Under secure aggregation the
    /// coordinator knows none of them: the training rows are then 0 and the rest nil.
    public struct Site: Sendable, Codable, Equatable {
        public var name: String
        public var trainingRows: Int
        public var evaluationRows: Int?
        public var auc: Double?

        public init(name: String, trainingRows: Int, evaluationRows: Int? = nil, auc: Double? = nil) {
            self.name = name
            self.trainingRows = trainingRows
            self.evaluationRows = evaluationRows
            self.auc = auc
        }

        enum CodingKeys: String, CodingKey {
            case name, auc
            case trainingRows = "training_rows", evaluationRows = "evaluation_rows"
        }
    }

    /// One bin of predicted risk on the held-out subjects: subjects, observed and mean predicted risk.
    public struct CalibrationBin: Sendable, Codable, Equatable {
        public var bin: Int
        public var n: Int
        public var observed: Double
        public var expected: Double

        public init(bin: Int, n: Int, observed: Double, expected: Double) {
            self.bin = bin
            self.n = n
            self.observed = observed
            self.expected = expected
        }
    }

    /// The study (by hash) and its cohorts that made the data.
    public var studyHash: String
    public var cohorts: [String]
    public var outcome: String
    public var horizonDays: Int
    public var sites: [Site]
    /// "fedavg" or "fedprox", with its settings.
    public var algorithm: String
    public var rounds: Int
    public var epochs: Int
    public var learningRate: Double
    public var mu: Double
    public var penalty: String
    public var lambda: Double
    /// Subjects over all sites that trained the model and that evaluated it (nil in cards made before they were kept).
    public var trainingRows: Int?
    public var evaluationRows: Int?
    public var pooledAUC: Double?
    public var calibration: [CalibrationBin]

    public init(studyHash: String, cohorts: [String], outcome: String, horizonDays: Int, sites: [Site], algorithm: String,
                rounds: Int, epochs: Int, learningRate: Double, mu: Double, penalty: String, lambda: Double,
                trainingRows: Int? = nil, evaluationRows: Int? = nil, pooledAUC: Double?, calibration: [CalibrationBin]) {
        self.studyHash = studyHash
        self.cohorts = cohorts
        self.outcome = outcome
        self.horizonDays = horizonDays
        self.sites = sites
        self.algorithm = algorithm
        self.rounds = rounds
        self.epochs = epochs
        self.learningRate = learningRate
        self.mu = mu
        self.penalty = penalty
        self.lambda = lambda
        self.trainingRows = trainingRows
        self.evaluationRows = evaluationRows
        self.pooledAUC = pooledAUC
        self.calibration = calibration
    }

    enum CodingKeys: String, CodingKey {
        case cohorts, outcome, sites, algorithm, rounds, epochs, mu, penalty, lambda, calibration
        case studyHash = "study_hash", horizonDays = "horizon_days", learningRate = "learning_rate", pooledAUC = "pooled_auc"
        case trainingRows = "training_rows", evaluationRows = "evaluation_rows"
    }
}
