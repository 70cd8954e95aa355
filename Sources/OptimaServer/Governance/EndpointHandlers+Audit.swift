import Foundation
import Governance
import Hummingbird

/// The audit trail for those who may read it: entries, the chain check and the article 30 record.
extension EndpointHandlers {
    func auditRequest(_ endpoint: APIEndpoint, _ request: Request) async throws -> Response {
        let query = request.uri.queryParameters
        let since = try Self.time(query.get("since"), "since")
        switch endpoint {
        case .auditVerification:
            return try JSONResponse.make(try await database.verifyAuditChain())
        case .auditReport:
            return try JSONResponse.make(try await database.auditReport(since: since, until: try Self.time(query.get("until"), "until")))
        default:
            let limit = try query.get("limit").map { text in
                guard let limit = Int(text), limit > 0 else { throw HTTPError(.badRequest, message: "limit must be a positive integer") }
                return limit
            }
            return try JSONResponse.make(try await database.auditEntries(since: since, limit: limit ?? 1000))
        }
    }

    /// A time bound as `optima audit show --since` reads it (`AuditTimeBound`).
    static func time(_ text: String?, _ name: String) throws -> Date? {
        guard let text else { return nil }
        guard let date = AuditTimeBound.date(text) else { throw HTTPError(.badRequest, message: "\(name) must be \(AuditTimeBound.forms)") }
        return date
    }
}
