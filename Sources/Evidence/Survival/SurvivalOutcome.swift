/// What ends survival: death (overall survival, from the `death` table) or entry into an outcome cohort.
/// Written `death` or `cohort:ID`.
public enum SurvivalOutcome: Sendable, Hashable, CustomStringConvertible {
    case death
    case cohort(Int64)

    public init(_ spec: String) throws {
        if spec == "death" { self = .death; return }
        if spec.hasPrefix("cohort:"), let id = Int64(spec.dropFirst("cohort:".count)) { self = .cohort(id); return }
        if let id = Int64(spec) { self = .cohort(id); return }
        throw EvidenceError("outcome \"\(spec)\" is neither death nor cohort:ID")
    }

    public var description: String {
        switch self {
        case .death: "death"
        case .cohort(let id): "cohort:\(id)"
        }
    }

    /// `(person_id, event_date)` rows of the outcome.
    var events: String {
        switch self {
        case .death: "SELECT person_id, death_date AS event_date FROM death"
        case .cohort(let id): "SELECT subject_id AS person_id, cohort_start_date AS event_date FROM cohort WHERE cohort_definition_id = \(id)"
        }
    }
}

extension SurvivalOutcome: Codable {
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        if let id = try? container.decode(Int64.self) { self = .cohort(id) } else { try self.init(try container.decode(String.self)) }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
