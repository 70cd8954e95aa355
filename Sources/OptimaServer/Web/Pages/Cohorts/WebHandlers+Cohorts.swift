import Hummingbird

// Placeholder: the pages of this area are being written.
extension WebHandlers {
    func cohortsPage(_ web: WebRequest) async throws -> Response { throw HTTPError(.notImplemented) }
    func cohortNewPage(_ web: WebRequest) async throws -> Response { throw HTTPError(.notImplemented) }
    func cohortCreate(_ web: WebRequest) async throws -> Response { throw HTTPError(.notImplemented) }
    func cohortImport(_ web: WebRequest) async throws -> Response { throw HTTPError(.notImplemented) }
    func cohortPage(_ web: WebRequest) async throws -> Response { throw HTTPError(.notImplemented) }
    func cohortGenerate(_ web: WebRequest) async throws -> Response { throw HTTPError(.notImplemented) }
    func cohortDefinition(_ web: WebRequest) async throws -> Response { throw HTTPError(.notImplemented) }
}
