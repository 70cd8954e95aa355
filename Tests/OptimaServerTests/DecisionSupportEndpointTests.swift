import CDMStore
import CDMTestSupport
import Foundation
import Governance
import Hummingbird
import HummingbirdTesting
import Synthetic
import Testing

@testable import OptimaServer

/// `POST /api/decision-support/{tool}`: the worked examples of the README answer, the icon array comes as SVG,
/// and bad input is refused naming each field.
@Suite struct DecisionSupportEndpointTests {
    static func patient(_ name: String) throws -> ByteBuffer {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return ByteBuffer(data: try Data(contentsOf: root.appendingPathComponent("examples/patients/\(name).json")))
    }

    @Test func eachCancersExampleIsEvaluated() async throws {
        try await TestDatabases.with(.sqlite) { db, _ in
            let server = try await TestServer.make(db)
            let cases = [("prostate", ["prostate-risk", "predict-prostate"]), ("breast", ["breast-subtype", "npi", "predict-breast"]),
                         ("lung", ["lung-stage", "lung-therapy"])]
            try await server.test(as: .clinician) { client in
                for (patient, tools) in cases {
                    for tool in tools {
                        try await client.execute(uri: "/api/decision-support/\(tool)", method: .post, body: try Self.patient(patient)) { response in
                            #expect(response.status == .ok, "\(tool): \(String(buffer: response.body))")
                            let evaluation = try #require(try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any])
                            #expect(evaluation["tool"] as? String == tool)
                            #expect(evaluation["status"] as? String == "complete", "\(tool): \(evaluation)")
                            #expect((evaluation["sources"] as? [Any])?.isEmpty == false)
                            #expect(evaluation["output"] != nil)
                        }
                    }
                }
                for tool in ["predict-prostate", "predict-breast"] {
                    let patient = tool == "predict-breast" ? "breast" : "prostate"
                    try await client.execute(uri: "/api/decision-support/\(tool)?format=svg", method: .post, body: try Self.patient(patient)) { response in
                        #expect(response.status == .ok)
                        #expect(response.headers[.contentType]?.hasPrefix("image/svg+xml") == true)
                        #expect(String(buffer: response.body).hasPrefix("<svg"))
                    }
                }
            }
        }
    }

    @Test func badInputIsRefusedPerFieldAndPersonsAreReadFromTheCDM() async throws {
        try await TestDatabases.with(.sqlite) { db, _ in
            let server = try await TestServer.make(db)
            _ = try await db.generatePopulation(GenerationSettings(persons: 200, seed: 4), site: .single, persons: 0..<200,
                                                pseudonymizer: Pseudonymizer(secrets: server.secrets))
            let prostatePerson = try #require(try await db.query(
                "SELECT MIN(person_id) AS id FROM condition_occurrence WHERE condition_concept_id = 200962").first?["id"].integerValue)
            try await server.test(as: .clinician) { client in
                try await client.execute(uri: "/api/decision-support/prostate-risk?personId=\(prostatePerson)", method: .post) { response in
                    #expect(response.status == .ok)
                    #expect(String(buffer: response.body).contains("\"tool\":\"prostate-risk\""))
                }
                try await client.execute(uri: "/api/decision-support/prostate-risk", method: .post,
                                         body: ByteBuffer(string: #"{"psa": -2, "t": "T9", "age": 300}"#)) { response in
                    #expect(response.status == .badRequest)
                    let text = String(buffer: response.body)
                    for field in ["psa:", "t:", "age:"] { #expect(text.contains(field), "\(text)") }
                }
                try await client.execute(uri: "/api/decision-support/no-such-tool", method: .post, body: try Self.patient("lung")) { response in
                    #expect(response.status == .notFound)
                    #expect(String(buffer: response.body).contains("lung-therapy"))
                }
                try await client.execute(uri: "/api/decision-support/npi?personId=987654", method: .post) { response in
                    #expect(response.status == .notFound)
                }
                try await client.as(.researcher).execute(uri: "/api/decision-support/npi", method: .post, body: try Self.patient("breast")) {
                    #expect($0.status == .forbidden)
                }
            }
        }
    }
}
