import Hummingbird

extension Router where Context == BasicRequestContext {
    /// Registers every page of the web application behind the gate of sessions, permissions, CSRF and audit.
    func addPages(_ gate: WebGate) {
        for route in WebRoute.allCases {
            on(RouterPath(route.path), method: route.method) { request, context in
                try await gate.handle(route, request, context)
            }
        }
    }
}
