import Governance
import HTTPTypes

/// Every page of the web application, with where it is and what it needs, as `APIEndpoint` does for the API: the
/// router is built from `allCases`, so no page can be served without declaring a permission.
enum WebRoute: CaseIterable, Sendable {
    case home, signIn, signInSubmit, signOut, asset
    case sources
    case explore, exploreSave
    case vocabulary, concept, conceptSets, conceptSetNew, conceptSetCreate, conceptSet
    case cohorts, cohortNew, cohortCreate, cohortImport, cohortPage, cohortGenerate, cohortDefinition
    case analyses, analysis
    case studies, study
    case decisionSupport, decisionTool, decisionToolRun, patientDecisionSupport
    case audit

    var method: HTTPRequest.Method {
        switch self {
        case .signInSubmit, .signOut, .exploreSave, .conceptSetCreate, .cohortCreate, .cohortImport, .cohortGenerate,
             .decisionToolRun, .patientDecisionSupport: .post
        default: .get
        }
    }

    var path: String {
        switch self {
        case .home: "/"
        case .signIn, .signInSubmit: "/sign-in"
        case .signOut: "/sign-out"
        case .asset: "/assets/:file"
        case .sources: "/sources"
        case .explore: "/explore"
        case .exploreSave: "/explore/save"
        case .vocabulary: "/vocabulary"
        case .concept: "/vocabulary/concepts/:id"
        case .conceptSets, .conceptSetCreate: "/concept-sets"
        case .conceptSetNew: "/concept-sets/new"
        case .conceptSet: "/concept-sets/:id"
        case .cohorts, .cohortCreate: "/cohorts"
        case .cohortNew: "/cohorts/new"
        case .cohortImport: "/cohorts/import"
        case .cohortPage: "/cohorts/:id"
        case .cohortGenerate: "/cohorts/:id/generate"
        case .cohortDefinition: "/cohorts/:id/definition.json"
        case .analyses: "/analyses"
        case .analysis: "/analyses/:kind"
        case .studies: "/studies"
        case .study: "/studies/:id"
        case .decisionSupport: "/decision-support"
        case .decisionTool, .decisionToolRun: "/decision-support/:tool"
        case .patientDecisionSupport: "/decision-support/patient"
        case .audit: "/audit"
        }
    }

    /// What the signed-in user must be allowed; `public` pages need no session.
    var permission: Permission {
        switch self {
        case .home, .signIn, .signInSubmit, .asset: .public
        case .signOut: .authenticated
        case .sources: .readDataSourceSummary
        case .explore, .analyses, .analysis: .runAnalyses
        case .exploreSave, .conceptSetNew, .conceptSetCreate, .cohortNew, .cohortCreate, .cohortImport: .defineCohorts
        case .vocabulary, .concept, .conceptSets, .conceptSet, .cohorts, .cohortPage, .cohortDefinition, .studies, .study: .readCohorts
        case .cohortGenerate: .generateCohorts
        case .decisionSupport, .decisionTool, .decisionToolRun, .patientDecisionSupport: .readPatient
        case .audit: .readAudit
        }
    }

    /// What the audit trail names: an object by its id where there is one, never a patient.
    func resource(_ web: WebRequest) -> String {
        switch self {
        case .concept: "concept \(web.pathParameter("id") ?? "?")"
        case .conceptSet: "concept set \(web.pathParameter("id") ?? "?")"
        case .cohortPage, .cohortGenerate, .cohortDefinition: "cohort \(web.pathParameter("id") ?? "?")"
        case .analysis: "analysis \(web.pathParameter("kind") ?? "?")"
        case .study: "study \(web.pathParameter("id") ?? "?")"
        case .decisionTool, .decisionToolRun: "decision support \(web.pathParameter("tool") ?? "?")"
        case .patientDecisionSupport: "person, decision support"
        default: "page \(path)"
        }
    }
}
