import CDMStore
import CDMTestSupport
import Foundation
import Governance
import Hummingbird
import HummingbirdTesting
import Synthetic
import Testing

@testable import OptimaServer

/// CDS Hooks 2.0 as an EHR meets it: public discovery, invocations with and without prefetch, the errors the
/// specification names (400 with a reason, 404, 412), order-select warnings with suggestions, and feedback.
/// Card shapes are checked against the specification's rules (reference §1.5, §1.9).
@Suite struct CDSHooksEndpointTests {
    static func example(_ name: String) throws -> ByteBuffer {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return ByteBuffer(data: try Data(contentsOf: root.appendingPathComponent("examples/cds/\(name)")))
    }

    static func json(_ response: TestResponse) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any])
    }

    @Test(arguments: TestDatabases.backends)
    func discoveryIsPublicAndComplete(_ backend: TestDatabases.Backend) async throws {
        try await TestDatabases.with(backend) { db, _ in
            let server = try await TestServer.make(db)
            try await server.test { client in
                try await client.as(nil).execute(uri: "/cds-services", method: .get) { response in
                    #expect(response.status == .ok)
                    let services = try #require(try Self.json(response)["services"] as? [[String: Any]])
                    #expect(Set(services.compactMap { $0["hook"] as? String }) == ["patient-view", "order-select"])
                    for service in services {
                        for field in ["hook", "id", "description"] { #expect((service[field] as? String)?.isEmpty == false, "\(field)") }
                        let prefetch = try #require(service["prefetch"] as? [String: String])
                        for template in prefetch.values {
                            let tokens = template.components(separatedBy: "{{").dropFirst().map { $0.components(separatedBy: "}}")[0] }
                            #expect(tokens.allSatisfy { $0 == "context.patientId" }, "\(template)")
                        }
                    }
                }
            }
        }
    }

    @Test(arguments: TestDatabases.backends)
    func patientViewAnswersFromThePrefetchOrTheStore(_ backend: TestDatabases.Backend) async throws {
        try await TestDatabases.with(backend) { db, _ in
            let server = try await TestServer.make(db)
            _ = try await db.generatePopulation(GenerationSettings(persons: 300, seed: 8), site: .single, persons: 0..<300,
                                                pseudonymizer: Pseudonymizer(secrets: server.secrets))
            let cancerPerson = try #require(try await db.query("""
                SELECT MIN(person_id) AS id FROM condition_occurrence WHERE condition_concept_id = 200962
                """).first?["id"].integerValue)
            let body = try Self.example("patient-view-breast.json")
            try await server.test(as: .clinician) { client in
                try await client.execute(uri: "/cds-services/optima-oncology", method: .post, body: body) { response in
                    #expect(response.status == .ok, "\(String(buffer: response.body))")
                    let cards = try #require(try Self.json(response)["cards"] as? [[String: Any]])
                    #expect(cards.count >= 3)
                    Self.checkCards(cards)
                    let labels = cards.compactMap { ($0["source"] as? [String: Any])?["label"] as? String }
                    #expect(labels.contains { $0.contains("PREDICT") })
                    #expect(labels.contains { $0.contains("Nottingham") })
                }
                // No prefetch: a patient Optima holds is read from the CDM; one it does not hold is 412.
                var request = try #require(try JSONSerialization.jsonObject(with: Data(buffer: body)) as? [String: Any])
                request.removeValue(forKey: "prefetch")
                request["context"] = ["userId": "Practitioner/example", "patientId": "person-\(cancerPerson)"]
                try await client.execute(uri: "/cds-services/optima-oncology", method: .post,
                                         body: ByteBuffer(data: try JSONSerialization.data(withJSONObject: request))) { response in
                    #expect(response.status == .ok, "\(String(buffer: response.body))")
                    let cards = try #require(try Self.json(response)["cards"] as? [[String: Any]])
                    #expect(!cards.isEmpty)
                    Self.checkCards(cards)
                }
                request["context"] = ["userId": "Practitioner/example", "patientId": "not-held-here"]
                try await client.execute(uri: "/cds-services/optima-oncology", method: .post,
                                         body: ByteBuffer(data: try JSONSerialization.data(withJSONObject: request))) { response in
                    #expect(response.status == .preconditionFailed)
                    #expect(String(buffer: response.body).contains("prefetch"))
                }
            }
        }
    }

    @Test func orderSelectWarnsAndSuggestsTheTargetedAlternative() async throws {
        try await TestDatabases.with(.sqlite) { db, _ in
            let server = try await TestServer.make(db)
            try await server.test(as: .clinician) { client in
                try await client.execute(uri: "/cds-services/optima-nsclc-therapy", method: .post, body: try Self.example("order-select-nsclc.json")) { response in
                    #expect(response.status == .ok, "\(String(buffer: response.body))")
                    let cards = try #require(try Self.json(response)["cards"] as? [[String: Any]])
                    #expect(cards.count == 1)
                    Self.checkCards(cards)
                    let card = try #require(cards.first)
                    #expect(card["indicator"] as? String == "warning")
                    #expect((card["summary"] as? String)?.lowercased().contains("osimertinib") == true)
                    #expect(card["selectionBehavior"] as? String == "at-most-one")
                    let suggestions = try #require(card["suggestions"] as? [[String: Any]])
                    let actions = try #require(suggestions.first?["actions"] as? [[String: Any]])
                    #expect(actions.contains { $0["type"] as? String == "delete" && $0["resourceId"] as? String == "MedicationRequest/draft-1" })
                    #expect(actions.contains { $0["type"] as? String == "create" })
                    #expect(((card["overrideReasons"] as? [[String: Any]]) ?? []).allSatisfy { ($0["display"] as? String)?.isEmpty == false })
                }
            }
        }
    }

    @Test func malformedRequestsAreRefusedWithTheReason() async throws {
        try await TestDatabases.with(.sqlite) { db, _ in
            let server = try await TestServer.make(db)
            try await server.test(as: .clinician) { client in
                let cases: [(String, String, HTTPResponse.Status, String)] = [
                    ("optima-oncology", "{not json", .badRequest, "not JSON"),
                    ("optima-oncology", #"{"hook":"patient-view","context":{"userId":"Practitioner/1","patientId":"1"}}"#, .badRequest, "hookInstance is required"),
                    ("optima-oncology", #"{"hook":"order-select","hookInstance":"x","context":{}}"#, .badRequest, "does not match"),
                    ("optima-oncology", #"{"hook":"patient-view","hookInstance":"x","context":{"userId":"Practitioner/1"}}"#, .badRequest, "context.patientId is required"),
                    ("optima-oncology", #"{"hook":"patient-view","hookInstance":"x","fhirAuthorization":{},"context":{"userId":"u","patientId":"1"}}"#, .badRequest, "fhirServer is required"),
                    ("optima-nsclc-therapy", #"{"hook":"order-select","hookInstance":"x","context":{"userId":"u","patientId":"1"}}"#, .badRequest, "context.selections"),
                    ("no-such-service", #"{"hook":"patient-view"}"#, .notFound, "no CDS service"),
                ]
                for (service, body, status, reason) in cases {
                    try await client.execute(uri: "/cds-services/\(service)", method: .post, body: ByteBuffer(string: body)) { response in
                        #expect(response.status == status, "\(body)")
                        #expect(String(buffer: response.body).contains(reason), "\(String(buffer: response.body))")
                    }
                }
                try await client.as(nil).execute(uri: "/cds-services/optima-oncology", method: .post, body: try Self.example("patient-view-breast.json")) {
                    #expect($0.status == .unauthorized)
                }
                try await client.as(.researcher).execute(uri: "/cds-services/optima-oncology", method: .post, body: try Self.example("patient-view-breast.json")) {
                    #expect($0.status == .forbidden)
                }
            }
        }
    }

    @Test(arguments: TestDatabases.backends)
    func feedbackIsRecordedWithoutComments(_ backend: TestDatabases.Backend) async throws {
        try await TestDatabases.with(backend) { db, _ in
            let server = try await TestServer.make(db)
            let feedback = #"""
                {"feedback":[{"card":"0b6e2f4a-5c1d-4e8b-9a7f-3d2c1b0a9e8f","outcome":"overridden",
                  "overrideReason":{"reason":{"system":"https://optima.example.org/cds/override-reason","code":"patient-preference",
                  "display":"Patient preference"},"userComment":"Mrs Example declines"},"outcomeTimestamp":"2025-03-04T09:15:00Z"},
                 {"card":"5d0c3b9e-8f7a-4c61-b2d4-1e9f0a7c6b53","outcome":"accepted","acceptedSuggestions":[{"id":"e56e1945"}],
                  "outcomeTimestamp":"2025-03-04T09:16:00.250Z"}]}
                """#
            try await server.test(as: .clinician) { client in
                try await client.execute(uri: "/cds-services/optima-nsclc-therapy/feedback", method: .post, body: ByteBuffer(string: feedback)) { response in
                    #expect(response.status == .ok, "\(String(buffer: response.body))")
                }
                try await client.execute(uri: "/cds-services/optima-nsclc-therapy/feedback", method: .post,
                                         body: ByteBuffer(string: #"{"feedback":[{"card":"x","outcome":"accepted","outcomeTimestamp":"2025-03-04T09:16:00Z"}]}"#)) { response in
                    #expect(response.status == .badRequest)
                    #expect(String(buffer: response.body).contains("acceptedSuggestions is required"))
                }
            }
            let counts = try await db.cdsFeedbackCounts()
            #expect(counts.map { "\($0.serviceID) \($0.outcome) \($0.overrideReason ?? "-") \($0.count)" }
                    == ["optima-nsclc-therapy accepted - 1", "optima-nsclc-therapy overridden patient-preference 1"])
            let stored = try await db.query("SELECT * FROM optima_cds_feedback")
            #expect(!"\(stored)".contains("Mrs Example"))
        }
    }

    /// The specification's rules for cards: required members, summary under 140 characters, known indicators,
    /// `selectionBehavior` with suggestions, and no null, empty string, array or object anywhere.
    static func checkCards(_ cards: [[String: Any]], sourceLocation: Testing.SourceLocation = #_sourceLocation) {
        for card in cards {
            let summary = card["summary"] as? String ?? ""
            #expect(!summary.isEmpty && summary.count < 140, "\(summary)", sourceLocation: sourceLocation)
            #expect(["info", "warning", "critical"].contains(card["indicator"] as? String ?? ""), sourceLocation: sourceLocation)
            #expect(((card["source"] as? [String: Any])?["label"] as? String)?.isEmpty == false, sourceLocation: sourceLocation)
            if card["suggestions"] != nil { #expect(card["selectionBehavior"] != nil, sourceLocation: sourceLocation) }
            #expect(!hasEmptyMember(card), "\(card)", sourceLocation: sourceLocation)
        }
    }

    static func hasEmptyMember(_ value: Any) -> Bool {
        switch value {
        case is NSNull: return true
        case let text as String: return text.isEmpty
        case let list as [Any]: return list.isEmpty || list.contains(where: hasEmptyMember)
        case let object as [String: Any]: return object.isEmpty || object.values.contains(where: hasEmptyMember)
        default: return false
        }
    }
}
