import DecisionSupport
import Foundation
import Hummingbird
import Ingest

/// CDS Hooks 2.0: the public discovery document, invocations and feedback (reference §1). Invocations read
/// facts from the prefetch or, for a patient Optima holds, from the CDM.
extension EndpointHandlers {
    /// Prefetch Bundles of a patient's conditions and observations stay far below this.
    static let maximumCDSRequestBytes = 16 << 20

    func cdsDiscovery() throws -> Response {
        try JSONResponse.make(CDSDiscovery())
    }

    func cdsInvocation(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        let id = try context.parameters.require("id")
        let body = try await Self.jsonBody(request, limit: Self.maximumCDSRequestBytes)
        let database = self.database, pseudonymizer = security.pseudonymizer, cache = similarCases
        do {
            let response = try await cdsService.respond(
                serviceID: id, body: body,
                heldFacts: { patientID in
                    guard let personID = try await Self.heldPerson(patientID, database, pseudonymizer) else { return nil }
                    return try await database.patientFacts(personID: personID)
                },
                similarOutcomes: { facts in try await database.similarPatientOutcomes(to: facts, cache: cache) })
            return try JSONResponse.make(response)
        } catch let error as CDSHooksError {
            throw HTTPError(.init(code: error.status), message: error.description)
        }
    }

    func cdsFeedback(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        let id = try context.parameters.require("id")
        do {
            _ = try CDSService.named(id)
            let items = try CDSFeedback.items(json: try await Self.jsonBody(request, limit: 1 << 20))
            try await database.recordCDSFeedback(items, serviceID: id)
            return try JSONResponse.make(["recorded": items.count])
        } catch let error as CDSHooksError {
            throw HTTPError(.init(code: error.status), message: error.description)
        }
    }

    /// A request body parsed as JSON; 400 naming the byte where it breaks.
    static func jsonBody(_ request: Request, limit: Int) async throws -> JSONValue {
        let body = try await request.body.collect(upTo: limit)
        do {
            return try JSONParser.parse(Array(buffer: body))
        } catch {
            throw HTTPError(.badRequest, message: "the body is not JSON: \(error.description)")
        }
    }
}
