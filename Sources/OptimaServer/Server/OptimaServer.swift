import CDMStore
import Hummingbird
import Logging
import Prometheus

/// The Optima HTTP server: the API over one CDM database.
public enum OptimaServer {
    /// Builds the application: endpoints behind access control, JSON errors, request logs and metrics.
    /// `runService()` on the result serves until SIGINT or SIGTERM, then finishes in-flight requests.
    public static func makeApplication(
        database: any Database, host: String = "127.0.0.1", port: Int = 8080,
        logger: Logger = Logger(label: "optima.server")
    ) -> some ApplicationProtocol {
        Application(
            router: makeRouter(database: database),
            configuration: .init(address: .hostname(host, port: port), serverName: "Optima"),
            logger: logger)
    }

    static func makeRouter(database: any Database) -> Router<BasicRequestContext> {
        let registry = PrometheusCollectorRegistry()
        let router = Router()
        router.add(middleware: RequestLogMiddleware())
        router.add(middleware: MetricsMiddleware(factory: PrometheusMetricsFactory(registry: registry)))
        router.add(middleware: JSONErrorMiddleware())
        router.addEndpoints(EndpointHandlers(database: database, registry: registry), access: AccessControl())
        return router
    }
}
