/// What a caller must be allowed to do to use an endpoint or a command. Every route declares one; the
/// server refuses to serve a route that declares none, so no endpoint can forget access control.
public enum Permission: String, Sendable, Hashable, Codable, CaseIterable {
    /// Open to anyone: liveness and public discovery documents.
    case `public`
    /// Any valid identity, whatever its role (e.g. "who am I").
    case authenticated
    /// Read a data source's aggregate description (table row counts, versions, metrics).
    case readDataSourceSummary = "read-data-source-summary"
    /// Store cohort definitions.
    case defineCohorts = "define-cohorts"
    /// Generate cohorts into the CDM's cohort table.
    case generateCohorts = "generate-cohorts"
    /// Read cohort definitions and their aggregate counts.
    case readCohorts = "read-cohorts"
    /// Run analyses on generated cohorts and read their aggregate, disclosure-controlled results.
    case runAnalyses = "run-analyses"
    /// Load data into the CDM (OMOP files, vocabularies, FHIR).
    case importData = "import-data"
    /// Record and withdraw objections (opt-outs) in the consent register.
    case manageConsent = "manage-consent"
    /// Erase every row of a person (GDPR article 17).
    case erasePersons = "erase-persons"
    /// Export every row of one person for a data-subject access request (GDPR article 15).
    case exportPersonData = "export-person-data"
    /// Read one patient's facts for decision support at the point of care.
    case readPatient = "read-patient"
    /// Answer a federated study step as a data-station node.
    case federate
    /// Add, list and revoke users, service accounts and their keys; issue tokens.
    case manageUsers = "manage-users"
    /// Read and verify the audit trail.
    case readAudit = "read-audit"

    /// Whether a request without identity may use it.
    public var isPublic: Bool { self == .public }
}
