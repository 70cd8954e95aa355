import Evidence
import Foundation

/// The query of an analysis page, read as a browser sends a GET form (`+` for a space, repeated names for
/// checkboxes): typed values with errors that name the field, and links to the same result in another form.
struct AnalysisQuery: Sendable {
    let path: String
    let fields: [(name: String, value: String)]

    init(path: String, query: String?) throws {
        self.path = path
        fields = try FormData(urlEncoded: query ?? "").fields
    }

    /// Whether the request asked for a result at all: the bare address shows the empty form.
    var isEmpty: Bool { fields.allSatisfy { $0.name == "format" } }

    /// Whether the field was sent at all: a form sends a blank one beside its checkboxes, so none ticked means
    /// none, while an address without the field (a bookmark, the chooser's form) gets the analysis' defaults.
    func has(_ name: String) -> Bool { fields.contains { $0.name == name } }

    /// The trimmed value, nil when absent or blank.
    func text(_ name: String) -> String? {
        fields.first { $0.name == name }.map { $0.value.trimmingCharacters(in: .whitespaces) }.flatMap { $0.isEmpty ? nil : $0 }
    }

    /// Every non-blank value of a repeated field.
    func texts(_ name: String) -> [String] {
        fields.filter { $0.name == name }.map { $0.value.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }
    }

    /// A generated cohort's id; the message names the field when it is missing, not a number, or not generated.
    func cohort(_ name: String, in cohorts: [AnalysisCohort]) throws -> Int64 {
        guard let text = text(name) else { throw AnalysisFormError(name, "choose a cohort") }
        return try Self.cohort(text, field: name, in: cohorts)
    }

    static func cohort(_ text: String, field: String, in cohorts: [AnalysisCohort]) throws -> Int64 {
        guard let id = Int64(text) else { throw AnalysisFormError(field, "must be a cohort id (got \"\(text.prefix(40))\")") }
        guard cohorts.contains(where: { $0.id == id }) else { throw AnalysisFormError(field, "cohort \(id) has not been generated") }
        return id
    }

    /// A whole number, nil when the field is blank.
    func integer(_ name: String, label: String, in range: ClosedRange<Int> = -36_500...36_500) throws -> Int? {
        guard let text = text(name) else { return nil }
        guard let value = Int(text) else { throw AnalysisFormError(name, "\(label) must be a whole number (got \"\(text.prefix(40))\")") }
        guard range.contains(value) else { throw AnalysisFormError(name, "\(label) must be between \(range.lowerBound) and \(range.upperBound) (got \(value))") }
        return value
    }

    /// Death or a generated outcome cohort.
    func outcome(_ name: String, in cohorts: [AnalysisCohort], default fallback: SurvivalOutcome?) throws -> SurvivalOutcome {
        guard let text = text(name) else {
            guard let fallback else { throw AnalysisFormError(name, "choose death or an outcome cohort") }
            return fallback
        }
        if text == "death" { return .death }
        return .cohort(try Self.cohort(text, field: name, in: cohorts))
    }

    /// The same address with `changes` applied (nil removes a field), keeping every other field in order.
    func link(_ changes: [String: String?]) -> String {
        var pairs = fields.filter { changes[$0.name] == nil }.map { ($0.name, $0.value) }
        for (name, value) in changes.sorted(by: { $0.key < $1.key }) { if let value { pairs.append((name, value)) } }
        guard !pairs.isEmpty else { return path }
        return path + "?" + pairs.map { "\(Self.encode($0.0))=\(Self.encode($0.1))" }.joined(separator: "&")
    }

    static func encode(_ text: String) -> String {
        text.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-._~:,"))) ?? text
    }
}
