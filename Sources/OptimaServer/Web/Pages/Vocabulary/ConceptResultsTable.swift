import Cohorts

/// Search matches as a table: every concept links to its page; in the concept-set builder each row also has an
/// "Add" button (`name="add"`), a submit button of the builder's form, so adding works without JavaScript.
struct ConceptResultsTable {
    let matches: [ConceptMatch]
    let text: String
    var addButtons = false

    var html: HTML {
        H.table(.class("data"), .id("concept-results")) {
            H.caption { matches.isEmpty ? "No concept matches “\(text)”" : "\(matches.count) concept\(matches.count == 1 ? "" : "s") matching “\(text)”, best first" }
            H.thead {
                H.tr {
                    if addButtons { H.th(.attr("scope", "col")) { "Add" } }
                    H.th(.attr("scope", "col"), .class("num")) { "Id" }
                    H.th(.attr("scope", "col")) { "Name" }
                    H.th(.attr("scope", "col")) { "Domain" }
                    H.th(.attr("scope", "col")) { "Vocabulary" }
                    H.th(.attr("scope", "col")) { "Class" }
                    H.th(.attr("scope", "col")) { "Code" }
                    H.th(.attr("scope", "col")) { "Standard" }
                    H.th(.attr("scope", "col")) { "Matched by" }
                }
            }
            H.tbody {
                for match in matches {
                    let concept = match.concept
                    H.tr(.data("concept", String(concept.id))) {
                        if addButtons {
                            H.td {
                                H.button(.type("submit"), .name("add"), .value(String(concept.id)), .aria("label", "Add \(concept.name)")) { "Add" }
                            }
                        }
                        H.td(.class("num")) { String(concept.id) }
                        H.th(.attr("scope", "row")) { H.a(.href("/vocabulary/concepts/\(concept.id)")) { concept.name } }
                        H.td { concept.domain }
                        H.td { concept.vocabulary }
                        H.td { concept.conceptClass }
                        H.td { H.code { concept.code } }
                        H.td { ConceptBadges.standard(concept) }
                        H.td(.class("match")) { Self.kind(match.kind) }
                    }
                }
            }
        }
    }

    static func kind(_ kind: ConceptMatch.Kind) -> String {
        switch kind {
        case .conceptID: "concept id"
        case .code: "code"
        case .nameEqual: "name"
        case .namePrefix: "name start"
        case .nameContains: "words in name"
        }
    }
}
