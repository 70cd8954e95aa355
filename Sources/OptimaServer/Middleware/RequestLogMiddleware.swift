import Foundation
import Governance
import Hummingbird

/// Logs one line per request: method, route pattern (never the concrete path or query, which
/// may hold identifiers), status and duration, tagged with the request id.
struct RequestLogMiddleware<Context: RequestContext>: RouterMiddleware {
    func handle(_ request: Request, context: Context, next: (Request, Context) async throws -> Response) async throws -> Response {
        let started = ContinuousClock.now
        let response = try await next(request, context)
        let elapsed = ContinuousClock.now - started
        let milliseconds = Double(elapsed.components.seconds) * 1000 + Double(elapsed.components.attoseconds) / 1e15
        context.logger.info("request", metadata: [
            "http.method": "\(request.method.rawValue)",
            "http.route": "\(RequestLogPolicy.loggablePath(routePattern: context.endpointPath, path: request.uri.path))",
            "http.status": "\(response.status.code)",
            "duration_ms": "\(String(format: "%.2f", milliseconds))",
        ])
        return response
    }
}
