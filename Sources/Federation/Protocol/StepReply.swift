/// A node's answer to a step: named aggregates only, plus how much noise was added (when the study asks for
/// differential privacy). Built by the node's computation, then passed through `DisclosureGate` — the one place
/// where what may leave a node is decided.
public struct StepReply: Sendable, Codable, Equatable {
    public var node: String
    public var studyHash: String
    public var analysis: String
    public var step: StepKind
    public var round: Int
    /// In a fixed order, so masked vectors line up across nodes.
    public var aggregates: [NamedAggregate]
    /// The noise added to released counts, when any: mechanism, scale, ε spent and left.
    public var noise: NoiseReport?

    public init(node: String, studyHash: String, analysis: String, step: StepKind, round: Int,
                aggregates: [NamedAggregate], noise: NoiseReport? = nil) {
        self.node = node
        self.studyHash = studyHash
        self.analysis = analysis
        self.step = step
        self.round = round
        self.aggregates = aggregates
        self.noise = noise
    }

    public subscript(name: String) -> Aggregate? { aggregates.first { $0.name == name }?.value }

    enum CodingKeys: String, CodingKey {
        case node, analysis, step, round, aggregates, noise
        case studyHash = "study_hash"
    }
}

public struct NamedAggregate: Sendable, Codable, Equatable {
    public let name: String
    public let value: Aggregate

    public init(_ name: String, _ value: Aggregate) {
        self.name = name
        self.value = value
    }
}

/// Differential-privacy noise on one reply: the mechanism, its scale (Laplace b or Gaussian σ), the sensitivity
/// it was calibrated to, and the node's budget after it.
public struct NoiseReport: Sendable, Codable, Equatable {
    public let mechanism: DifferentialPrivacySettings.Mechanism
    public let scale: Double
    public let sensitivity: Double
    public let epsilonSpent: Double
    public let epsilonRemaining: Double

    public init(mechanism: DifferentialPrivacySettings.Mechanism, scale: Double, sensitivity: Double, epsilonSpent: Double, epsilonRemaining: Double) {
        self.mechanism = mechanism
        self.scale = scale
        self.sensitivity = sensitivity
        self.epsilonSpent = epsilonSpent
        self.epsilonRemaining = epsilonRemaining
    }

    enum CodingKeys: String, CodingKey {
        case mechanism, scale, sensitivity
        case epsilonSpent = "epsilon_spent", epsilonRemaining = "epsilon_remaining"
    }
}
