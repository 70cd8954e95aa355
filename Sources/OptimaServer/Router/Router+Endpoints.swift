import Hummingbird

extension Router where Context == BasicRequestContext {
    /// Registers every endpoint, each behind the access check of its declared permission.
    func addEndpoints(_ handlers: EndpointHandlers, access: AccessControl) {
        for endpoint in APIEndpoint.allCases {
            on(RouterPath(endpoint.path), method: endpoint.method) { request, context in
                try access.authorize(endpoint.permission, request)
                return try await handlers.respond(to: endpoint, request, context)
            }
        }
    }
}
