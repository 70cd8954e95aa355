import Hummingbird

// Placeholder: the pages of this area are being written.
extension WebHandlers {
    func studiesPage(_ web: WebRequest) async throws -> Response { throw HTTPError(.notImplemented) }
    func studyPage(_ web: WebRequest) async throws -> Response { throw HTTPError(.notImplemented) }
}
