import CDMStore
import Cohorts
import Foundation

/// The search fields shared by the vocabulary page (a GET form) and the concept-set builder (part of its POST
/// form): `q`, `domain`, `vocabulary`, and `standard` ("1" standard only, the default; "0" every concept).
struct ConceptSearchFields: Sendable {
    var text: String
    var domain: String?
    var vocabulary: String?
    var standardOnly: Bool

    /// Reads the fields through `value`, which is a query or a form lookup.
    init(_ value: (String) -> String?) {
        func field(_ name: String) -> String? {
            value(name).map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.flatMap { $0.isEmpty ? nil : $0 }
        }
        text = field("q") ?? ""
        domain = field("domain")
        vocabulary = field("vocabulary")
        standardOnly = field("standard") != "0"
    }

    var search: ConceptSearch {
        ConceptSearch(text, domain: domain, vocabulary: vocabulary, standardOnly: standardOnly)
    }

    /// The matches, or the message for the `q` field when the library refuses the search.
    func run(in database: any Database) async throws -> (matches: [ConceptMatch], error: String?) {
        guard !text.isEmpty else { return ([], nil) }
        do {
            return (try await database.searchConcepts(search), nil)
        } catch let error as ConceptInputError {
            return ([], "Search: \(error.reason)")
        }
    }

    /// The labelled inputs; `error` sits under the search box, which it describes.
    func html(_ choices: ConceptSearchChoices, error: String?) -> HTML {
        let invalid: [Attribute] = error == nil ? [] : [.aria("invalid", "true"), .aria("describedby", "q-error")]
        return H.div(.class("search-fields")) {
            H.label(.for("q")) { "Name, code or concept id" }
            H.void("input", [.type("search"), .id("q"), .name("q"), .value(text), .placeholder("e.g. malignant tumor of breast, C50.9, 4112853")] + invalid)
            if let error { H.p(.class("error"), .id("q-error")) { error } }
            H.label(.for("domain")) { "Domain" }
            H.select(.id("domain"), .name("domain")) {
                H.option(.value(""), .selected(domain == nil)) { "Any domain" }
                for id in choices.domains { H.option(.value(id), .selected(domain == id)) { id } }
            }
            H.label(.for("vocabulary")) { "Vocabulary" }
            H.select(.id("vocabulary"), .name("vocabulary")) {
                H.option(.value(""), .selected(vocabulary == nil)) { "Any vocabulary" }
                for id in choices.vocabularies { H.option(.value(id), .selected(vocabulary == id)) { id } }
            }
            H.label(.for("standard")) { "Concepts" }
            H.select(.id("standard"), .name("standard")) {
                H.option(.value("1"), .selected(standardOnly)) { "Standard only" }
                H.option(.value("0"), .selected(!standardOnly)) { "All, with source concepts" }
            }
        }
    }
}
