import Hummingbird

// Placeholder: the pages of this area are being written.
extension WebHandlers {
    func decisionSupportPage(_ web: WebRequest) async throws -> Response { throw HTTPError(.notImplemented) }
    func decisionToolPage(_ web: WebRequest) async throws -> Response { throw HTTPError(.notImplemented) }
    func decisionToolRun(_ web: WebRequest) async throws -> Response { throw HTTPError(.notImplemented) }
    func patientDecisionSupport(_ web: WebRequest) async throws -> Response { throw HTTPError(.notImplemented) }
}
