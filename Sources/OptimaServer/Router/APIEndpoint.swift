import HTTPTypes

/// Every endpoint of the server, with where it is, what it needs and what it answers. The router
/// and the OpenAPI document are both built from `allCases`, so they cannot drift apart, and the
/// compiler makes each new endpoint declare a permission (`APIEndpoint+Access`).
enum APIEndpoint: CaseIterable, Sendable {
    case health
    case info
    case openAPI
    case metrics
    case me
    case listCohorts
    case createCohort
    case cohort
    case generateCohort
    case characterization
    case incidence
    case survival
    case cox
    case pathways
    case dataSourceSummary
    case erasePerson
    case exportPerson
    case recordObjection
    case withdrawObjection
    case consentStatus
    case listUsers
    case createUser
    case revokeUser
    case issueToken
    case auditEntries
    case auditVerification
    case auditReport
    case fhirEverything
    case fhirImport
    case cdsDiscovery
    case cdsInvocation
    case cdsFeedback
    case decisionSupport
    case similarPatients
    case listModels
    case predictModel
    case exploreCounts
    case exploreTree

    var method: HTTPRequest.Method {
        switch self {
        case .createCohort, .generateCohort, .characterization, .incidence, .survival, .cox, .pathways, .dataSourceSummary,
             .erasePerson, .exportPerson, .recordObjection, .withdrawObjection, .createUser, .revokeUser, .issueToken, .fhirImport,
             .cdsInvocation, .cdsFeedback, .decisionSupport, .similarPatients, .predictModel, .exploreCounts: .post
        default: .get
        }
    }

    /// The path in Hummingbird's form, e.g. `/api/info`.
    var path: String {
        switch self {
        case .health: "/health"
        case .info: "/api/info"
        case .openAPI: "/api/openapi.json"
        case .metrics: "/metrics"
        case .me: "/api/me"
        case .listCohorts, .createCohort: "/api/cohorts"
        case .cohort: "/api/cohorts/:id"
        case .generateCohort: "/api/cohorts/:id/generate"
        case .characterization: "/api/analyses/characterization"
        case .incidence: "/api/analyses/incidence"
        case .survival: "/api/analyses/survival"
        case .cox: "/api/analyses/cox"
        case .pathways: "/api/analyses/pathways"
        case .dataSourceSummary: "/api/analyses/summary"
        case .erasePerson: "/api/persons/erase"
        case .exportPerson: "/api/persons/export"
        case .recordObjection: "/api/consent/objections"
        case .withdrawObjection: "/api/consent/withdrawals"
        case .consentStatus: "/api/consent"
        case .listUsers, .createUser: "/api/users"
        case .revokeUser: "/api/users/:name/revoke"
        case .issueToken: "/api/users/:name/tokens"
        case .auditEntries: "/api/audit"
        case .auditVerification: "/api/audit/verify"
        case .auditReport: "/api/audit/report"
        case .fhirEverything: "/api/fhir/Patient/:id/$everything"
        case .fhirImport: "/api/fhir/import"
        case .cdsDiscovery: "/cds-services"
        case .cdsInvocation: "/cds-services/:id"
        case .cdsFeedback: "/cds-services/:id/feedback"
        case .decisionSupport: "/api/decision-support/:tool"
        case .similarPatients: "/api/outcomes/similar-patients"
        case .listModels: "/api/models"
        case .predictModel: "/api/models/:name/predict"
        case .exploreCounts: "/api/explore/counts"
        case .exploreTree: "/api/explore/tree"
        }
    }

    var contentType: String {
        switch self {
        case .metrics: "text/plain; version=0.0.4; charset=utf-8"
        case .fhirEverything: "application/fhir+json"
        default: "application/json"
        }
    }
}
