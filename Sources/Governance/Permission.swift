/// What a caller must be allowed to do to use an endpoint. Every route declares one; the
/// server refuses to serve a route that declares none, so no endpoint can forget access control.
public enum Permission: String, Sendable, Hashable, Codable, CaseIterable {
    /// Open to anyone: liveness and public discovery documents.
    case `public`
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

    /// Whether a request without identity may use it.
    public var isPublic: Bool { self == .public }
}
