/// The name of one patient fact, as spelled in the patient-facts JSON (`PatientFacts` property names).
public typealias FactName = String

/// A fact a tool needed and did not have, and what its absence does to the answer.
public struct MissingFact: Sendable, Equatable, Encodable {
    public enum Effect: String, Sendable, Encodable {
        /// The tool cannot answer without it.
        case blocks
        /// The tool answers with the model's documented value for "unknown", which widens its uncertainty.
        case widensUncertainty = "widens-uncertainty"
        /// A criterion that needs it is skipped; the answer may be a less specific group.
        case skipsCriterion = "skips-criterion"
    }

    public let fact: FactName
    public let effect: Effect
    /// What the tool did instead, in words: "PPC 41.9415 %, the model's value for unknown biopsy data".
    public let note: String

    public init(_ fact: FactName, _ effect: Effect, _ note: String) {
        self.fact = fact
        self.effect = effect
        self.note = note
    }
}

/// A fact a tool used, with the value it used in words (`"psa": "12 ng/mL"`).
public struct UsedFact: Sendable, Equatable, Encodable {
    public let fact: FactName
    public let value: String

    public init(_ fact: FactName, _ value: String) {
        self.fact = fact
        self.value = value
    }
}
