import Cohorts

extension WebHandlers {
    /// The inclusion report of a generation, by person or by event, with a switch between the two.
    func attritionSection(generation: CohortGeneration, byEvent: Bool, base: String) -> HTML {
        let view = CohortAttritionView(attrition: byEvent ? generation.byEvent : generation.byPerson, unit: byEvent ? "event" : "person",
                                       minimum: settings.minimumCount)
        return H.section(.class("card"), .aria("labelledby", "attrition-heading")) {
            H.h2(.id("attrition-heading")) { "Inclusion report" }
            H.p(.class("actions")) {
                H.a(.href(base), byEvent ? .none : .aria("current", "true")) { "By person" }
                H.a(.href("\(base)?mode=event"), byEvent ? .aria("current", "true") : .none) { "By event" }
            }
            view.table
            view.chart
        }
    }

    /// The definition's concept sets, item by item, as ATLAS's Concept Sets tab lists them.
    func conceptSetsSection(_ sets: [ConceptSet]) -> HTML {
        H.section(.class("card"), .aria("labelledby", "concept-sets-heading"), .id("cohort-concept-sets")) {
            H.h2(.id("concept-sets-heading")) { "Concept sets" }
            if sets.isEmpty { H.p(.class("muted")) { "This definition has no concept sets." } }
            for set in sets {
                H.table(.class("data concept-set"), .data("codeset", String(set.id))) {
                    H.caption { "\(set.id). \(set.name.isEmpty ? "Concept set \(set.id)" : set.name)" }
                    H.thead {
                        H.tr {
                            H.th(.attr("scope", "col"), .class("num")) { "Concept id" }
                            H.th(.attr("scope", "col")) { "Name" }
                            H.th(.attr("scope", "col")) { "Vocabulary and code" }
                            H.th(.attr("scope", "col")) { "Descendants" }
                            H.th(.attr("scope", "col")) { "Excluded" }
                        }
                    }
                    H.tbody {
                        for item in set.items {
                            H.tr {
                                H.td(.class("num")) { H.a(.href("/vocabulary/concepts/\(item.concept.id)")) { String(item.concept.id) } }
                                H.td { item.concept.name ?? "" }
                                H.td { [item.concept.vocabulary, item.concept.code].compactMap { $0 }.joined(separator: " ") }
                                H.td { item.includeDescendants ? "yes" : "no" }
                                H.td { item.isExcluded ? "yes" : "no" }
                            }
                        }
                    }
                }
            }
        }
    }
}
