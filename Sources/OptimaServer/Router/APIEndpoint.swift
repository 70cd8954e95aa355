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

    var method: HTTPRequest.Method { .get }

    /// The path in Hummingbird's form, e.g. `/api/info`.
    var path: String {
        switch self {
        case .health: "/health"
        case .info: "/api/info"
        case .openAPI: "/api/openapi.json"
        case .metrics: "/metrics"
        }
    }

    var summary: String {
        switch self {
        case .health: "Liveness: answers while the server runs."
        case .info: "CDM version, vocabulary version and row counts per table, as `optima info --json`."
        case .openAPI: "This API as an OpenAPI 3.1 document."
        case .metrics: "Request counts and latencies in Prometheus text format."
        }
    }

    /// What a caller must be allowed; checked before the handler runs.
    var permission: Permission {
        switch self {
        case .health, .openAPI: .public
        case .info, .metrics: .readDataSourceSummary
        }
    }

    var contentType: String {
        switch self {
        case .metrics: "text/plain; version=0.0.4; charset=utf-8"
        default: "application/json"
        }
    }
}
