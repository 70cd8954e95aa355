import Hummingbird

extension Router where Context == BasicRequestContext {
    /// Registers every endpoint behind the access check of its declared permission, and audits each
    /// authorized request with its outcome (a handler's error is recorded as failed, then rethrown).
    func addEndpoints(_ handlers: EndpointHandlers, access: AccessControl) {
        for endpoint in APIEndpoint.allCases {
            on(RouterPath(endpoint.path), method: endpoint.method) { request, context in
                guard let principal = try await access.authorize(endpoint, request, context) else {
                    return try await handlers.respond(to: endpoint, request, context, principal: nil)
                }
                let response: Response
                do {
                    response = try await handlers.respond(to: endpoint, request, context, principal: principal)
                } catch {
                    let status = (error as? any HTTPResponseError)?.status ?? .internalServerError
                    try await access.recordOutcome(endpoint, context, actor: principal, status: status)
                    throw error
                }
                try await access.recordOutcome(endpoint, context, actor: principal, status: response.status)
                return response
            }
        }
    }
}
