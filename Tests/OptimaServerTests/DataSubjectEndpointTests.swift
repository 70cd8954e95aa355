import CDMStore
import CDMTestSupport
import Foundation
import Governance
import Hummingbird
import HummingbirdTesting
import Synthetic
import Testing

@testable import OptimaServer

/// Subject access, objection and erasure through the API, as a data steward uses them: the identifier goes
/// in the body, is pseudonymised with the site's keys, and never comes back in an answer or the audit trail.
@Suite struct DataSubjectEndpointTests {
    static let sourceID = "synthetic-3"

    @Test func accessObjectionAndErasure() async throws {
        try await TestDatabases.with(.sqlite) { db, _ in
            let server = try await TestServer.make(db)
            _ = try await db.generatePopulation(GenerationSettings(persons: 50, seed: 3), site: .single, persons: 0..<50,
                                                pseudonymizer: Pseudonymizer(secrets: server.secrets))
            let body = ByteBuffer(string: #"{"source_id": "\#(Self.sourceID)"}"#)
            try await server.test(as: .dataSteward) { client in
                try await client.execute(uri: "/api/persons/export", method: .post, body: body) { response in
                    #expect(response.status == .ok)
                    let text = String(buffer: response.body)
                    #expect(!text.contains(Self.sourceID))
                    let tables = try #require((try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any])?["tables"] as? [String: [[String: Any]]])
                    #expect(tables["person"]?.count == 1)
                    #expect((tables["observation_period"]?.count ?? 0) >= 1)
                }
                try await client.as(.researcher).execute(uri: "/api/persons/erase", method: .post, body: body) { #expect($0.status == .forbidden) }
                try await client.execute(uri: "/api/consent/objections", method: .post, body: body) { response in
                    #expect(String(buffer: response.body) == #"{"recorded":true}"#)
                }
                try await client.execute(uri: "/api/consent", method: .get) { #expect(String(buffer: $0.body) == #"{"objections":1}"#) }
                try await client.execute(uri: "/api/persons/erase", method: .post, body: body) { response in
                    #expect(response.status == .ok)
                    let result = try JSONDecoder().decode(ErasureResult.self, from: Data(buffer: response.body))
                    #expect(result.persons == 1 && result.rowsByTable["person"] == 1)
                }
                try await client.execute(uri: "/api/persons/erase", method: .post, body: body) { response in
                    let again = try JSONDecoder().decode(ErasureResult.self, from: Data(buffer: response.body))
                    #expect(again.persons == 0)
                }
                try await client.execute(uri: "/api/persons/export", method: .post, body: body) { #expect($0.status == .notFound) }
                try await client.execute(uri: "/api/persons/erase", method: .post, body: ByteBuffer(string: #"{"id": 3}"#)) { response in
                    #expect(response.status == .badRequest)
                    #expect(String(buffer: response.body).contains("source_id"))
                }
            }
            let entries = try await db.auditEntries()
            let erasures = entries.filter { $0.event.action == "person erase" }
            #expect(erasures.map(\.event.outcome) == [.success, .unchanged])
            #expect(erasures.allSatisfy { $0.event.actor == "test-data-steward" && $0.event.purpose == .dataSubjectRights })
            let trail = String(decoding: try JSONEncoder().encode(entries), as: UTF8.self)
            #expect(!trail.contains(Self.sourceID))
            #expect(try await db.verifyAuditChain().isIntact)
        }
    }
}
