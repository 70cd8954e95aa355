/// Why personal data is processed, as the GDPR article 30 record of processing names it. Every audit
/// event carries one, so `optima audit report` can summarise processing by purpose.
public enum ProcessingPurpose: String, Sendable, Hashable, Codable, CaseIterable {
    /// Scientific research on pseudonymised data (article 89): cohorts and analyses.
    case research
    /// Running the data station: imports, schema, vocabulary.
    case dataManagement = "data-management"
    /// Honouring data subjects' rights: access, objection, erasure (articles 15, 17, 21).
    case dataSubjectRights = "data-subject-rights"
    /// Care of an individual patient: decision support.
    case care
    /// Federated studies answered for a coordinator.
    case federatedResearch = "federated-research"
    /// Managing identities and access.
    case administration
    /// Security of processing (article 32): failed logins, refused requests, audit checks.
    case security
}

extension Permission {
    /// The purpose under which using this permission is recorded.
    public var purpose: ProcessingPurpose {
        switch self {
        case .public, .authenticated, .manageUsers: .administration
        case .readDataSourceSummary, .importData: .dataManagement
        case .defineCohorts, .generateCohorts, .readCohorts, .runAnalyses: .research
        case .manageConsent, .erasePersons, .exportPersonData: .dataSubjectRights
        case .readPatient: .care
        case .federate: .federatedResearch
        case .readAudit: .security
        }
    }
}
