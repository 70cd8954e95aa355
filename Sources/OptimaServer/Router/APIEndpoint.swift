import Governance
import HTTPTypes

/// Every endpoint of the server, with where it is, what it needs and what it answers. The router
/// and the OpenAPI document are both built from `allCases`, so they cannot drift apart, and the
/// compiler makes each new endpoint declare a permission.
enum APIEndpoint: CaseIterable, Sendable {
    case health
    case info
    case openAPI
    case metrics
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

    var method: HTTPRequest.Method {
        switch self {
        case .createCohort, .generateCohort, .characterization, .incidence, .survival, .cox, .pathways, .dataSourceSummary: .post
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
        case .listCohorts, .createCohort: "/api/cohorts"
        case .cohort: "/api/cohorts/:id"
        case .generateCohort: "/api/cohorts/:id/generate"
        case .characterization: "/api/analyses/characterization"
        case .incidence: "/api/analyses/incidence"
        case .survival: "/api/analyses/survival"
        case .cox: "/api/analyses/cox"
        case .pathways: "/api/analyses/pathways"
        case .dataSourceSummary: "/api/analyses/summary"
        }
    }

    var summary: String {
        switch self {
        case .health: "Liveness: answers while the server runs."
        case .info: "CDM version, vocabulary version and row counts per table, as `optima info --json`."
        case .openAPI: "This API as an OpenAPI 3.1 document."
        case .metrics: "Request counts and latencies in Prometheus text format."
        case .listCohorts: "The stored cohort definitions: id, name, description."
        case .createCohort: "Store a cohort definition: ATLAS JSON as is, or WebAPI's {name, description, expression}; answers 201 with its id."
        case .cohort: "A cohort definition with its last generation: persons, rows and attrition; counts under the minimum cell count read \"<5\"."
        case .generateCohort: "Generate the cohort into the CDM's cohort table; answers as GET /api/cohorts/{id}."
        case .characterization: "A Table 1 of a target cohort (and a comparator) with SMDs; body: settings as `optima analyze characterize --json` echoes them."
        case .incidence: "Incidence rates per 1,000 person-years, overall and by strata; body: incidence settings."
        case .survival: "Kaplan–Meier survival by strata; body: survival settings; `?format=svg` answers the picture."
        case .cox: "A Cox model on baseline features; body: survival settings with covariates; `?format=svg` answers the forest plot."
        case .dataSourceSummary: "The data source at a glance (persons by age and sex, observation time, records and top concepts per domain); body: optional settings; `?format=svg` answers the age/sex pyramid."
        case .pathways: "Treatment pathways (lines of therapy) as ATLAS counts them; body: pathway settings; `?format=svg` answers the sunburst."
        }
    }

    /// What a caller must be allowed; checked before the handler runs.
    var permission: Permission {
        switch self {
        case .health, .openAPI: .public
        case .info, .metrics: .readDataSourceSummary
        case .listCohorts, .cohort: .readCohorts
        case .createCohort: .defineCohorts
        case .generateCohort: .generateCohorts
        case .characterization, .incidence, .survival, .cox, .pathways: .runAnalyses
        case .dataSourceSummary: .readDataSourceSummary
        }
    }

    var contentType: String {
        switch self {
        case .metrics: "text/plain; version=0.0.4; charset=utf-8"
        default: "application/json"
        }
    }
}
