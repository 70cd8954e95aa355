/// One step of one analysis, sent by the coordinator to a node (inside a signed envelope).
public struct StepRequest: Sendable, Codable, Equatable {
    public var studyHash: String
    /// The analysis id in the study.
    public var analysis: String
    public var step: StepKind
    /// The Newton iteration or learning round (0 for one-shot steps).
    public var round: Int
    /// β at which model pieces are computed, or the global weights a local training starts from.
    public var coefficients: [Double]?
    /// The agreed levels of each categorical covariate (by feature spec), reference first.
    public var levels: [String: [String]]?
    /// Federated learning: the pooled mean and standard deviation of each design column (intercept excluded), so
    /// every node standardises its covariates alike.
    public var centers: [Double]?
    public var scales: [Double]?
    /// Present when the study uses secure aggregation: who takes part in this masked round, with their keys.
    public var masking: MaskingRound?
    /// For `maskCorrection`: the nodes that dropped out of `masking.id`.
    public var dropped: [String]?

    public init(studyHash: String, analysis: String, step: StepKind, round: Int = 0, coefficients: [Double]? = nil,
                levels: [String: [String]]? = nil, centers: [Double]? = nil, scales: [Double]? = nil,
                masking: MaskingRound? = nil, dropped: [String]? = nil) {
        self.studyHash = studyHash
        self.analysis = analysis
        self.step = step
        self.round = round
        self.coefficients = coefficients
        self.levels = levels
        self.centers = centers
        self.scales = scales
        self.masking = masking
        self.dropped = dropped
    }

    enum CodingKeys: String, CodingKey {
        case analysis, step, round, coefficients, levels, centers, scales, masking, dropped
        case studyHash = "study_hash"
    }
}

/// One round of pairwise masking: its id (bound into every mask, so masks never repeat across rounds), the
/// fixed-point precision, and each participant's X25519 public key (raw, base64) from its study announcement.
public struct MaskingRound: Sendable, Codable, Equatable {
    public var id: String
    public var fractionalBits: Int
    public var participants: [String: String]

    public init(id: String, fractionalBits: Int = 24, participants: [String: String]) {
        self.id = id
        self.fractionalBits = fractionalBits
        self.participants = participants
    }

    enum CodingKeys: String, CodingKey {
        case id, participants
        case fractionalBits = "fractional_bits"
    }
}
