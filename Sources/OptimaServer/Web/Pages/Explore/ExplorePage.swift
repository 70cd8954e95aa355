import Evidence
import Foundation

/// The HTML of the Explore page. The tree's first level and the count are rendered here; `explore.js` builds the
/// criteria editor in `#criteria`, loads children on expand, and keeps `#patient-count` live.
struct ExplorePage {
    let csrf: String
    let tree: [ExploreTreeNode]
    var constraintText: String
    var cohortName = ""
    var counts: ExploreCounts?
    var constraintError: String?
    var nameError: String?

    @HTMLBuilder var html: HTML {
        H.h1 { "Explore" }
        H.div(.class("explore-layout")) {
            H.nav(.id("explore-tree"), .class("card"), .aria("label", "Concepts")) {
                H.h2 { "Concepts" }
                H.p(.class("muted")) { "Choose a concept to add it to the query; numbers are persons." }
                for heading in tree {
                    H.section(.class("tree-heading"), .data("key", heading.key)) {
                        H.h3 { heading.name }
                        H.ul(.class("tree-level")) {
                            for node in heading.children { Self.item(node) }
                        }
                    }
                }
            }
            H.section(.id("query"), .class("card"), .aria("labelledby", "query-title")) {
                H.h2(.id("query-title")) { "Query" }
                H.p(.class("count-line")) {
                    "Patients: "
                    H.output(.id("patient-count"), .aria("live", "polite")) { counts?.patientCount.description ?? "–" }
                    " "
                    H.span(.id("count-status"), .class("muted")) { counts.map { "(\(Int($0.milliseconds.rounded())) ms)" } ?? "" }
                }
                H.p(.id("count-error"), .class("error"), .role("alert")) { constraintError ?? "" }
                H.div(.id("criteria"), .data("empty", "Choose concepts in the tree to build the query.")) {}
                H.details(.id("query-json-details")) {
                    H.summary { "Query JSON" }
                    H.pre(.id("query-json")) { constraintText }
                }
                constraintForm
                saveForm
            }
        }
    }

    /// One tree node: a button that adds its constraint, and for concepts with children a toggle that loads them.
    static func item(_ node: ExploreTreeNode) -> HTML {
        let constraint = node.constraint.map { $0.canonicalJSON } ?? ""
        let count = node.patientCount?.description ?? ""
        return H.li(.class("tree-item")) {
            if node.hasChildren, let id = node.conceptId {
                H.button(.type("button"), .class("tree-toggle"), .data("parent", String(id)), .aria("expanded", "false"),
                         .aria("label", "Show concepts under \(node.name)")) { "+" }
            }
            H.button(.type("button"), .class("tree-node"), node.conceptId.map { .data("concept-id", String($0)) } ?? .data("field", node.key),
                     .data("constraint", constraint), .data("name", node.name), .data("value-type", node.valueType?.rawValue ?? ""),
                     .data("value-choices", node.valueChoices.joined(separator: "|")), .data("count", count),
                     .title("Add \(node.name) to the query")) {
                H.span(.class("tree-name")) { node.name }
                " "
                H.span(.class("tree-count num")) { count }
            }
        }
    }

    /// Without JavaScript: a constraint typed as JSON, counted by the server on GET.
    private var constraintForm: HTML {
        H.form(.method("get"), .action("/explore"), .id("constraint-form")) {
            H.label(.for("constraint")) { "Constraint (tranSMART v2 JSON)" }
            H.textarea(.id("constraint"), .name("constraint"), .attr("rows", "6"),
                       constraintError == nil ? .none : .aria("invalid", "true"),
                       constraintError == nil ? .none : .aria("describedby", "count-error")) { constraintText }
            H.button(.type("submit")) { "Count" }
        }
    }

    private var saveForm: HTML {
        H.postForm(action: "/explore/save", csrf: csrf, .id("save-cohort")) {
            H.h3 { "Save as cohort" }
            H.input(.type("hidden"), .name("constraint"), .id("save-constraint"), .value(constraintText))
            H.label(.for("cohort-name")) { "Cohort name" }
            H.input(.type("text"), .id("cohort-name"), .name("name"), .value(cohortName), .required,
                    nameError == nil ? .none : .aria("invalid", "true"), nameError == nil ? .none : .aria("describedby", "cohort-name-error"))
            if let nameError { H.p(.id("cohort-name-error"), .class("error")) { nameError } }
            H.button(.type("submit")) { "Save as cohort" }
        }
    }
}
