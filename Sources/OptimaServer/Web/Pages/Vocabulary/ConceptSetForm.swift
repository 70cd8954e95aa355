import Cohorts

/// The concept-set builder as one POST form, so it works without JavaScript: the chosen concepts travel as
/// checked `item` checkboxes with `descendants-ID`, `mapped-ID` and `excluded-ID` flags; "Search" and each
/// "Add" button re-post the form with the search results, "Save" stores the set.
struct ConceptSetForm: Sendable {
    struct Choice: Sendable, Equatable {
        let id: Int64
        var descendants = false
        var mapped = false
        var excluded = false
    }

    var name = ""
    var description = ""
    var choices: [Choice] = []
    var search: ConceptSearchFields
    /// Field → message, shown next to the field (`name`, `items`).
    var errors: [String: String] = [:]

    /// A fresh builder: the search from the address, and `add` (from a concept page) as its first concept.
    init(query: (String) -> String?) {
        search = ConceptSearchFields(query)
        if let add = query("add").flatMap(Int64.init) { choices = [Choice(id: add)] }
    }

    /// The builder as posted; an "Add" press appends its concept (once).
    init(form: FormData) {
        search = ConceptSearchFields(form.value)
        action = form.value("action")
        name = form.value("name") ?? ""
        description = form.value("description") ?? ""
        var seen: Set<Int64> = []
        for text in form.values("item") {
            guard let id = Int64(text.trimmingCharacters(in: .whitespaces)) else {
                errors["items"] = "Concepts: \"\(text.prefix(40))\" is not a concept id"
                continue
            }
            guard seen.insert(id).inserted else { continue }
            choices.append(Choice(id: id, descendants: form.value("descendants-\(id)") != nil, mapped: form.value("mapped-\(id)") != nil,
                                  excluded: form.value("excluded-\(id)") != nil))
        }
        if let add = form.value("add").flatMap(Int64.init), seen.insert(add).inserted { choices.append(Choice(id: add)) }
    }

    /// Whether "Save" was pressed (rather than "Search" or an "Add").
    var isSave: Bool { action == "save" }
    private var action: String?

    var expression: ConceptSetExpression {
        ConceptSetExpression(items: choices.map {
            ConceptSet.Item(concept: Concept(id: $0.id), isExcluded: $0.excluded, includeDescendants: $0.descendants, includeMapped: $0.mapped)
        })
    }

    /// Files a library refusal under the form field it concerns.
    mutating func record(_ error: ConceptInputError) {
        switch error.field {
        case "name": errors["name"] = "Name: \(error.reason)"
        case let field where field.hasPrefix("items"): errors["items"] = "Concepts: \(error.reason)"
        default: errors["form"] = "\(error.field): \(error.reason)"
        }
    }
}
