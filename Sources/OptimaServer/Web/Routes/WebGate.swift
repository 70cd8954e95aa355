import Foundation
import Governance
import Hummingbird

/// Where a browser request meets the rules before any page runs: the session cookie names the user (looked up
/// again, so a revoked user is out at once), the route's permission is checked, a POST must carry the session's
/// CSRF token, and every page a signed-in user opens — or is refused — is recorded in the audit trail.
struct WebGate: Sendable {
    let handlers: WebHandlers
    /// Largest form body read (a pasted ATLAS cohort definition fits many times over).
    static let maximumFormBytes = 4 << 20

    func handle(_ route: WebRoute, _ request: Request, _ context: BasicRequestContext) async throws -> Response {
        let session = await currentSession(request)
        let principal = try await session.asyncFlatMap { try await handlers.database.activePrincipal(named: $0.userName) }
        var web = WebRequest(request: request, context: context, principal: principal, csrfToken: principal == nil ? "" : session?.csrfToken ?? "",
                             formData: nil)
        if route.permission.isPublic {
            if route.method == .post { web = try await withForm(web, request) }
            return try await respond(route, web)
        }
        guard let principal, let session else {
            return route.method == .get ? handlers.redirect(to: "/sign-in?next=\(Self.escapedPath(request))") : handlers.redirect(to: "/sign-in")
        }
        guard principal.can(route.permission) else {
            try await record(route, web, outcome: .denied, purpose: .security, detail: "role \(principal.role.rawValue) lacks \(route.permission.rawValue)")
            return handlers.problem(web, status: .forbidden, title: "Not allowed",
                                    message: "Your role (\(principal.role.rawValue)) may not \(route.permission.rawValue).")
        }
        if route.method == .post {
            web = try await withForm(web, request)
            let token = web.formData?.value(WebSession.csrfField) ?? request.headers[.csrfToken]
            guard WebSessionStore.matches(token, session.csrfToken) else {
                try await record(route, web, outcome: .denied, purpose: .security, detail: "missing or wrong CSRF token")
                return handlers.problem(web, status: .forbidden, title: "Form expired",
                                        message: "This form was not sent from the current page. Reload the page and try again.")
            }
        }
        let response = try await respond(route, web)
        try await record(route, web, outcome: response.status.code < 400 ? .success : .failed, purpose: route.permission.purpose,
                         detail: response.status.code < 400 ? nil : "status \(response.status.code)")
        return response
    }

    /// Runs the page; a thrown HTTP error becomes an error page with its message, anything else a 500 that names
    /// only the request id (the log has the error's type, never data).
    private func respond(_ route: WebRoute, _ web: WebRequest) async throws -> Response {
        do {
            return try await handlers.respond(to: route, web)
        } catch let error as HTTPError {
            return handlers.problem(web, status: error.status, title: error.status.reasonPhrase.capitalized, message: error.body ?? error.status.reasonPhrase)
        } catch {
            web.context.logger.error("page failed", metadata: ["error.type": "\(type(of: error))"])
            return handlers.problem(web, status: .internalServerError, title: "Something went wrong",
                                    message: "The page could not be made; the server log has request \(web.context.id).")
        }
    }

    private func currentSession(_ request: Request) async -> WebSession? {
        guard let id = request.cookies[WebSession.cookie]?.value else { return nil }
        return await handlers.security.sessions.session(id: id)
    }

    private func withForm(_ web: WebRequest, _ request: Request) async throws -> WebRequest {
        let contentType = request.headers[.contentType] ?? ""
        guard contentType.hasPrefix("application/x-www-form-urlencoded") else { return web }
        let body = try await request.body.collect(upTo: Self.maximumFormBytes)
        return WebRequest(request: web.request, context: web.context, principal: web.principal, csrfToken: web.csrfToken,
                          formData: try FormData(urlEncoded: String(buffer: body)))
    }

    private func record(_ route: WebRoute, _ web: WebRequest, outcome: AuditOutcome, purpose: ProcessingPurpose, detail: String?) async throws {
        try await handlers.security.audit.record(AuditEvent(
            actor: web.principal?.name ?? "anonymous", role: web.principal?.role.rawValue,
            action: "\(route.method.rawValue) \(route.path)", resource: route.resource(web),
            outcome: outcome, purpose: purpose, requestID: web.context.id, detail: detail))
    }

    /// The path (and query) to come back to after signing in, as a query value.
    static func escapedPath(_ request: Request) -> String {
        let path = request.uri.string
        return path.addingPercentEncoding(withAllowedCharacters: .alphanumerics.union(CharacterSet(charactersIn: "-._~/"))) ?? "/"
    }
}

private extension Optional {
    func asyncFlatMap<T>(_ transform: (Wrapped) async throws -> T?) async rethrows -> T? {
        guard let self else { return nil }
        return try await transform(self)
    }
}
