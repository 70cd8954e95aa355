import Cohorts

/// The new-cohort form as typed: every field kept as text so a refused form comes back as the user left it,
/// with a message per field (keyed by the input's id, which is also its name).
struct CohortForm: Sendable {
    /// One "has / has not" rule's fields; blank concepts leave the rule out.
    struct Rule: Sendable {
        let number: Int
        var name = ""
        var kind = "has"
        var domain = SimpleCohort.Domain.condition.rawValue
        var concepts = ""
        var descendants = true
        var before = "365"
        var after = "0"
        var count = "1"

        func id(_ field: String) -> String { "rule-\(number)-\(field)" }
        var isBlank: Bool { concepts.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty }
    }

    /// Rules shown without JS; a script may add more fieldsets, up to `maximumRules`.
    static let blankRules = 3
    static let maximumRules = 10

    var name = ""
    var description = ""
    var entryDomain = SimpleCohort.Domain.condition.rawValue
    var entryConcepts = ""
    var entryDescendants = true
    var entryConceptSet = ""
    var firstOnly = true
    var valueOp = ""
    var value = ""
    var valueExtent = ""
    var ageMin = ""
    var ageMax = ""
    var gender = ""
    var rules = (1...CohortForm.blankRules).map { Rule(number: $0) }
    var exit = "observation"
    var exitDays = "30"
    var priorDays = "0"

    /// Messages by field id.
    var errors: [String: String] = [:]
    /// The concepts found for each concepts field, named back to the user.
    var chosen: [String: [ConceptSummary]] = [:]

    init() {}

    init(_ form: FormData) {
        name = form.value("cohort-name") ?? ""
        description = form.value("cohort-desc") ?? ""
        entryDomain = form.value("entry-domain") ?? ""
        entryConcepts = form.value("entry-concepts") ?? ""
        entryDescendants = form.value("entry-descendants") != nil
        entryConceptSet = form.value("entry-concept-set") ?? ""
        firstOnly = form.value("entry-first") != nil
        valueOp = form.value("value-op") ?? ""
        value = form.value("value") ?? ""
        valueExtent = form.value("value-extent") ?? ""
        ageMin = form.value("age-min") ?? ""
        ageMax = form.value("age-max") ?? ""
        gender = form.value("gender") ?? ""
        exit = form.value("exit") ?? "observation"
        exitDays = form.value("exit-days") ?? ""
        priorDays = form.value("prior-days") ?? ""
        let posted = (1...Self.maximumRules).filter { form.value("rule-\($0)-concepts") != nil }
        rules = (1...max(Self.blankRules, posted.max() ?? 0)).map { number in
            var rule = Rule(number: number)
            guard posted.contains(number) else { return rule }
            rule.name = form.value(rule.id("name")) ?? ""
            rule.kind = form.value(rule.id("kind")) ?? "has"
            rule.domain = form.value(rule.id("domain")) ?? ""
            rule.concepts = form.value(rule.id("concepts")) ?? ""
            rule.descendants = form.value(rule.id("descendants")) != nil
            rule.before = form.value(rule.id("before")) ?? ""
            rule.after = form.value(rule.id("after")) ?? ""
            rule.count = form.value(rule.id("count")) ?? ""
            return rule
        }
    }
}
