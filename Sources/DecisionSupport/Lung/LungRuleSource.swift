/// The `source` member of a lung rule file, and each guideline of `lung-therapy.json`: who, which edition, when.
struct LungRuleSource: Decodable, Sendable {
    /// The key rows cite it by, in `lung-therapy.json`'s `guidelines`.
    let id: String?
    let label: String
    let edition: String
    /// Publication or transcription date, ISO 8601.
    let date: String
    let citation: String
    let url: String?

    /// The source as tools report it; the date goes into the citation, which `RuleSource` has room for.
    var ruleSource: RuleSource {
        RuleSource(label: label, edition: edition, citation: "\(citation) (\(date))", url: url)
    }
}
