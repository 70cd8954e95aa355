import Cohorts

/// A saved concept set: who saved it, its items with their flags, and the number of concepts it resolves to here.
struct ConceptSetView {
    let set: StoredConceptSet
    let resolvedCount: Int

    var html: HTML {
        H.article(.id("concept-set"), .data("concept-set", String(set.id))) {
            H.header(.class("actions")) {
                H.h1 { set.name }
                H.a(.class("button"), .href("/concept-sets/\(set.id)?format=json"), .id("concept-set-json")) { "Download ATLAS JSON" }
            }
            H.section(.class("card")) {
                if let description = set.description { H.p { description } }
                H.p(.class("muted")) { "Saved by \(set.createdBy) on \(set.createdAt) UTC." }
                H.p(.id("concept-set-resolved")) {
                    "With descendants, mapped concepts and exclusions applied, the set stands for "
                    H.strong(.id("resolved-count")) { String(resolvedCount) }
                    " concept\(resolvedCount == 1 ? "" : "s") in this vocabulary."
                }
            }
            H.section(.class("card")) {
                H.table(.class("data"), .id("concept-set-items")) {
                    H.caption { "Items (\(set.expression.items.count))" }
                    H.thead {
                        H.tr {
                            H.th(.attr("scope", "col"), .class("num")) { "Id" }
                            H.th(.attr("scope", "col")) { "Concept" }
                            H.th(.attr("scope", "col")) { "Vocabulary" }
                            H.th(.attr("scope", "col")) { "Code" }
                            H.th(.attr("scope", "col")) { "Descendants" }
                            H.th(.attr("scope", "col")) { "Mapped" }
                            H.th(.attr("scope", "col")) { "Excluded" }
                        }
                    }
                    H.tbody {
                        for item in set.expression.items {
                            H.tr(.data("item", String(item.concept.id))) {
                                H.td(.class("num")) { String(item.concept.id) }
                                H.th(.attr("scope", "row")) { H.a(.href("/vocabulary/concepts/\(item.concept.id)")) { item.concept.name ?? "concept \(item.concept.id)" } }
                                H.td { item.concept.vocabulary ?? "" }
                                H.td { H.code { item.concept.code ?? "" } }
                                H.td { item.includeDescendants ? "yes" : "no" }
                                H.td { item.includeMapped ? "yes" : "no" }
                                H.td { item.isExcluded ? "yes" : "no" }
                            }
                        }
                    }
                }
            }
        }
    }
}
