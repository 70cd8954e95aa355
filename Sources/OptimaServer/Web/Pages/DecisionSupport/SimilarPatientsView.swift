import DecisionSupport
import Foundation

/// The outcomes of patients like this one at this site (`#similar-patients`): who counts as similar, how many,
/// and survival from diagnosis by first treatment, every count already governed by the minimum cell count.
struct SimilarPatientsView {
    /// The outcomes, or why there are none in words.
    let outcome: Result<SimilarPatientsOutcome, Unavailable>

    struct Unavailable: Error {
        let message: String
    }

    var html: HTML {
        H.section(.id("similar-patients"), .class("card")) {
            H.h2 { "Outcomes of similar patients at this site" }
            switch outcome {
            case .failure(let reason):
                H.p(.class("muted")) { reason.message }
            case .success(let outcome):
                H.p(.class("summary")) { outcome.summary }
                H.p { "Matched on:" }
                H.ul(.class("criteria")) {
                    for criterion in outcome.criteria {
                        H.li(criterion.applied ? .none : .class("muted")) { criterion.description }
                    }
                }
                table(outcome)
                if outcome.groups.contains(where: { !$0.steps.isEmpty }) {
                    H.figure(.class("chart")) {
                        HTML.trusted(svg: outcome.svg())
                        H.figcaption { Self.caption(outcome) }
                    }
                }
                H.p(.class("muted")) {
                    "Observational data: patients were not assigned their treatment at random, so the groups differ in more than "
                    "treatment. \(outcome.caveat). Counts below \(outcome.minimumCount) are shown as “<\(outcome.minimumCount)”. "
                    DecisionResultView.cite(outcome.source)
                }
            }
        }
    }

    private func table(_ outcome: SimilarPatientsOutcome) -> HTML {
        let years = outcome.groups.first?.landmarks.map(\.years) ?? []
        return H.table(.class("data"), .id("similar-groups")) {
            H.caption { "\(outcome.matched) similar patients, by the treatment recorded in the first \(outcome.treatmentWindowDays) days" }
            H.thead {
                H.tr {
                    H.th(.attr("scope", "col")) { "First treatment" }
                    H.th(.attr("scope", "col"), .class("num")) { "Patients" }
                    for year in years { H.th(.attr("scope", "col"), .class("num")) { "\(year)-year survival (95% CI)" } }
                }
            }
            H.tbody {
                for group in outcome.groups {
                    H.tr {
                        H.th(.attr("scope", "row")) { group.treatment }
                        H.td(.class("num"), .data("count", group.count.description)) { group.count.description }
                        for landmark in group.landmarks { H.td(.class("num")) { Self.survival(landmark) } }
                    }
                }
            }
        }
    }

    /// "82% (74–88%)", or a dash past the follow-up.
    static func survival(_ landmark: SimilarPatientsGroup.Landmark) -> String {
        guard let survival = landmark.survival else { return "—" }
        let interval = landmark.lower.flatMap { lower in landmark.upper.map { " (\(percent(lower))–\(percent($0))%)" } } ?? ""
        return "\(percent(survival))%" + interval
    }

    private static func percent(_ share: Double) -> Int { Int((share * 100).rounded()) }

    /// The curves in words, for those who cannot see them.
    private static func caption(_ outcome: SimilarPatientsOutcome) -> String {
        let groups = outcome.groups.filter { !$0.steps.isEmpty }.map { group in
            let marks = group.landmarks.filter { $0.survival != nil }.map { "\($0.years)-year \(survival($0))" }
            return "\(group.treatment) (\(group.count) patients): " + (marks.isEmpty ? "follow-up too short to read" : marks.joined(separator: ", "))
        }
        return "Survival from diagnosis by first treatment. " + groups.joined(separator: "; ") + "."
    }
}
