import Foundation
import Governance

/// The audit page's filter and paging, read from the address: `before` (an entry sequence), `actor`, `outcome`.
/// A value that cannot be used is named with its field, and the page shows it beside that field.
struct AuditQuery: Sendable {
    static let pageSize = 50

    var before: Int64?
    var actor: String?
    var outcome: AuditOutcome?
    /// Field name → what is wrong with it.
    var errors: [String: String] = [:]

    init(before: String?, actor: String?, outcome: String?) {
        if let text = before?.trimmingCharacters(in: .whitespaces), !text.isEmpty {
            if let value = Int64(text), value > 0 { self.before = value } else {
                errors["before"] = "Before entry: must be a whole number of at least 1 (got \"\(text)\")"
            }
        }
        if let text = actor?.trimmingCharacters(in: .whitespaces), !text.isEmpty { self.actor = text }
        if let text = outcome, !text.isEmpty {
            if let value = AuditOutcome(rawValue: text) { self.outcome = value } else {
                let known = AuditOutcome.allCases.map(\.rawValue).joined(separator: ", ")
                errors["outcome"] = "Outcome: must be one of \(known) (got \"\(text)\")"
            }
        }
    }

    /// The address of the page of entries below `sequence` with the same filter.
    func address(before sequence: Int64?) -> String {
        var parts: [String] = []
        if let sequence { parts.append("before=\(sequence)") }
        if let actor { parts.append("actor=" + (actor.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? actor)) }
        if let outcome { parts.append("outcome=\(outcome.rawValue)") }
        return WebRoute.audit.path + (parts.isEmpty ? "" : "?" + parts.joined(separator: "&"))
    }
}
