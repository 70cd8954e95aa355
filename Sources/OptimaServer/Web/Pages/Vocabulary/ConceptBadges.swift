import Cohorts

/// The standard and validity flags of a concept as badges, in words (not colour alone).
enum ConceptBadges {
    static func standard(_ concept: ConceptSummary) -> HTML {
        switch concept.standardConcept {
        case "S": H.span(.class("badge badge-ok")) { "Standard" }
        case "C": H.span(.class("badge")) { "Classification" }
        default: H.span(.class("badge badge-warn")) { "Non-standard" }
        }
    }

    static func validity(_ concept: ConceptSummary) -> HTML {
        switch concept.invalidReason {
        case nil: H.span(.class("badge badge-ok")) { "Valid" }
        case "U": H.span(.class("badge badge-bad")) { "Invalid: upgraded" }
        case "D": H.span(.class("badge badge-bad")) { "Invalid: deleted" }
        case let reason?: H.span(.class("badge badge-bad")) { "Invalid (\(reason))" }
        }
    }
}
