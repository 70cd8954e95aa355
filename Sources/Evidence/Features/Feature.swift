/// A fact about each subject at the index date: a stratum of a Kaplan–Meier analysis, a covariate of a Cox
/// model, a row group of an incidence table. Written on the command line and in settings as a short spec,
/// optionally named (`ER=value:36203168`, `stage=concepts:1635838,1635131`) for readable labels:
///
/// | spec | kind | value |
/// |---|---|---|
/// | `age` | number | years at index (index year − year of birth, as OHDSI FeatureExtraction) |
/// | `age-group` | category | 10-year band of that age, "60-69" |
/// | `sex` | category | the gender concept's name |
/// | `index-year` | category | the calendar year of the index date |
/// | `value:ID` | category | the value concept (e.g. Positive) of the latest measurement or observation ID in the window |
/// | `concepts:ID,ID,…` | category | the first listed concept (or a descendant) recorded in the window, e.g. stage 1–4 |
/// | `cohorts:ID,ID,…` | category | the first listed cohort entered in the window, e.g. a treatment |
public struct Feature: Sendable, Hashable, CustomStringConvertible {
    public enum Kind: Sendable, Hashable {
        case age
        case ageGroup
        case sex
        case indexYear
        case value(Int64)
        case concepts([Int64])
        case cohorts([Int64])
    }

    public let kind: Kind
    /// The reader's name for it, when the spec gave one.
    public let label: String?

    public init(_ kind: Kind, label: String? = nil) {
        self.kind = kind
        self.label = label
    }

    public static let age = Feature(.age)
    public static let ageGroup = Feature(.ageGroup)
    public static let sex = Feature(.sex)
    public static let indexYear = Feature(.indexYear)

    public init(_ spec: String) throws {
        var text = spec.trimmingCharacters(in: .whitespaces)
        var label: String?
        if let equals = text.firstIndex(of: "="), !text[..<equals].contains(":") {
            label = String(text[..<equals]).trimmingCharacters(in: .whitespaces)
            text = String(text[text.index(after: equals)...]).trimmingCharacters(in: .whitespaces)
            guard !(label ?? "").isEmpty else { throw EvidenceError("feature \"\(spec)\": the name before \"=\" is empty") }
        }
        let parts = text.split(separator: ":", maxSplits: 1).map(String.init)
        let ids: [Int64] = try (parts.count == 2 ? parts[1].split(separator: ",") : []).map { id in
            guard let value = Int64(id.trimmingCharacters(in: .whitespaces)) else {
                throw EvidenceError("feature \"\(spec)\": \"\(id)\" is not a concept or cohort id")
            }
            return value
        }
        let kind: Kind
        switch (parts.first ?? "", ids.count) {
        case ("age", 0) where parts.count == 1: kind = .age
        case ("age-group", 0) where parts.count == 1: kind = .ageGroup
        case ("sex", 0) where parts.count == 1: kind = .sex
        case ("index-year", 0) where parts.count == 1: kind = .indexYear
        case ("value", 1): kind = .value(ids[0])
        case ("concepts", 1...): kind = .concepts(ids)
        case ("cohorts", 1...): kind = .cohorts(ids)
        default:
            throw EvidenceError("feature \"\(spec)\" is not one of age, age-group, sex, index-year, value:ID, concepts:ID,… or cohorts:ID,… (optionally NAME=…)")
        }
        self.init(kind, label: label)
    }

    public var description: String {
        let spec = switch kind {
        case .age: "age"
        case .ageGroup: "age-group"
        case .sex: "sex"
        case .indexYear: "index-year"
        case .value(let id): "value:\(id)"
        case .concepts(let ids): "concepts:" + ids.map(String.init).joined(separator: ",")
        case .cohorts(let ids): "cohorts:" + ids.map(String.init).joined(separator: ",")
        }
        return label.map { "\($0)=\(spec)" } ?? spec
    }

    /// Whether the feature is a number (one covariate) rather than a category (one indicator per level
    /// after the first).
    public var isNumeric: Bool { kind == .age }
}

extension Feature: Codable {
    public init(from decoder: any Decoder) throws {
        try self.init(try decoder.singleValueContainer().decode(String.self))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}
