import CoreMetrics
import Governance
import Hummingbird

/// Counts requests and times them per method, route pattern and status, into the given
/// metrics factory (the server's Prometheus registry), with swift-metrics' types.
struct MetricsMiddleware<Context: RequestContext>: RouterMiddleware {
    let factory: any MetricsFactory

    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let started = ContinuousClock.now
        var status = 500
        defer {
            let route = RequestLogPolicy.loggablePath(routePattern: context.endpointPath, path: request.uri.path)
            let dimensions = [("method", request.method.rawValue), ("route", route), ("status", String(status))]
            Counter(label: "optima_http_requests_total", dimensions: dimensions, factory: factory).increment()
            let elapsed = ContinuousClock.now - started
            let nanoseconds = elapsed.components.seconds * 1_000_000_000 + elapsed.components.attoseconds / 1_000_000_000
            Timer(label: "optima_http_request_duration_seconds", dimensions: dimensions, factory: factory)
                .recordNanoseconds(nanoseconds)
        }
        let response = try await next(request, context)
        status = Int(response.status.code)
        return response
    }
}
