import Cohorts

extension CohortForm {
    private static let valueOperators: [(String, String)] = [("", "Any value"), ("gt", ">"), ("gte", "≥"), ("lt", "<"), ("lte", "≤"),
                                                             ("eq", "="), ("bt", "between")]
    private static let ruleKinds: [(String, String)] = [("has", "have"), ("has-not", "have not")]

    /// The form, filled with what the user typed, each refused field marked and its message beside it.
    func html(action: String, csrf: String, savedSets: [StoredConceptSet]) -> HTML {
        H.postForm(action: action, csrf: csrf, .id("cohort-form"), .attr("novalidate", "")) {
            if !errors.isEmpty {
                H.p(.class("error"), .role("alert"), .id("cohort-form-errors")) {
                    "The cohort was not created: \(errors.count == 1 ? "one field needs" : "\(errors.count) fields need") attention."
                }
            }
            H.fieldset {
                H.legend { "Cohort" }
                field("cohort-name", "Name") { input("cohort-name", name, .required) }
                field("cohort-desc", "Description (optional)") {
                    H.element("textarea", [.id("cohort-desc"), .name("cohort-desc"), .class("short")] + invalid("cohort-desc"), .text(description))
                }
            }
            H.fieldset {
                H.legend { "Entry event" }
                H.div(.class("grid")) {
                    field("entry-domain", "Domain") { domainSelect("entry-domain", entryDomain) }
                    field("entry-concepts", "Concept ids or codes") {
                        input("entry-concepts", entryConcepts, .placeholder("e.g. 4112853, 254837009"))
                        chosenList("entry-concepts")
                    }
                    if !savedSets.isEmpty {
                        field("entry-concept-set", "Or a saved concept set") {
                            H.element("select", [.id("entry-concept-set"), .name("entry-concept-set")] + invalid("entry-concept-set"), HTML.joined(
                                [H.option(.value(""), .selected(entryConceptSet.isEmpty)) { "None" }]
                                    + savedSets.map { set in
                                        H.option(.value(String(set.id)), .selected(entryConceptSet == String(set.id))) { set.name }
                                    }))
                        }
                    }
                }
                checkbox("entry-descendants", "Include descendants", entryDescendants)
                checkbox("entry-first", "First occurrence only (each person enters once, at the earliest event)", firstOnly)
                H.div(.class("grid")) {
                    field("value-op", "Measurement value (optional)") {
                        H.element("select", [.id("value-op"), .name("value-op")] + invalid("value-op"), HTML.joined(
                            Self.valueOperators.map { option in
                                H.option(.value(option.0), .selected(valueOp == option.0)) { option.1 }
                            }))
                    }
                    field("value", "Value") { input("value", value, .attr("inputmode", "decimal")) }
                    field("value-extent", "Upper value (between)") { input("value-extent", valueExtent, .attr("inputmode", "decimal")) }
                }
            }
            H.fieldset {
                H.legend { "At entry" }
                H.div(.class("grid")) {
                    field("age-min", "Minimum age") { input("age-min", ageMin, .attr("inputmode", "numeric")) }
                    field("age-max", "Maximum age") { input("age-max", ageMax, .attr("inputmode", "numeric")) }
                    field("gender", "Gender") {
                        H.element("select", [.id("gender"), .name("gender")] + invalid("gender"), HTML.joined(
                            [H.option(.value(""), .selected(gender.isEmpty)) { "Any" }] + SimpleCohort.Gender.allCases.map { option in
                                H.option(.value(option.rawValue), .selected(gender == option.rawValue)) { option.title }
                            }))
                    }
                    field("prior-days", "Days of observation before entry") { input("prior-days", priorDays, .attr("inputmode", "numeric")) }
                }
            }
            H.div(.id("cohort-rules")) {
                for rule in rules { ruleFieldset(rule) }
            }
            H.fieldset {
                H.legend { "Exit" }
                H.label(.class("check"), .for("exit-observation")) {
                    H.input(.type("radio"), .id("exit-observation"), .name("exit"), .value("observation"), .checked(exit != "days"))
                    "At the end of the observation period"
                }
                H.label(.class("check"), .for("exit-after")) {
                    H.input(.type("radio"), .id("exit-after"), .name("exit"), .value("days"), .checked(exit == "days"))
                    "A fixed number of days after entry"
                }
                field("exit-days", "Days after entry") { input("exit-days", exitDays, .attr("inputmode", "numeric")) }
                if let message = errors["exit"] { H.p(.class("error"), .id("exit-error")) { message } }
            }
            H.p(.class("actions")) { H.button(.type("submit"), .class("primary"), .id("create-button")) { "Create cohort" } }
        }
    }

    private func ruleFieldset(_ rule: Rule) -> HTML {
        H.fieldset(.class("rule"), .data("rule", String(rule.number))) {
            H.legend { "Inclusion rule \(rule.number) (optional)" }
            H.div(.class("grid")) {
                field(rule.id("name"), "Name") { input(rule.id("name"), rule.name, .placeholder("named from its concepts when empty")) }
                field(rule.id("kind"), "Persons who") {
                    H.element("select", [.id(rule.id("kind")), .name(rule.id("kind"))] + invalid(rule.id("kind")), HTML.joined(
                        Self.ruleKinds.map { option in
                            H.option(.value(option.0), .selected(rule.kind == option.0)) { option.1 }
                        }))
                }
                field(rule.id("count"), "At least (occurrences)") { input(rule.id("count"), rule.count, .attr("inputmode", "numeric")) }
                field(rule.id("domain"), "Domain") { domainSelect(rule.id("domain"), rule.domain) }
                field(rule.id("concepts"), "Concept ids or codes") {
                    input(rule.id("concepts"), rule.concepts)
                    chosenList(rule.id("concepts"))
                }
                field(rule.id("before"), "From days before entry") { input(rule.id("before"), rule.before, .attr("inputmode", "numeric")) }
                field(rule.id("after"), "To days after entry") { input(rule.id("after"), rule.after, .attr("inputmode", "numeric")) }
            }
            checkbox(rule.id("descendants"), "Include descendants", rule.descendants)
        }
    }

    /// A label, the control, and the field's message when it was refused.
    private func field(_ id: String, _ label: String, @HTMLBuilder control: () -> HTML) -> HTML {
        H.div(.class("field")) {
            H.label(.for(id)) { label }
            control()
            if let message = errors[id] { H.p(.class("error"), .id("\(id)-error")) { message } }
        }
    }

    private func input(_ id: String, _ value: String, _ extra: Attribute...) -> HTML {
        H.void("input", [.type("text"), .id(id), .name(id), .value(value)] + extra + invalid(id))
    }

    private func checkbox(_ id: String, _ label: String, _ on: Bool) -> HTML {
        H.label(.class("check"), .for(id)) {
            H.input(.type("checkbox"), .id(id), .name(id), .value("1"), .checked(on))
            label
        }
    }

    private func domainSelect(_ id: String, _ selected: String) -> HTML {
        H.element("select", [.id(id), .name(id)] + invalid(id), HTML.joined(SimpleCohort.Domain.allCases.map { domain in
            H.option(.value(domain.rawValue), .selected(domain.rawValue == selected)) { domain.title }
        }))
    }

    /// The names of the concepts a field resolved to, so the user sees what the ids mean.
    private func chosenList(_ id: String) -> HTML {
        guard let concepts = chosen[id], !concepts.isEmpty else { return .empty }
        return H.ul(.class("chosen-concepts"), .id("\(id)-chosen")) {
            for concept in concepts {
                H.li { H.a(.href("/vocabulary/concepts/\(concept.id)")) { concept.name }; " "; H.small(.class("muted")) { "\(concept.vocabulary) \(concept.code) · \(concept.id)" } }
            }
        }
    }

    private func invalid(_ id: String) -> [Attribute] {
        errors[id] == nil ? [] : [.aria("invalid", "true"), .aria("describedby", "\(id)-error")]
    }
}
