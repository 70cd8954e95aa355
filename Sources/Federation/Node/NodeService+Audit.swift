import Governance

/// What the audit trail learns of one announce or step: who signed it, which study, and aggregate facts (analysis,
/// step, round, refusal code) — never a value of the reply.
struct AuditNote: Sendable {
    var actor = "unverified"
    var resource = "study (unknown)"
    var facts: [String] = []
}

extension NodeService {
    /// Codes of refusals by rule (recorded as denied); any other error is a failure.
    static let refusalCodes: Set<String> = [
        "study-not-approved", "analysis-not-allowed", "budget-spent", "disclosure", "disclosure-guard", "step-not-allowed",
        "node-not-in-study", "masking-key-mismatch", "correction-refused", "unknown-signer", "bad-signature",
        "stale-message", "replayed-message", "bad-envelope",
    ]
    /// Refusals of the envelope itself: recorded under the security purpose.
    static let envelopeCodes: Set<String> = ["unknown-signer", "bad-signature", "stale-message", "replayed-message", "bad-envelope"]

    func record(_ action: String, _ note: AuditNote, outcome: AuditOutcome, purpose: ProcessingPurpose = .federatedResearch) async throws {
        try await prepareTables()
        try await audit.record(AuditEvent(actor: note.actor, role: "node", action: action, resource: note.resource, outcome: outcome,
                                          purpose: purpose, detail: note.facts.isEmpty ? nil : note.facts.joined(separator: ", ")))
    }

    /// Records a refused or failed request; the error's code, never its message (which may quote input).
    func recordFailure(_ action: String, _ note: AuditNote, _ error: any Error) async {
        var note = note
        let code = (error as? FederationError)?.code
        note.facts.append(code.map { "refused \($0)" } ?? "failed \(type(of: error))")
        let refused = code.map(Self.refusalCodes.contains) ?? false
        let purpose: ProcessingPurpose = code.map(Self.envelopeCodes.contains) == true ? .security : .federatedResearch
        try? await record(action, note, outcome: refused ? .denied : .failed, purpose: purpose)
    }
}
