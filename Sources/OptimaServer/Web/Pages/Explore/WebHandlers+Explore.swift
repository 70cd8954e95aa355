import Hummingbird

// Placeholder: the pages of this area are being written.
extension WebHandlers {
    func explorePage(_ web: WebRequest) async throws -> Response { throw HTTPError(.notImplemented) }
    func exploreSave(_ web: WebRequest) async throws -> Response { throw HTTPError(.notImplemented) }
}
