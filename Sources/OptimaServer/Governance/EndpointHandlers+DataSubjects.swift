import Foundation
import Governance
import Hummingbird

/// Data subjects' rights for data stewards: erasure (art. 17), access (art. 15) and objection (art. 21). The
/// source identifier travels in the body, never in the path or query a log could keep, and is never echoed.
extension EndpointHandlers {
    func dataSubjectRequest(_ endpoint: APIEndpoint, _ request: Request, _ context: BasicRequestContext, principal: Principal?) async throws -> Response {
        try await database.createGovernanceSchema()
        if endpoint == .consentStatus { return try JSONResponse.make(["objections": try await database.objectionCount()]) }
        let candidates = security.pseudonymizer.candidates(try await Self.decodeBody(SubjectRequest.self, request).sourceID)
        switch endpoint {
        case .erasePerson:
            let result = try await database.erasePerson(candidates: candidates)
            try await security.audit.record(AuditEvent(
                actor: principal?.name ?? "anonymous", role: principal?.role.rawValue, action: "person erase", resource: "person",
                outcome: result.persons == 0 ? .unchanged : .success, purpose: .dataSubjectRights, requestID: context.id,
                detail: "\(result.persons) person(s), \(result.totalRows) rows from \(result.rowsByTable.count) tables"))
            return try JSONResponse.make(result)
        case .exportPerson:
            guard let export = try await database.exportPerson(candidates: candidates) else {
                throw HTTPError(.notFound, message: "no person is held under that identifier")
            }
            return try JSONResponse.make(export)
        case .recordObjection:
            return try JSONResponse.make(["recorded": try await database.recordObjection(candidates: candidates)])
        default:
            return try JSONResponse.make(["withdrawn": try await database.withdrawObjection(candidates: candidates)])
        }
    }

    struct SubjectRequest: Decodable {
        let sourceID: String

        enum CodingKeys: String, CodingKey { case sourceID = "source_id" }
    }
}
