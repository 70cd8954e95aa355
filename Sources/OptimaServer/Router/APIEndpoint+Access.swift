import Governance
import Hummingbird

extension APIEndpoint {
    /// What a caller must be allowed; checked before the handler runs. Only liveness is public (and, with
    /// decision support, the CDS Hooks discovery document).
    var permission: Permission {
        switch self {
        case .health, .cdsDiscovery: .public
        case .me, .openAPI: .authenticated
        case .info, .metrics, .dataSourceSummary: .readDataSourceSummary
        case .listCohorts, .cohort: .readCohorts
        case .createCohort: .defineCohorts
        case .generateCohort: .generateCohorts
        case .characterization, .incidence, .survival, .cox, .pathways, .exploreCounts, .exploreTree: .runAnalyses
        case .erasePerson: .erasePersons
        case .exportPerson: .exportPersonData
        case .recordObjection, .withdrawObjection, .consentStatus: .manageConsent
        case .listUsers, .createUser, .revokeUser, .issueToken: .manageUsers
        case .auditEntries, .auditVerification, .auditReport: .readAudit
        case .fhirEverything, .cdsInvocation, .cdsFeedback, .decisionSupport, .similarPatients, .listModels, .predictModel: .readPatient
        case .fhirImport: .importData
        }
    }

    /// What the audit trail names as the resource: a cohort or user by its id, never a patient.
    func resource(_ context: BasicRequestContext) -> String {
        switch self {
        case .cohort, .generateCohort: "cohort \(context.parameters.get("id") ?? "?")"
        case .revokeUser, .issueToken: "user \(context.parameters.get("name") ?? "?")"
        case .health, .openAPI, .info, .fhirImport: "database"
        case .metrics: "metrics"
        case .me: "identity"
        case .listCohorts, .createCohort: "cohorts"
        case .characterization: "analysis characterization"
        case .incidence: "analysis incidence"
        case .survival: "analysis survival"
        case .cox: "analysis cox"
        case .pathways: "analysis pathways"
        case .dataSourceSummary: "analysis summary"
        case .exploreCounts, .exploreTree: "explore"
        case .erasePerson, .exportPerson, .fhirEverything: "person"
        case .cdsDiscovery: "cds services"
        case .cdsInvocation: "person, cds service \(context.parameters.get("id") ?? "?")"
        case .cdsFeedback: "cds service \(context.parameters.get("id") ?? "?") feedback"
        case .decisionSupport: "person, decision support \(context.parameters.get("tool") ?? "?")"
        case .similarPatients: "similar-patient outcomes"
        case .listModels: "registered models"
        case .predictModel: "model \(context.parameters.get("name") ?? "?")"
        case .recordObjection, .withdrawObjection, .consentStatus: "consent register"
        case .listUsers, .createUser: "users"
        case .auditEntries, .auditVerification, .auditReport: "audit trail"
        }
    }
}
