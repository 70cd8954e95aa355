import CDMStore
import CDMTestSupport
import Foundation
import Hummingbird
import HummingbirdTesting
import Synthetic
import Testing

@testable import OptimaServer

/// The Explore API: counts equal to a direct SQL count, the tree with its headings and children, and bad
/// constraints answered 400 with their JSON path, on both backends.
@Suite struct ExploreEndpointTests {
    static func withServer(_ backend: TestDatabases.Backend, _ body: @escaping @Sendable (SignedInClient, any Database) async throws -> Void) async throws {
        try await TestDatabases.with(backend) { db, _ in
            _ = try await db.generatePopulation(GenerationSettings(persons: 1_200, seed: 3), site: .single, persons: 0..<1_200)
            try await TestServer.make(db).test { client in try await body(client, db) }
        }
    }

    /// Persons with breast cancer (any concept below it), counted by SQL written apart from the engine.
    static func breastPersons(_ db: any Database) async throws -> Int {
        Int(try await db.query("""
            SELECT COUNT(*) AS n FROM person p WHERE EXISTS (
              SELECT 1 FROM condition_occurrence c JOIN concept_ancestor a ON a.descendant_concept_id = c.condition_concept_id
              WHERE a.ancestor_concept_id = 4112853 AND c.person_id = p.person_id)
            """).first?[0].integerValue ?? -1)
    }

    static func json(_ response: TestResponse) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any])
    }

    @Test(arguments: TestDatabases.backends)
    func countsWhatSQLCounts(_ backend: TestDatabases.Backend) async throws {
        try await Self.withServer(backend) { client, db in
            let expected = try await Self.breastPersons(db)
            #expect(expected >= 5)
            let body = #"{"constraint": {"type": "subselection", "dimension": "patient", "constraint": {"type": "concept", "conceptCode": "SNOMED:254837009"}}}"#
            try await client.execute(uri: "/api/explore/counts", method: .post, headers: [.contentType: "application/json"],
                                     body: ByteBuffer(string: body)) { response in
                #expect(response.status == .ok)
                let answer = try Self.json(response)
                #expect(answer["patientCount"] as? Int == expected)
                #expect(answer["minimumCount"] as? Int == 5)
            }
            // Two concepts on one observation: none, shown as "<5".
            let none = #"{"constraint": {"type": "and", "args": [{"type": "concept", "conceptId": 4112853}, {"type": "concept", "conceptId": 1436678}]}}"#
            try await client.execute(uri: "/api/explore/counts", method: .post, body: ByteBuffer(string: none)) { response in
                let answer = try Self.json(response)
                #expect(answer["patientCount"] as? String == "<5")
            }
        }
    }

    @Test func badConstraintsAre400WithTheirPath() async throws {
        try await Self.withServer(.sqlite) { client, _ in
            let cases = [
                (#"{"constraint": {"type": "and", "args": [{"type": "value", "valueType": "STRING", "operator": ">", "value": "x"}]}}"#, "constraint.args[0].operator"),
                (#"{"constraint": {"type": "negation", "arg": {"type": "concept", "conceptId": 4112853}}}"#, "constraint.arg"),
                (#"{"query": {}}"#, "constraint"),
                (#"not json"#, "constraint"),
            ]
            for (body, path) in cases {
                try await client.execute(uri: "/api/explore/counts", method: .post, body: ByteBuffer(string: body)) { response in
                    #expect(response.status == .badRequest, "\(body)")
                    let error = try Self.json(response)["error"] as? [String: Any]
                    #expect((error?["message"] as? String)?.hasPrefix(path) == true, "\(body): \(String(describing: error))")
                }
            }
            try await client.execute(uri: "/api/explore/tree?parent=abc", method: .get) { #expect($0.status == .badRequest) }
            try await client.as(.clinician).execute(uri: "/api/explore/tree", method: .get) { #expect($0.status == .forbidden) }
        }
    }

    @Test(arguments: TestDatabases.backends)
    func treeHasHeadingsAndChildrenWithCounts(_ backend: TestDatabases.Backend) async throws {
        try await Self.withServer(backend) { client, db in
            let expected = try await Self.breastPersons(db)
            try await client.execute(uri: "/api/explore/tree", method: .get) { response in
                #expect(response.status == .ok)
                let nodes = try #require(try Self.json(response)["nodes"] as? [[String: Any]])
                #expect(nodes.first?["key"] as? String == "heading:diagnoses")
                let breast = (nodes.first?["children"] as? [[String: Any]])?.first { $0["conceptId"] as? Int == 4_112_853 }
                #expect(breast?["patientCount"] as? Int == expected)
                #expect((breast?["constraint"] as? [String: Any])?["type"] as? String == "concept")
            }
            let children = try Set(await db.query("SELECT descendant_concept_id FROM concept_ancestor WHERE ancestor_concept_id = 4112853 AND min_levels_of_separation = 1")
                .compactMap { $0[0].integerValue.map(Int.init) })
            try await client.execute(uri: "/api/explore/tree?parent=4112853", method: .get) { response in
                let nodes = try #require(try Self.json(response)["nodes"] as? [[String: Any]])
                #expect(Set(nodes.compactMap { $0["conceptId"] as? Int }) == children)
            }
        }
    }
}
