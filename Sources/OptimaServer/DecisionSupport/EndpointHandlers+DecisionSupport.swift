import CDMStore
import DecisionSupport
import Foundation
import Governance
import Hummingbird
import Ingest

/// One tool for one patient (`POST /api/decision-support/{tool}`), and the outcomes of similar patients.
/// The patient is the facts JSON in the body, or `?personId=N` for a person in the CDM.
extension EndpointHandlers {
    func decisionSupport(_ request: Request, _ context: BasicRequestContext) async throws -> Response {
        let name = try context.parameters.require("tool")
        guard let tool = ToolID(rawValue: name) else {
            throw HTTPError(.notFound, message: "no decision-support tool \"\(name)\" (tools: \(ToolID.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        let evaluation = cdsService.tools.evaluate(tool, try await patientFacts(request))
        guard request.uri.queryParameters.get("format") == "svg" else { return try JSONResponse.make(evaluation) }
        guard let picture = evaluation.output?.iconArray else { throw HTTPError(.notFound, message: "this evaluation has no icon array") }
        return Self.svg(try picture.svg)
    }

    func similarPatients(_ request: Request) async throws -> Response {
        let facts = try await patientFacts(request)
        let outcome: SimilarPatientsOutcome
        do {
            outcome = try await database.similarPatientOutcomes(to: facts, cache: similarCases)
        } catch let error as SimilarPatientsError {
            throw HTTPError(.badRequest, message: error.description)
        }
        guard request.uri.queryParameters.get("format") == "svg" else { return try JSONResponse.make(outcome) }
        return Self.svg(outcome.svg())
    }

    private func patientFacts(_ request: Request) async throws -> PatientFacts {
        if let text = request.uri.queryParameters.get("personId") {
            guard let personID = Int64(text) else { throw HTTPError(.badRequest, message: "personId must be an integer") }
            do {
                return try await database.patientFacts(personID: personID)
            } catch let error as DecisionSupportFactsError {
                throw HTTPError(.notFound, message: error.description)
            }
        }
        do {
            return try PatientFacts(json: try await Self.jsonBody(request, limit: 1 << 20))
        } catch let error as PatientFactsError {
            throw HTTPError(.badRequest, message: error.description)
        }
    }

    /// The person held under a FHIR patient id: `person-<person_id>`, or the id a patient was imported with.
    static func heldPerson(_ id: String, _ database: any Database, _ pseudonymizer: Pseudonymizer) async throws -> Int64? {
        if let personID = FHIRPatientID.personID(id) { return personID }
        return try await database.personIDs(heldUnder: pseudonymizer.candidates(id)).first
    }

    static func svg(_ text: String) -> Response {
        Response(status: .ok, headers: [.contentType: "image/svg+xml; charset=utf-8"], body: .init(byteBuffer: ByteBuffer(string: text)))
    }
}
