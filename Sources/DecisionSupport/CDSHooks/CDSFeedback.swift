import Foundation
import Ingest

/// One item of a feedback call (`POST /cds-services/{id}/feedback`, reference §1.6): what the clinician did with
/// a card. The free-text `userComment` is read but not kept: it may name the patient.
public struct CDSFeedback: Sendable, Equatable, Encodable {
    public enum Outcome: String, Sendable, Encodable {
        case accepted, overridden
    }

    /// The code system of Optima's override reasons (`CDSCard.guidelineOverrideReasons`).
    public static let overrideReasonSystem = "https://optima.example.org/cds/override-reason"

    public let card: String
    public let outcome: Outcome
    public let acceptedSuggestions: [String]
    public let overrideReasonCode: String?
    public let outcomeTimestamp: Date

    /// Reads every item of a feedback body, naming the first member that breaks the specification.
    public static func items(json: JSONValue) throws(CDSHooksError) -> [CDSFeedback] {
        guard let list = json["feedback"]?.array, !list.isEmpty else {
            throw .badRequest("feedback is required and must be a non-empty array")
        }
        return try list.enumerated().map { index, item throws(CDSHooksError) in try CDSFeedback(item, at: "feedback[\(index)]") }
    }

    private init(_ item: JSONValue, at path: String) throws(CDSHooksError) {
        guard let card = item["card"]?.string, !card.isEmpty else { throw .badRequest("\(path).card is required") }
        guard let outcomeText = item["outcome"]?.string, let outcome = Outcome(rawValue: outcomeText) else {
            throw .badRequest("\(path).outcome must be accepted or overridden")
        }
        let accepted = item["acceptedSuggestions"]?.elements.compactMap { $0["id"]?.string } ?? []
        if outcome == .accepted && accepted.isEmpty {
            throw .badRequest("\(path).acceptedSuggestions is required when the outcome is accepted")
        }
        guard let stamp = item["outcomeTimestamp"]?.string, let date = Self.date(stamp) else {
            throw .badRequest("\(path).outcomeTimestamp is required, as ISO-8601 UTC")
        }
        if let reason = item["overrideReason"], reason["reason"] != nil, reason["reason"]?["code"]?.string == nil {
            throw .badRequest("\(path).overrideReason.reason must be a Coding with a code")
        }
        self.card = card
        self.outcome = outcome
        acceptedSuggestions = accepted
        overrideReasonCode = item["overrideReason"]?["reason"]?["code"]?.string
        outcomeTimestamp = date
    }

    private static func date(_ text: String) -> Date? {
        if let date = try? Date(text, strategy: .iso8601) { return date }
        return try? Date(text, strategy: Date.ISO8601FormatStyle(includingFractionalSeconds: true))
    }
}
