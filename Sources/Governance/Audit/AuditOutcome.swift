/// How an audited action ended, so a reader can tell refused access from failures and from no-ops.
public enum AuditOutcome: String, Sendable, Codable, CaseIterable {
    case success
    /// Refused: no valid identity (401) or the wrong role (403).
    case denied
    case failed
    /// Nothing to do: an idempotent repeat (e.g. erasing a person already erased).
    case unchanged
}
