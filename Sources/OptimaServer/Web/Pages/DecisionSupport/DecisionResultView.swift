import DecisionSupport
import Foundation

/// What the tools say about one patient, for the clinician and the patient: each tool's answer with the facts it
/// used and missed and its sources (`#tool-result`), the answers in plain words (`#plain-language`), the icon
/// arrays (`#icon-array`), and the outcomes of similar patients at this site (`#similar-patients`).
struct DecisionResultView {
    let evaluations: [Evaluation]
    let similar: SimilarPatientsView

    @HTMLBuilder var html: HTML {
        H.section(.id("tool-result"), .class("card"), .aria("live", "polite")) {
            H.h2 { evaluations.count == 1 ? "Result" : "Results" }
            for evaluation in evaluations { result(evaluation) }
        }
        H.section(.id("plain-language"), .class("card")) {
            H.h2 { "In plain language" }
            for evaluation in evaluations { plain(evaluation) }
        }
        let pictures = evaluations.compactMap { evaluation in evaluation.output?.iconArray.flatMap { picture in (try? picture.svg).map { (picture, $0) } } }
        if !pictures.isEmpty {
            H.section(.id("icon-array"), .class("card")) {
                H.h2 { "Out of 100 people" }
                for (picture, svg) in pictures {
                    H.figure(.class("chart")) {
                        HTML.trusted(svg: svg)
                        H.figcaption { picture.caption + ": " + picture.categories.map { "\($0.count) \($0.label)" }.joined(separator: ", ") + "." }
                    }
                }
            }
        }
        similar.html
    }

    private func result(_ evaluation: Evaluation) -> HTML {
        H.article(.class("tool-result"), .id("result-\(evaluation.tool.rawValue)"), .data("status", evaluation.status.rawValue)) {
            H.h3 {
                evaluation.title
                " "
                Self.badge(evaluation.status)
            }
            if let output = evaluation.output {
                H.p(.class("summary")) { H.strong { output.summary } }
                MarkdownView(text: output.detail, tableCaption: evaluation.title).html
            }
            if let note = evaluation.scopeNote { H.p(.class("scope-note")) { note } }
            if !evaluation.missing.isEmpty {
                H.p { H.strong { "Missing facts" } }
                H.ul(.class("missing")) {
                    for missing in evaluation.missing {
                        H.li(.data("fact", missing.fact)) { "\(ToolForm.label(of: missing.fact)) — \(Self.effect(missing.effect)): \(missing.note)" }
                    }
                }
            }
            if !evaluation.used.isEmpty {
                H.details {
                    H.summary { "Facts used (\(evaluation.used.count))" }
                    H.dl(.class("used")) {
                        for used in evaluation.used {
                            H.dt { ToolForm.label(of: used.fact) }
                            H.dd { used.value }
                        }
                    }
                }
            }
            if !evaluation.caveats.isEmpty { H.ul(.class("caveats muted")) { for caveat in evaluation.caveats { H.li { caveat } } } }
            H.p(.class("sources muted")) {
                evaluation.sources.count == 1 ? "Source: " : "Sources: "
                for (index, source) in evaluation.sources.enumerated() {
                    if index > 0 { "; " }
                    Self.cite(source)
                }
            }
        }
    }

    private func plain(_ evaluation: Evaluation) -> HTML {
        H.article(.class("plain"), .data("tool", evaluation.tool.rawValue)) {
            H.h3 { evaluation.title }
            H.p(.class("for-clinician")) {
                H.strong { "For the clinician: " }
                clinicianWords(evaluation)
            }
            H.p(.class("for-patient")) {
                H.strong { "For the patient: " }
                patientWords(evaluation)
            }
        }
    }

    private func clinicianWords(_ evaluation: Evaluation) -> String {
        switch evaluation.status {
        case .complete: return (evaluation.output?.summary ?? evaluation.title) + "."
        case .outOfScope: return evaluation.scopeNote ?? "The patient is outside the population this tool was made for."
        case .blocked:
            let blocking = evaluation.missing.filter { $0.effect == .blocks }.map { ToolForm.label(of: $0.fact) }
            return "Not answered: it needs " + (blocking.isEmpty ? "more facts" : blocking.joined(separator: ", ")) + "."
                + (evaluation.scopeNote.map { " \($0)" } ?? "")
        }
    }

    /// The tool's own words for patients where it has them; otherwise neutral words that leave the meaning to
    /// the conversation with the care team (to inform, not to persuade).
    private func patientWords(_ evaluation: Evaluation) -> String {
        switch evaluation.status {
        case .complete:
            if let words = evaluation.output?.patientExplanation { return words }
            return "Your care team uses this to plan treatment. The result is: \(evaluation.output?.summary ?? evaluation.title). "
                + "Ask them what it means for you."
        case .outOfScope: return "This tool was not made for your situation, so it gives no answer for you."
        case .blocked: return "This tool cannot give an answer yet: some results it needs are not known."
        }
    }

    static func badge(_ status: Evaluation.Status) -> HTML {
        switch status {
        case .complete: H.span(.class("badge badge-ok")) { "answered" }
        case .blocked: H.span(.class("badge badge-warn")) { "facts missing" }
        case .outOfScope: H.span(.class("badge badge-bad")) { "out of scope" }
        }
    }

    private static func effect(_ effect: MissingFact.Effect) -> String {
        switch effect {
        case .blocks: "needed for an answer"
        case .widensUncertainty: "the answer is less certain"
        case .skipsCriterion: "a criterion was skipped"
        }
    }

    /// The citation, linked when the source has a web address.
    static func cite(_ source: RuleSource) -> HTML {
        let text = "\(source.label) (\(source.edition)). \(source.citation)"
        guard let url = source.url, url.hasPrefix("https://") || url.hasPrefix("http://") else { return .text(text) }
        return H.a(.href(url), .attr("rel", "noopener")) { text }
    }
}
