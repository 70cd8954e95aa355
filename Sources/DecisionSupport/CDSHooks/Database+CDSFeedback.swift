import CDMStore
import Foundation
import Governance

extension Database {
    /// Keeps what clinicians did with cards, for evidence on how the tools are used: the service, the card, the
    /// outcome and the override reason code. No comment text and nothing about the patient is stored.
    public func recordCDSFeedback(_ items: [CDSFeedback], serviceID: String, now: Date = Date()) async throws {
        try await execute("""
            CREATE TABLE IF NOT EXISTS optima_cds_feedback (
              service_id TEXT NOT NULL, card_uuid TEXT NOT NULL, outcome TEXT NOT NULL, override_reason TEXT,
              accepted_suggestions INTEGER NOT NULL, outcome_at TEXT NOT NULL, recorded_at TEXT NOT NULL)
            """)
        let recorded = GovernanceClock.text(now)
        let statements = items.map { item in
            SQLStatement(
                "INSERT INTO optima_cds_feedback VALUES (?, ?, ?, ?, ?, ?, ?)",
                [.text(serviceID), .text(item.card), .text(item.outcome.rawValue), item.overrideReasonCode.map { .text($0) } ?? .null,
                 .integer(Int64(item.acceptedSuggestions.count)), .text(GovernanceClock.text(item.outcomeTimestamp)), .text(recorded)])
        }
        try await transaction(statements)
    }

    /// Feedback counts per service, outcome and override reason.
    public func cdsFeedbackCounts() async throws -> [(serviceID: String, outcome: String, overrideReason: String?, count: Int)] {
        let exists = try await columns(of: "optima_cds_feedback")
        guard !exists.isEmpty else { return [] }
        return try await query("""
            SELECT service_id, outcome, override_reason, COUNT(*) FROM optima_cds_feedback
            GROUP BY service_id, outcome, override_reason ORDER BY service_id, outcome, override_reason
            """).map { row in
            (row[0].textValue ?? "", row[1].textValue ?? "", row[2].textValue, Int(row[3].integerValue ?? 0))
        }
    }
}
