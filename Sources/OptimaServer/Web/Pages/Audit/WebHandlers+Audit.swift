import Hummingbird

// Placeholder: the pages of this area are being written.
extension WebHandlers {
    func auditPage(_ web: WebRequest) async throws -> Response { throw HTTPError(.notImplemented) }
}
