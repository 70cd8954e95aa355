import CDMStore
import CDMTestSupport
import Cohorts
import Evidence
import Foundation
import Hummingbird
import HummingbirdTesting
import Synthetic
import Testing

@testable import OptimaServer

/// The analysis API: settings in, the same governed result the library gives out, pictures on request, and
/// bad settings answered 400 in words.
@Suite struct AnalysisEndpointTests {
    static let breastCancer = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("examples/cohorts/breast-cancer.json")

    /// A population with the breast cancer cohort stored and generated through the API; its id.
    func withCohort(_ body: @escaping @Sendable (SignedInClient, any Database, Int) async throws -> Void) async throws {
        try await TestDatabases.with(.sqlite) { db, _ in
            _ = try await db.generatePopulation(GenerationSettings(persons: 2_000, seed: 5), site: .single, persons: 0..<2_000)
            try await TestServer.make(db).test { client in
                let definition = try Data(contentsOf: Self.breastCancer)
                let id = try await client.execute(uri: "/api/cohorts?name=Breast%20cancer", method: .post, body: ByteBuffer(data: definition)) { response in
                    try #require(try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any])["id"] as? Int
                }
                let cohort = try #require(id)
                try await client.execute(uri: "/api/cohorts/\(cohort)/generate", method: .post) { #expect($0.status == .ok) }
                try await body(client, db, cohort)
            }
        }
    }

    static func canonical(_ data: Data) throws -> NSDictionary {
        try #require(try JSONSerialization.jsonObject(with: data) as? NSDictionary)
    }

    @Test func answersWhatTheLibraryAnswers() async throws {
        try await withCohort { client, db, id in
            for (treatment, cohort) in [("breast-chemotherapy", 11), ("endocrine-therapy", 12)] {
                let file = Self.breastCancer.deletingLastPathComponent().appendingPathComponent("\(treatment).json")
                _ = try await db.generateCohort(try CohortExpression.parse(try Data(contentsOf: file)), cohortID: Int64(cohort))
            }
            let stages = "stage=concepts:1635838,1635131,1634191,1633987"
            let cases: [(String, String, @Sendable () async throws -> Data)] = [
                ("survival", #"{"target": \#(id), "strata": "\#(stages)"}"#, {
                    try JSONEncoder().encode(try await db.survivalAnalysis(SurvivalSettings(target: Int64(id), strata: try Feature(stages))))
                }),
                ("cox", #"{"target": \#(id), "covariates": ["age", "ER=value:36203168"]}"#, {
                    try JSONEncoder().encode(try await db.survivalAnalysis(SurvivalSettings(target: Int64(id), covariates: [.age, try Feature("ER=value:36203168")])))
                }),
                ("incidence", #"{"target": \#(id), "outcome": "death", "end_days": 1826}"#, {
                    try JSONEncoder().encode(try await db.incidenceAnalysis(IncidenceSettings(target: Int64(id), outcome: .death, endDays: 1826)))
                }),
                ("pathways", #"{"target": \#(id), "events": [{"cohort": 11, "name": "Chemotherapy"}, {"cohort": 12}], "combination_window": 30}"#, {
                    try JSONEncoder().encode(try await db.pathwayAnalysis(PathwaySettings(
                        target: Int64(id), events: [PathwayEvent(cohort: 11, name: "Chemotherapy"), PathwayEvent(cohort: 12)], combinationWindow: 30)))
                }),
                ("summary", "", { try JSONEncoder().encode(try await db.dataSourceSummary(DataSourceSummarySettings())) }),
                ("characterization", #"{"target": \#(id), "domains": ["condition", "measurement"]}"#, {
                    try JSONEncoder().encode(try await db.characterization(CharacterizationSettings(target: Int64(id), domains: [.condition, .measurement])))
                }),
            ]
            for (name, settings, library) in cases {
                let expected = try Self.canonical(try await library())
                try await client.execute(uri: "/api/analyses/\(name)", method: .post, body: ByteBuffer(string: settings)) { response in
                    #expect(response.status == .ok, "\(name): \(String(buffer: response.body))")
                    let answered = try Self.canonical(Data(buffer: response.body))
                    #expect(answered == expected, "\(name)")
                }
            }
            for name in ["survival", "cox", "pathways", "summary"] {
                let settings = name == "cox" ? #"{"target": \#(id), "covariates": ["age"]}"#
                    : name == "pathways" ? #"{"target": \#(id), "events": [{"cohort": 11}, {"cohort": 12}]}"# : #"{"target": \#(id)}"#
                try await client.execute(uri: "/api/analyses/\(name)?format=svg", method: .post, body: ByteBuffer(string: settings)) { response in
                    #expect(response.status == .ok)
                    #expect(response.headers[.contentType]?.hasPrefix("image/svg+xml") == true)
                    #expect(String(buffer: response.body).contains("<svg"))
                }
            }
        }
    }

    @Test func badSettingsAreAnswered400InWords() async throws {
        try await withCohort { client, _, id in
            let cases = [
                ("survival", #"{"outcome": "death"}"#, #"missing \"target\""#),
                ("survival", #"{"target": \#(id), "strata": "stage"}"#, #"\"stage\" is not one of"#),
                ("survival", #"{"target": 999}"#, "target cohort 999 has no rows"),
                ("cox", #"{"target": \#(id)}"#, "needs \\\"covariates\\\""),
                ("incidence", #"{"target": \#(id), "outcome": "death", "start_days": 30, "end_days": 10}"#, "end_days 10 is before start_days 30"),
                ("characterization", #"{"target": \#(id), "domains": ["visits"]}"#, "at domains.[0]"),
            ]
            for (name, settings, message) in cases {
                try await client.execute(uri: "/api/analyses/\(name)", method: .post, body: ByteBuffer(string: settings)) { response in
                    #expect(response.status == .badRequest, "\(name) \(settings)")
                    #expect(String(buffer: response.body).contains(message), "\(name): \(String(buffer: response.body))")
                }
            }
        }
    }
}
