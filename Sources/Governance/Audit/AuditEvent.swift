/// One thing that happened, as the audit trail records it: who, what, on which resource, why, and how it ended.
/// It carries no identifier of a patient, only aggregate facts, so the trail itself is not patient data.
public struct AuditEvent: Sendable, Equatable, Codable {
    /// The principal's name, "anonymous", or "local:USER" for the command line.
    public var actor: String
    public var role: String?
    /// E.g. "GET /api/cohorts/:id", "import omop", "person erase".
    public var action: String
    /// E.g. "cohort 3", "person", "database": never an identifier of a patient.
    public var resource: String
    public var outcome: AuditOutcome
    public var purpose: ProcessingPurpose
    public var requestID: String?
    /// Aggregate facts only (e.g. "rows 1234").
    public var detail: String?

    public init(actor: String, role: String? = nil, action: String, resource: String, outcome: AuditOutcome = .success,
                purpose: ProcessingPurpose, requestID: String? = nil, detail: String? = nil) {
        self.actor = actor
        self.role = role
        self.action = action
        self.resource = resource
        self.outcome = outcome
        self.purpose = purpose
        self.requestID = requestID
        self.detail = detail
    }
}
