import CDMStore
import Governance
import Hummingbird

/// The one place where a request's identity meets an endpoint's permission, and where every
/// non-public request leaves its entry in the audit trail — refused ones included.
struct AccessControl: Sendable {
    let authenticator: Authenticator
    let audit: AuditLog
    /// The web application's sessions: a page's script calls the API with the session cookie instead of a token.
    let sessions: WebSessionStore
    let database: any Database

    /// The caller, or nil on a public endpoint. Throws 401 without a valid identity and 403 when the
    /// role lacks the permission, after recording the refusal; the message names the reason, never the token.
    func authorize(_ endpoint: APIEndpoint, _ request: Request, _ context: BasicRequestContext) async throws -> Principal? {
        if endpoint.permission.isPublic { return nil }
        let principal: Principal
        do {
            if let user = try await sessionPrincipal(request) {
                principal = user
            } else {
                principal = try await authenticator.authenticate(authorizationHeader: request.headers[.authorization])
            }
        } catch let error as AuthenticationError {
            try await record(endpoint, context, actor: nil, outcome: .denied, purpose: .security, detail: error.description)
            throw HTTPError(.unauthorized, headers: [.wwwAuthenticate: "Bearer"], message: error.description)
        }
        guard principal.can(endpoint.permission) else {
            try await record(endpoint, context, actor: principal, outcome: .denied, purpose: .security,
                             detail: "role \(principal.role.rawValue) lacks \(endpoint.permission.rawValue)")
            throw HTTPError(.forbidden, message: "the role \(principal.role.rawValue) may not \(endpoint.permission.rawValue)")
        }
        return principal
    }

    /// The user of a web session when the request has no `Authorization` header but a session cookie; a write must
    /// then carry the session's CSRF token in `X-CSRF-Token`, or it is refused as unauthenticated.
    private func sessionPrincipal(_ request: Request) async throws -> Principal? {
        guard request.headers[.authorization] == nil, let id = request.cookies[WebSession.cookie]?.value else { return nil }
        guard let session = await sessions.session(id: id) else { throw AuthenticationError.sessionExpired }
        if request.method != .get && request.method != .head {
            guard WebSessionStore.matches(request.headers[.csrfToken], session.csrfToken) else {
                throw AuthenticationError.csrfMismatch
            }
        }
        guard let principal = try await database.activePrincipal(named: session.userName) else { throw AuthenticationError.unknownIdentity }
        return principal
    }

    /// Records what an authorized request did; the response waits for it, so no answer leaves unrecorded.
    func recordOutcome(_ endpoint: APIEndpoint, _ context: BasicRequestContext, actor: Principal, status: HTTPResponse.Status) async throws {
        let outcome: AuditOutcome = status.code < 400 ? .success : .failed
        try await record(endpoint, context, actor: actor, outcome: outcome, purpose: endpoint.permission.purpose,
                         detail: status.code < 400 ? nil : "status \(status.code)")
    }

    private func record(_ endpoint: APIEndpoint, _ context: BasicRequestContext, actor: Principal?, outcome: AuditOutcome,
                        purpose: ProcessingPurpose, detail: String?) async throws {
        try await audit.record(AuditEvent(
            actor: actor?.name ?? "anonymous", role: actor?.role.rawValue,
            action: "\(endpoint.method.rawValue) \(endpoint.path)", resource: endpoint.resource(context),
            outcome: outcome, purpose: purpose, requestID: context.id, detail: detail))
    }
}
