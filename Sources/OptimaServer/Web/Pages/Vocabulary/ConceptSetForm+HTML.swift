import Cohorts

extension ConceptSetForm {
    /// The builder form; `concepts` names the chosen concepts, `matches` are the search results to add from.
    func html(csrf: String, concepts: [Int64: ConceptSummary], choices searchChoices: ConceptSearchChoices, matches: [ConceptMatch],
              searchError: String?) -> HTML {
        H.postForm(action: WebRoute.conceptSetCreate.path, csrf: csrf, .id("concept-set-form")) {
            if !errors.isEmpty {
                H.p(.class("error"), .role("alert"), .id("concept-set-form-errors")) {
                    "The concept set was not saved: \(errors.count == 1 ? "one field needs" : "\(errors.count) fields need") attention."
                }
            }
            if let message = errors["form"] { H.p(.class("error"), .id("form-error")) { message } }
            H.section(.class("card")) {
                H.label(.for("name")) { "Name" }
                H.void("input", [.type("text"), .id("name"), .name("name"), .value(name)] + invalid("name"))
                if let message = errors["name"] { H.p(.class("error"), .id("name-error")) { message } }
                H.label(.for("description")) { "Description (optional)" }
                H.textarea(.id("description"), .name("description")) { description }
            }
            H.fieldset(.class("card"), .id("items")) {
                H.legend { "Concepts in the set (\(self.choices.count))" }
                if let message = errors["items"] { H.p(.class("error"), .id("items-error")) { message } }
                if self.choices.isEmpty { H.p(.class("muted"), .id("no-items")) { "None yet: search below and press “Add”." } }
                H.table(.class("data"), .id("concept-set-items")) {
                    H.caption { "Chosen concepts: untick “Keep” to drop one" }
                    H.thead {
                        H.tr {
                            H.th(.attr("scope", "col")) { "Keep" }
                            H.th(.attr("scope", "col")) { "Concept" }
                            H.th(.attr("scope", "col")) { "Include descendants" }
                            H.th(.attr("scope", "col")) { "Include mapped" }
                            H.th(.attr("scope", "col")) { "Exclude" }
                        }
                    }
                    H.tbody {
                        for choice in self.choices {
                            let label = concepts[choice.id].map { "\($0.name) (\($0.vocabulary) \($0.code))" } ?? "concept \(choice.id), not in this vocabulary"
                            H.tr(.data("item", String(choice.id))) {
                                H.td { checkbox("item", id: "item-\(choice.id)", value: String(choice.id), on: true, label: "Keep \(label)") }
                                H.th(.attr("scope", "row")) { H.a(.href("/vocabulary/concepts/\(choice.id)")) { label } }
                                H.td { checkbox("descendants-\(choice.id)", on: choice.descendants, label: "Include descendants of \(label)") }
                                H.td { checkbox("mapped-\(choice.id)", on: choice.mapped, label: "Include concepts mapped to \(label)") }
                                H.td { checkbox("excluded-\(choice.id)", on: choice.excluded, label: "Exclude \(label)") }
                            }
                        }
                    }
                }
            }
            H.fieldset(.class("card"), .id("concept-set-search")) {
                H.legend { "Find concepts to add" }
                search.html(searchChoices, error: searchError)
                H.button(.type("submit"), .name("action"), .value("search"), .id("search-button")) { "Search" }
                if !search.text.isEmpty && searchError == nil {
                    ConceptResultsTable(matches: matches, text: search.text, addButtons: true).html
                }
            }
            H.p(.class("actions")) {
                H.button(.type("submit"), .class("primary"), .name("action"), .value("save"), .id("save-concept-set")) { "Save concept set" }
            }
        }
    }

    private func invalid(_ field: String) -> [Attribute] {
        errors[field] == nil ? [] : [.aria("invalid", "true"), .aria("describedby", "\(field)-error")]
    }

    /// A checkbox with a label for screen readers and a visible tick only (the column header says what it is).
    private func checkbox(_ name: String, id: String? = nil, value: String = "1", on: Bool, label: String) -> HTML {
        let id = id ?? name
        return H.label(.class("check"), .for(id)) {
            H.input(.type("checkbox"), .id(id), .name(name), .value(value), .checked(on))
            H.span(.class("visually-hidden")) { label }
        }
    }
}
