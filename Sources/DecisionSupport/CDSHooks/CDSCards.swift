import Foundation
import Ingest

/// How evaluations become cards: the tool's one-sentence summary, a Markdown detail that ends with the
/// sources, the facts used and those missing, so a clinician can see what the answer rests on.
enum CDSCards {
    static func patientView(_ evaluations: [Evaluation]) -> [CDSCard] {
        var cards = evaluations.compactMap { evaluation -> CDSCard? in
            guard evaluation.status == .complete, let output = evaluation.output else { return nil }
            return CDSCard(summary: output.summary, detail: output.detail + "\n\n" + provenance(evaluation),
                           indicator: .info, source: source(evaluation))
        }
        let notComputed = evaluations.filter { $0.status != .complete }
        if !notComputed.isEmpty { cards.append(notComputedCard(notComputed)) }
        return cards
    }

    static func similarPatients(_ outcome: SimilarPatientsOutcome) -> CDSCard {
        CDSCard(summary: outcome.summary, detail: outcome.detail, indicator: .info,
                source: .init(label: "Optima real-world data (observational)", url: nil))
    }

    /// A warning that replaces the selected orders with a guideline-preferred alternative, one suggestion each.
    static func orderWarning(_ check: LungOrderCheck, replacing orders: [JSONValue], patientID: String) -> CDSCard {
        let deletions = orders.compactMap { order -> CDSSuggestion.Action? in
            guard let type = order["resourceType"]?.string, let id = order["id"]?.string else { return nil }
            return .init(type: "delete", description: "Remove the selected draft order \(type)/\(id)", resource: nil, resourceId: "\(type)/\(id)")
        }
        let suggestions = check.preferred.prefix(3).enumerated().map { index, drug in
            CDSSuggestion(
                uuid: UUID().uuidString.lowercased(), label: "Order \(drug) instead", isRecommended: index == 0 ? true : nil,
                actions: deletions + [.init(type: "create", description: "Draft an order for \(drug)",
                                            resource: draftOrder(drug, patientID: patientID), resourceId: nil)])
        }
        return CDSCard(summary: check.summary, detail: check.detail, indicator: .warning, source: .init(check.source),
                       suggestions: suggestions, overrideReasons: CDSCard.guidelineOverrideReasons)
    }

    private static func draftOrder(_ drug: String, patientID: String) -> JSONValue {
        .object(JSONObject([
            .init("resourceType", .string("MedicationRequest")), .init("status", .string("draft")),
            .init("intent", .string("proposal")),
            .init("subject", .object(JSONObject([.init("reference", .string("Patient/\(patientID)"))]))),
            .init("medicationCodeableConcept", .object(JSONObject([.init("text", .string(drug))]))),
        ]))
    }

    /// One card listing the tools that could not answer, and why: the missing facts a clinician could add.
    private static func notComputedCard(_ evaluations: [Evaluation]) -> CDSCard {
        let reasons = evaluations.map { evaluation in
            let blocking = evaluation.missing.filter { $0.effect == .blocks }.map(\.fact)
            let why = evaluation.status == .outOfScope ? "out of scope" : "needs " + blocking.joined(separator: ", ")
            return (evaluation.title, why, evaluation)
        }
        let summary = "Not computed: " + reasons.map { "\($0.0) (\($0.1))" }.joined(separator: "; ")
        let detail = reasons.map { title, why, evaluation in
            var line = "- **\(title)**: \(why)"
            if let note = evaluation.scopeNote { line += ". \(note)" }
            for missing in evaluation.missing where missing.effect == .blocks { line += "\n  - `\(missing.fact)`: \(missing.note)" }
            return line
        }.joined(separator: "\n")
        return CDSCard(summary: summary, detail: detail, indicator: .info,
                       source: .init(label: "Optima decision support", url: nil))
    }

    private static func source(_ evaluation: Evaluation) -> CDSCard.Source {
        evaluation.sources.first.map(CDSCard.Source.init) ?? .init(label: "Optima decision support", url: nil)
    }

    /// Sources, facts used, facts missing and caveats, as Markdown.
    static func provenance(_ evaluation: Evaluation) -> String {
        var parts = ["**Sources:** " + evaluation.sources.map { "\($0.label) (\($0.edition)): \($0.citation)" }.joined(separator: "; ")]
        if !evaluation.used.isEmpty {
            parts.append("**Facts used:** " + evaluation.used.map { "\($0.fact) \($0.value)" }.joined(separator: ", "))
        }
        if !evaluation.missing.isEmpty {
            parts.append("**Missing:** " + evaluation.missing.map { "\($0.fact) (\($0.note))" }.joined(separator: "; "))
        }
        parts += evaluation.caveats.map { "_\($0)_" }
        return parts.joined(separator: "\n\n")
    }
}
