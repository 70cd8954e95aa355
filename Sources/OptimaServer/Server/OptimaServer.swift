import CDMStore
import DecisionSupport
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
        tls: TLSFiles? = nil, logger: Logger = Logger(label: "optima.server")
    ) throws -> some ApplicationProtocol {
        Application(
            router: try makeRouter(database: database, security: security),
            server: try tls.map { try .tls(.http1(), tlsConfiguration: $0.configuration()) } ?? .http1(),
            configuration: .init(address: .hostname(host, port: port), serverName: "Optima"),
            logger: logger)
    }

    /// Throws `RuleFileError` when a decision-support rule file is missing from the bundle.
    static func makeRouter(database: any Database, security: ServerSecurity) throws -> Router<BasicRequestContext> {
        let registry = PrometheusCollectorRegistry()
        let router = Router()
        router.add(middleware: RequestLogMiddleware())
        router.add(middleware: MetricsMiddleware(factory: PrometheusMetricsFactory(registry: registry)))
        router.add(middleware: JSONErrorMiddleware())
        router.addEndpoints(
            EndpointHandlers(database: database, registry: registry, security: security, cdsService: CDSHooksService(tools: try DecisionTools())),
            access: AccessControl(authenticator: security.authenticator, audit: security.audit))
        return router
    }
}
