import Cohorts
import Evidence

/// The concept page's body: attributes, counts (governed by the engine), hierarchy both ways as links, and the
/// relationships table.
struct ConceptCard {
    let detail: ConceptDetail
    let counts: ConceptCount?
    let canDefine: Bool

    var html: HTML {
        let concept = detail.concept
        return H.article(.id("concept-detail"), .data("concept", String(concept.id))) {
            H.header(.class("actions")) {
                H.h1 { concept.name }
                ConceptBadges.standard(concept)
                ConceptBadges.validity(concept)
                if canDefine {
                    H.a(.class("button"), .href("/concept-sets/new?add=\(concept.id)"), .id("use-in-concept-set")) { "Use in a new concept set" }
                }
            }
            H.div(.class("grid")) {
                H.section(.class("card")) {
                    H.h2 { "Attributes" }
                    H.dl(.id("concept-attributes")) {
                        H.dt { "Concept id" }
                        H.dd { String(concept.id) }
                        H.dt { "Domain" }
                        H.dd { concept.domain }
                        H.dt { "Vocabulary" }
                        H.dd { concept.vocabulary }
                        H.dt { "Class" }
                        H.dd { concept.conceptClass }
                        H.dt { "Code" }
                        H.dd { H.code { concept.code } }
                        H.dt { "Valid" }
                        H.dd { "\(detail.validStartDate?.description ?? "?") to \(detail.validEndDate?.description ?? "?")" }
                    }
                }
                countsSection
            }
            hierarchySection
            relationshipsSection
        }
    }

    private var countsSection: HTML {
        H.section(.class("card"), .id("concept-counts")) {
            H.h2 { "Use in this database" }
            if let counts {
                H.table(.class("data")) {
                    H.caption { "Records and persons (counts under the minimum cell count are shown as “<n”)" }
                    H.tbody {
                        H.tr {
                            H.th(.attr("scope", "row")) { "Records with this concept" }
                            H.td(.class("num"), .id("concept-records")) { counts.records.description }
                        }
                        H.tr {
                            H.th(.attr("scope", "row")) { "Persons with this concept" }
                            H.td(.class("num"), .id("concept-persons")) { counts.persons.description }
                        }
                        H.tr {
                            H.th(.attr("scope", "row")) { "Persons with it or a descendant" }
                            H.td(.class("num"), .id("concept-persons-descendants")) { counts.personsWithDescendants.description }
                        }
                    }
                }
            } else {
                H.p(.class("muted"), .id("concept-no-counts")) { "Concepts of the \(detail.concept.domain) domain are not recorded in a clinical table." }
            }
        }
    }

    private var hierarchySection: HTML {
        H.section(.class("card"), .id("concept-hierarchy")) {
            H.h2 { "Hierarchy" }
            H.div(.class("grid")) {
                H.div {
                    H.h3 { "Ancestors (\(detail.ancestors.count))" }
                    if detail.ancestors.isEmpty { H.p(.class("muted")) { "None: this concept is at the top of its hierarchy, or not in one." } }
                    H.ul(.id("concept-ancestors")) {
                        for ancestor in detail.ancestors {
                            H.li {
                                H.a(.href("/vocabulary/concepts/\(ancestor.concept.id)")) { ancestor.concept.name }
                                H.small(.class("muted")) { " \(ancestor.minLevels) level\(ancestor.minLevels == 1 ? "" : "s") up" }
                            }
                        }
                    }
                }
                H.div {
                    H.h3 { "Children (\(detail.children.count)); \(detail.descendantCount) descendant\(detail.descendantCount == 1 ? "" : "s") in all" }
                    if detail.children.isEmpty { H.p(.class("muted")) { "No concept below this one." } }
                    H.ul(.id("concept-children")) {
                        for child in detail.children {
                            H.li { H.a(.href("/vocabulary/concepts/\(child.concept.id)")) { child.concept.name } }
                        }
                    }
                }
            }
        }
    }

    private var relationshipsSection: HTML {
        H.section(.class("card")) {
            H.h2 { "Relationships" }
            H.table(.class("data"), .id("concept-relationships")) {
                H.caption { "Valid relationships to other concepts (\(detail.relationships.count)), mappings first" }
                H.thead {
                    H.tr {
                        H.th(.attr("scope", "col")) { "Relationship" }
                        H.th(.attr("scope", "col")) { "Concept" }
                        H.th(.attr("scope", "col")) { "Vocabulary" }
                        H.th(.attr("scope", "col")) { "Code" }
                        H.th(.attr("scope", "col")) { "Standard" }
                    }
                }
                H.tbody {
                    for relationship in detail.relationships {
                        H.tr(.data("relationship", relationship.relationshipID)) {
                            H.td { relationship.name }
                            H.th(.attr("scope", "row")) { H.a(.href("/vocabulary/concepts/\(relationship.concept.id)")) { relationship.concept.name } }
                            H.td { relationship.concept.vocabulary }
                            H.td { H.code { relationship.concept.code } }
                            H.td { ConceptBadges.standard(relationship.concept) }
                        }
                    }
                }
            }
        }
    }
}
