import Hummingbird

// Placeholder: the pages of this area are being written.
extension WebHandlers {
    func analysesPage(_ web: WebRequest) async throws -> Response { throw HTTPError(.notImplemented) }
    func analysisPage(_ web: WebRequest) async throws -> Response { throw HTTPError(.notImplemented) }
}
