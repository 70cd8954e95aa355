import Hummingbird

// Placeholder: the pages of this area are being written.
extension WebHandlers {
    func vocabularyPage(_ web: WebRequest) async throws -> Response { throw HTTPError(.notImplemented) }
    func conceptPage(_ web: WebRequest) async throws -> Response { throw HTTPError(.notImplemented) }
    func conceptSetsPage(_ web: WebRequest) async throws -> Response { throw HTTPError(.notImplemented) }
    func conceptSetNewPage(_ web: WebRequest) async throws -> Response { throw HTTPError(.notImplemented) }
    func conceptSetCreate(_ web: WebRequest) async throws -> Response { throw HTTPError(.notImplemented) }
    func conceptSetPage(_ web: WebRequest) async throws -> Response { throw HTTPError(.notImplemented) }
}
