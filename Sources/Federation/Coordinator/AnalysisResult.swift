import DecisionSupport

/// The pooled result of one analysis of a study: which nodes contributed, and the numbers of its type (one of
/// `counts`, `characterization`, `incidence`, `survival`, `model`, `learning` is set).
public struct AnalysisResult: Sendable, Codable {
    public var id: String
    public var type: StudyAnalysisType
    /// The nodes whose data are in the result (a node that failed midway is not).
    public var nodes: [String]
    public var counts: [CohortCounts]?
    public var characterization: CharacterizationResult?
    public var incidence: [IncidenceStratum]?
    public var survival: SurvivalResult?
    public var model: ModelResult?
    public var learning: LearningResult?
    /// Differential-privacy noise the nodes added, as they reported it.
    public var noise: [NoiseEntry]

    public init(id: String, type: StudyAnalysisType, nodes: [String], noise: [NoiseEntry] = []) {
        self.id = id
        self.type = type
        self.nodes = nodes
        self.noise = noise
    }
}

/// One node's noise report for one step.
public struct NoiseEntry: Sendable, Codable, Equatable {
    public var node: String
    public var step: StepKind
    public var round: Int
    public var report: NoiseReport
}

/// A cohort's persons and records, and its attrition: base, then the persons left after each inclusion rule, then final.
public struct CohortCounts: Sendable, Codable {
    public struct Step: Sendable, Codable {
        public var name: String
        public var count: PooledCount
    }

    public var cohort: Int
    public var name: String
    public var persons: PooledCount
    public var records: PooledCount
    public var attrition: [Step]
}

/// Per cohort and feature: numbers as n, mean and SD; categories as counts and proportions per level; and the
/// standardised differences between the first two cohorts.
public struct CharacterizationResult: Sendable, Codable {
    public struct Cohort: Sendable, Codable {
        public var cohort: Int
        public var name: String
        public var persons: PooledCount
        public var features: [Feature]
    }

    public struct Feature: Sendable, Codable {
        public var feature: String
        public var numeric: Numeric?
        public var levels: [Level]?
    }

    public struct Numeric: Sendable, Codable {
        public var n: PooledCount
        public var mean: Double?
        public var standardDeviation: Double?

        enum CodingKeys: String, CodingKey {
            case n, mean
            case standardDeviation = "sd"
        }
    }

    public struct Level: Sendable, Codable {
        public var level: String
        public var count: PooledCount
        /// Share of the cohort's persons; nil when the count is suppressed.
        public var proportion: Double?
    }

    /// SMD of a number, or of one level's proportion, between the first two cohorts.
    public struct Difference: Sendable, Codable {
        public var feature: String
        public var level: String?
        public var standardizedDifference: Double

        enum CodingKeys: String, CodingKey {
            case feature, level
            case standardizedDifference = "smd"
        }
    }

    public var cohorts: [Cohort]
    public var differences: [Difference]
}

/// Events and person-time of one stratum, with the rate per 1,000 person-years (withheld when the events are).
public struct IncidenceStratum: Sendable, Codable {
    public var stratum: String
    public var persons: PooledCount
    public var events: PooledCount
    public var personYears: Double
    public var ratePer1000: Double?
    public var lower: Double?
    public var upper: Double?

    enum CodingKeys: String, CodingKey {
        case stratum, persons, events, lower, upper
        case personYears = "person_years", ratePer1000 = "rate_per_1000"
    }
}

/// The pooled Kaplan–Meier curve at the grid points, with Greenwood standard errors and log(−log) bands.
public struct SurvivalResult: Sendable, Codable {
    public struct Point: Sendable, Codable {
        public var day: Int
        /// Shown counts pass the minimum cell rule; the curve itself is computed from the whole sums.
        public var atRisk: Int?
        public var events: Int?
        public var censored: Int?
        public var survival: Double
        public var standardError: Double
        public var lower: Double
        public var upper: Double

        enum CodingKeys: String, CodingKey {
            case day, events, censored, survival, lower, upper
            case atRisk = "at_risk", standardError = "se"
        }
    }

    public var gridDays: Int
    public var subjects: PooledCount
    /// Event and censoring cells some node withheld as small (counted as 0): when not 0, the curve is approximate.
    public var withheldCells: Int
    public var points: [Point]
    /// The first grid day where survival reaches 0.5 or below, when it does.
    public var medianDays: Int?

    enum CodingKeys: String, CodingKey {
        case subjects, points
        case gridDays = "grid_days", medianDays = "median_days", withheldCells = "withheld_cells"
    }
}

/// A Cox, logistic or Poisson model fitted by federated Newton: coefficients with SE, CI and p.
public struct ModelResult: Sendable, Codable {
    /// "cox (efron ties, stratified by site)", "logistic", "poisson (log person-years offset)".
    public var model: String
    public var levels: [String: [String]]
    public var fit: FederatedModelFit
}

/// A LASSO / ridge logistic model trained by federated learning, with its model card, and its registry version
/// when it was registered.
public struct LearningResult: Sendable, Codable {
    public var model: RegisteredModel
    public var registeredVersion: Int?

    enum CodingKeys: String, CodingKey {
        case model
        case registeredVersion = "registered_version"
    }
}
