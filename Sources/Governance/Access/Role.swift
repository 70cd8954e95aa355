/// The roles of the platform. A role is a fixed set of permissions, so who may do what is read in one place.
public enum Role: String, Sendable, Hashable, Codable, CaseIterable {
    /// Platform operator: everything, including users and the audit trail.
    case admin
    /// Hospital data steward: imports, consent, erasure and subject access, and the audit trail of the site.
    case dataSteward = "data-steward"
    /// Cohorts and analyses, aggregates only.
    case researcher
    /// Decision support for a patient.
    case clinician
    /// A federation peer (coordinator or data station) answering study steps.
    case node

    /// What the role may do.
    public var permissions: Set<Permission> {
        switch self {
        case .admin:
            Set(Permission.allCases)
        case .dataSteward:
            [.public, .authenticated, .readDataSourceSummary, .readCohorts, .importData, .manageConsent,
             .erasePersons, .exportPersonData, .readAudit]
        case .researcher:
            [.public, .authenticated, .readDataSourceSummary, .defineCohorts, .generateCohorts, .readCohorts, .runAnalyses]
        case .clinician:
            [.public, .authenticated, .readDataSourceSummary, .readPatient]
        case .node:
            [.public, .authenticated, .federate]
        }
    }

    public func allows(_ permission: Permission) -> Bool { permissions.contains(permission) }
}
