import Governance
import Hummingbird

/// The one place where a request's identity meets an endpoint's permission, and where every
/// non-public request leaves its entry in the audit trail — refused ones included.
struct AccessControl: Sendable {
    let authenticator: Authenticator
    let audit: AuditLog

    /// The caller, or nil on a public endpoint. Throws 401 without a valid identity and 403 when the
    /// role lacks the permission, after recording the refusal; the message names the reason, never the token.
    func authorize(_ endpoint: APIEndpoint, _ request: Request, _ context: BasicRequestContext) async throws -> Principal? {
        if endpoint.permission.isPublic { return nil }
        let principal: Principal
        do {
            principal = try await authenticator.authenticate(authorizationHeader: request.headers[.authorization])
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
