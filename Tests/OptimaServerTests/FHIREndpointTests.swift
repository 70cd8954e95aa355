import CDMStore
import CDMTestSupport
import Foundation
import Governance
import Hummingbird
import HummingbirdTesting
import Synthetic
import Testing

@testable import OptimaServer

/// `GET /api/fhir/Patient/{id}/$everything` as decision support calls it: a clinician gets the patient's Bundle,
/// by `person-<n>` or by the identifier the patient was imported with; other roles are refused; unknown ids are 404.
@Suite struct FHIREndpointTests {
    static let sourceID = "synthetic-3"

    @Test(arguments: TestDatabases.backends)
    func aClinicianReadsAPatientsBundle(_ backend: TestDatabases.Backend) async throws {
        try await TestDatabases.with(backend) { db, _ in
            let server = try await TestServer.make(db)
            _ = try await db.generatePopulation(GenerationSettings(persons: 40, seed: 5), site: .single, persons: 0..<40,
                                                pseudonymizer: Pseudonymizer(secrets: server.secrets))
            let conditions = Int(try await db.query("SELECT COUNT(*) AS n FROM condition_occurrence WHERE person_id = 3").first?["n"].integerValue ?? -1)
            try await server.test(as: .clinician) { client in
                for id in ["person-3", Self.sourceID] {
                    try await client.execute(uri: "/api/fhir/Patient/\(id)/$everything", method: .get) { response in
                        #expect(response.status == .ok, "\(id)")
                        #expect(response.headers[.contentType] == "application/fhir+json")
                        let text = String(buffer: response.body)
                        #expect(!text.contains(Self.sourceID))
                        let bundle = try #require(try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any])
                        #expect(bundle["resourceType"] as? String == "Bundle")
                        let resources = (bundle["entry"] as? [[String: Any]] ?? []).compactMap { $0["resource"] as? [String: Any] }
                        #expect(resources.first?["resourceType"] as? String == "Patient" && resources.first?["id"] as? String == "person-3")
                        #expect(resources.filter { $0["resourceType"] as? String == "Condition" }.count == conditions)
                    }
                }
                for id in ["person-999999", "unknown-identifier"] {
                    try await client.execute(uri: "/api/fhir/Patient/\(id)/$everything", method: .get) { response in
                        #expect(response.status == .notFound, "\(id)")
                        #expect(String(buffer: response.body).contains("no patient is held under that id"))
                    }
                }
                try await client.as(.researcher).execute(uri: "/api/fhir/Patient/person-3/$everything", method: .get) { #expect($0.status == .forbidden) }
                try await client.as(.dataSteward).execute(uri: "/api/fhir/Patient/person-3/$everything", method: .get) { #expect($0.status == .forbidden) }
            }
            let entries = try await db.auditEntries().filter { $0.event.action == "GET /api/fhir/Patient/:id/$everything" }
            #expect(entries.map(\.event.outcome) == [.success, .success, .failed, .failed, .denied, .denied])
            #expect(entries.filter { $0.event.outcome == .success }.allSatisfy { $0.event.purpose == .care && $0.event.resource == "person" })
            let trail = String(decoding: try JSONEncoder().encode(entries), as: UTF8.self)
            #expect(!trail.contains(Self.sourceID))
        }
    }
}
