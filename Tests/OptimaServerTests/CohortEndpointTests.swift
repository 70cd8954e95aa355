import CDMStore
import CDMTestSupport
import Cohorts
import Foundation
import Hummingbird
import HummingbirdTesting
import Synthetic
import Testing

@testable import OptimaServer

/// The cohort API over a generated population: store ATLAS JSON, generate, read counts with small cells hidden.
@Suite struct CohortEndpointTests {
    /// PhenotypeLibrary 636, "Malignant tumor of breast", unchanged.
    static var breastCancer: Data {
        get throws { try Data(contentsOf: URL(fileURLWithPath: ReferenceDatasets.path("phenotypes/cohorts/636.json"))) }
    }

    func withApp(_ body: @escaping @Sendable (SignedInClient, any Database) async throws -> Void) async throws {
        try await TestDatabases.with(.sqlite) { db, _ in
            _ = try await db.generatePopulation(GenerationSettings(persons: 800, seed: 5), site: .single, persons: 0..<800)
            try await TestServer.make(db).test { client in try await body(client, db) }
        }
    }

    static func json(_ buffer: ByteBuffer) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(buffer: buffer)) as? [String: Any])
    }

    @Test(.enabled(if: ReferenceDatasets.isPresent("phenotypes"), "\(ReferenceDatasets.skipReason)"))
    func storeGenerateAndReadACohort() async throws {
        let definition = try Self.breastCancer
        try await withApp { client, db in
            let id = try await client.execute(uri: "/api/cohorts?name=Breast%20cancer", method: .post, body: ByteBuffer(data: definition)) { response in
                #expect(response.status == .created)
                let body = try Self.json(response.body)
                #expect(body["name"] as? String == "Breast cancer")
                return try #require(body["id"] as? Int)
            }
            try await client.execute(uri: "/api/cohorts/\(id)", method: .get) { response in
                #expect(response.status == .ok)
                let body = try Self.json(response.body)
                #expect(body["generation"] is NSNull)
                // The definition comes back as posted.
                let posted = try JSONSerialization.jsonObject(with: definition) as? NSDictionary
                #expect(body["expression"] as? NSDictionary == posted)
            }
            let persons = try await client.execute(uri: "/api/cohorts/\(id)/generate", method: .post) { response in
                #expect(response.status == .ok)
                let generation = try #require(try Self.json(response.body)["generation"] as? [String: Any])
                return generation["persons"]
            }
            // Independently: women and men whose first breast cancer diagnosis is in an observation period.
            let expected = try #require(try await db.query("""
                SELECT COUNT(DISTINCT co.person_id) AS n FROM condition_occurrence co
                JOIN concept_ancestor ca ON ca.descendant_concept_id = co.condition_concept_id AND ca.ancestor_concept_id = 4112853
                """).first?["n"].integerValue)
            #expect(expected >= 5)
            #expect(persons as? Int == Int(expected))
            let list = try await client.execute(uri: "/api/cohorts", method: .get) { response in
                try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [[String: Any]]
            }
            #expect(list?.map { $0["id"] as? Int } == [id])
        }
    }

    @Test func smallCountsAreSuppressed() async throws {
        try await withApp { client, db in
            // Three persons with a condition nobody else has.
            try await db.transaction([SQLStatement("""
                INSERT INTO concept (concept_id, concept_name, domain_id, vocabulary_id, concept_class_id, concept_code, valid_start_date, valid_end_date)
                VALUES (2099000001, 'Test condition', 'Condition', 'Optima', 'Clinical Finding', 'T1', '1970-01-01', '2099-12-31')
                """)] + (1...3).map { person in
                SQLStatement("""
                    INSERT INTO condition_occurrence (condition_occurrence_id, person_id, condition_concept_id, condition_start_date, condition_type_concept_id, condition_status_concept_id, condition_source_concept_id)
                    SELECT 900000000 + person_id, person_id, 2099000001, observation_period_start_date, 32817, 0, 0
                    FROM observation_period WHERE person_id = \(person)
                    """)
            })
            let definition = #"{"ConceptSets":[{"id":0,"name":"Test","expression":{"items":[{"concept":{"CONCEPT_ID":2099000001}}]}}],"PrimaryCriteria":{"CriteriaList":[{"ConditionOccurrence":{"CodesetId":0}}],"ObservationWindow":{"PriorDays":0,"PostDays":0},"PrimaryCriteriaLimit":{"Type":"First"}}}"#
            let id = try await client.execute(uri: "/api/cohorts", method: .post, body: ByteBuffer(string: definition)) { response in
                try #require(try Self.json(response.body)["id"] as? Int)
            }
            try await client.execute(uri: "/api/cohorts/\(id)/generate", method: .post) { response in
                let text = String(buffer: response.body)
                let generation = try #require(try Self.json(response.body)["generation"] as? [String: Any])
                #expect(generation["persons"] as? String == "<5")
                #expect(generation["rows"] as? String == "<5")
                #expect(!text.contains("\"persons\":3"))
            }
            #expect(try await db.query("SELECT COUNT(*) AS n FROM cohort WHERE cohort_definition_id = \(id)").first?["n"].integerValue == 3)
        }
    }

    @Test func badDefinitionsAreRejectedNamingThePath() async throws {
        try await withApp { client, _ in
            let definition = #"{"PrimaryCriteria":{"CriteriaList":[{"ConditionOccurrence":{"Age":{"Op":"between","Value":3}}}]}}"#
            try await client.execute(uri: "/api/cohorts", method: .post, body: ByteBuffer(string: definition)) { response in
                #expect(response.status == .badRequest)
                let message = try #require((try Self.json(response.body)["error"] as? [String: Any])?["message"] as? String)
                #expect(message.contains("PrimaryCriteria.CriteriaList[0].ConditionOccurrence.Age.Op"))
            }
            try await client.execute(uri: "/api/cohorts/41", method: .get) { response in
                #expect(response.status == .notFound)
            }
            try await client.execute(uri: "/api/cohorts", method: .get) { response in
                #expect(String(buffer: response.body) == "[]")
            }
        }
    }
}
