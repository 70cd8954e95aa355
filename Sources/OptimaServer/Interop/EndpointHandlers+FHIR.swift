import Foundation
import Hummingbird
import Ingest

/// FHIR R4 for decision support (CDS Hooks prefetch) and patient access: a patient's record as a Bundle.
extension EndpointHandlers {
    /// `:id` is `person-<person_id>` or the identifier the patient was imported with, found by its pseudonyms;
    /// 404 when nobody is held under it. The answer never names the identifier.
    func fhirEverything(_ context: BasicRequestContext) async throws -> Response {
        let id = try context.parameters.require("id")
        let personID = try await Self.heldPerson(id, database, security.pseudonymizer)
        let bundle: JSONObject
        do {
            guard let personID else { throw FHIRExportError.noPersonHeld }
            bundle = try await database.fhirEverything(personID: personID)
        } catch is FHIRExportError {
            throw HTTPError(.notFound, message: "no patient is held under that id")
        }
        var bytes: [UInt8] = []
        JSONValue.object(bundle).write(to: &bytes)
        return Response(status: .ok, headers: [.contentType: APIEndpoint.fhirEverything.contentType],
                        body: .init(byteBuffer: ByteBuffer(bytes: bytes)))
    }
}
