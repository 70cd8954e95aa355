import Hummingbird

// Placeholder: the exploration endpoints are being written.
extension EndpointHandlers {
    func exploreCounts(_ request: Request) async throws -> Response { throw HTTPError(.notImplemented) }
    func exploreTree(_ request: Request) async throws -> Response { throw HTTPError(.notImplemented) }
}
