/// The outcome of a survival, incidence or regression analysis: death, or entry into a study cohort.
public enum StudyOutcome: Sendable, Hashable {
    case death
    /// The study-local id of a cohort in `StudySpecification.cohorts`.
    case cohort(Int)
}

extension StudyOutcome: Codable {
    /// `"death"` or `{"cohort": ID}`.
    public init(from decoder: any Decoder) throws {
        if let text = try? decoder.singleValueContainer().decode(String.self) {
            guard text == "death" else {
                throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "\"\(text)\" is not an outcome: use \"death\" or {\"cohort\": ID}"))
            }
            self = .death
            return
        }
        let container = try decoder.container(keyedBy: Key.self)
        self = .cohort(try container.decode(Int.self, forKey: .cohort))
    }

    public func encode(to encoder: any Encoder) throws {
        switch self {
        case .death:
            var container = encoder.singleValueContainer()
            try container.encode("death")
        case .cohort(let id):
            var container = encoder.container(keyedBy: Key.self)
            try container.encode(id, forKey: .cohort)
        }
    }

    private enum Key: String, CodingKey { case cohort }
}
