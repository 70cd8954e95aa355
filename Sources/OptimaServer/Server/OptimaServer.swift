import CDMStore
import DecisionSupport
import Evidence
import Hummingbird
import HummingbirdTLS
import Logging
import Prometheus

/// The Optima HTTP server: the API over one CDM database.
public enum OptimaServer {
    /// Builds the application: endpoints behind authentication, permissions and the audit trail, JSON
    /// errors, request logs and metrics; HTTPS when `tls` is given. `runService()` on the result serves
    /// until SIGINT or SIGTERM, then finishes in-flight requests.
    public static func makeApplication(
        database: any Database, security: ServerSecurity, host: String = "127.0.0.1", port: Int = 8080,
        tls: TLSFiles? = nil, web: WebSettings = WebSettings(), logger: Logger = Logger(label: "optima.server")
    ) throws -> some ApplicationProtocol {
        var web = web
        web.secureCookies = web.secureCookies || tls != nil
        return Application(
            router: try makeRouter(database: database, security: security, web: web),
            server: try tls.map { try .tls(.http1(), tlsConfiguration: $0.configuration()) } ?? .http1(),
            configuration: .init(address: .hostname(host, port: port), serverName: "Optima"),
            logger: logger)
    }

    /// Throws `RuleFileError` when a decision-support rule file is missing from the bundle.
    static func makeRouter(database: any Database, security: ServerSecurity, web: WebSettings = WebSettings()) throws -> Router<BasicRequestContext> {
        let registry = PrometheusCollectorRegistry()
        let router = Router()
        router.add(middleware: RequestLogMiddleware())
        router.add(middleware: MetricsMiddleware(factory: PrometheusMetricsFactory(registry: registry)))
        router.add(middleware: SecurityHeadersMiddleware())
        router.add(middleware: JSONErrorMiddleware())
        let tools = try DecisionTools()
        let explore = ExploreEngine(database: database, minimumCount: web.minimumCount)
        let similarCases = SimilarPatientCaseCache()
        router.addEndpoints(
            EndpointHandlers(database: database, registry: registry, security: security, cdsService: CDSHooksService(tools: tools),
                             similarCases: similarCases, explore: explore),
            access: AccessControl(authenticator: security.authenticator, audit: security.audit, sessions: security.sessions, database: database))
        router.addPages(WebGate(handlers: WebHandlers(
            database: database, security: security, explore: explore, decisionTools: tools, similarCases: similarCases, settings: web,
            assets: try WebAssets.load())))
        return router
    }
}
