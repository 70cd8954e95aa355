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
    /// errors, request logs and metrics, and the web application's pages; HTTPS when `tls` is given; `onServerRunning`
    /// learns the bound port (port 0 asks for any free one). `runService()` on the result serves
    /// until SIGINT or SIGTERM, then finishes in-flight requests.
    public static func makeApplication(
        database: any Database, security: ServerSecurity, host: String = "127.0.0.1", port: Int = 8080,
        tls: TLSFiles? = nil, web: WebSettings = WebSettings(), logger: Logger = Logger(label: "optima.server"),
        onServerRunning: @escaping @Sendable (Int) async -> Void = { _ in }
    ) throws -> some ApplicationProtocol {
        var web = web
        web.secureCookies = web.secureCookies || tls != nil
        let (router, warmUp) = try makeServer(database: database, security: security, web: web)
        return Application(
            router: router,
            server: try tls.map { try .tls(.http1(), tlsConfiguration: $0.configuration()) } ?? .http1(),
            configuration: .init(address: .hostname(host, port: port), serverName: "Optima"),
            onServerRunning: { channel in
                Task.detached(priority: .background) { await warmUp(logger) }
                await onServerRunning(channel.localAddress?.port ?? port)
            },
            logger: logger)
    }

    /// Throws `RuleFileError` when a decision-support rule file is missing from the bundle.
    static func makeRouter(database: any Database, security: ServerSecurity, web: WebSettings = WebSettings()) throws -> Router<BasicRequestContext> {
        try makeServer(database: database, security: security, web: web).router
    }

    /// The router, and what fills its caches once the server listens — the exploration indexes and tree, the data
    /// source's portrait — so the first researcher does not wait seconds for them on a large database.
    static func makeServer(database: any Database, security: ServerSecurity, web: WebSettings) throws
        -> (router: Router<BasicRequestContext>, warmUp: @Sendable (Logger) async -> Void) {
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
        return (router, { logger in
            do {
                try await explore.prepare()
                _ = try await explore.tree(parent: nil)
                _ = try await SourcesPortraitCache.shared.portrait(of: database, minimumCount: web.minimumCount)
            } catch {
                logger.warning("warming the page caches failed; pages compute on first use", metadata: ["error.type": "\(type(of: error))"])
            }
        })
    }
}
