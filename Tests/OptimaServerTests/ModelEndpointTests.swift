import CDMStore
import CDMTestSupport
import DecisionSupport
import Evidence
import Foundation
import Governance
import Hummingbird
import HummingbirdTesting
import Testing

@testable import OptimaServer

/// `GET /api/models` and `POST /api/models/{name}/predict` over models registered in the server's own database:
/// the risk is the model's logistic formula on the standardised values, versions are chosen, each bad value is
/// named, an unknown model is 404, and only roles allowed decision support may ask.
@Suite struct ModelEndpointTests {
    static let stage = "stage=concepts:1635838,1635131,1634191,1633987"

    /// Two versions of one model: age, sex and stage (Stage 1 the reference).
    static func register(_ db: any Database) async throws -> [RegisteredModel] {
        let stage = try Feature(Self.stage)
        let card = ModelCard(studyHash: String(repeating: "c", count: 64), cohorts: ["lung cancer"], outcome: "death", horizonDays: 730,
                             sites: [ModelCard.Site(name: "site1", trainingRows: 400, evaluationRows: 130, auc: 0.71),
                                     ModelCard.Site(name: "site2", trainingRows: 0)],
                             algorithm: "fedavg", rounds: 20, epochs: 3, learningRate: 0.5, mu: 0, penalty: "lasso", lambda: 0.001,
                             trainingRows: 900, evaluationRows: 300, pooledAUC: 0.69,
                             calibration: [ModelCard.CalibrationBin(bin: 10, n: 40, observed: 0.2, expected: 0.21)])
        var models: [RegisteredModel] = []
        for coefficients in [[-1.2, 0.4, 0.3, 0.2, 0.5, 0.9], [-1.0, 0.5, 0.1, 0.2, 0.6, 1.1]] {
            var model = RegisteredModel(name: "lung-death-2y", covariates: [.age, .sex, stage],
                                        levels: ["sex": ["FEMALE", "MALE"], stage.description: ["Stage 1", "Stage 2", "Stage 3", "Stage 4"]],
                                        designNames: ["age", "sex: MALE", "stage: Stage 2", "stage: Stage 3", "stage: Stage 4"],
                                        centers: [66, 0.55, 0.2, 0.3, 0.25], scales: [9.5, 0.5, 0.4, 0.46, 0.43], coefficients: coefficients, card: card)
            model.version = try await ModelRegistry(database: db).register(model)
            models.append(model)
        }
        return models
    }

    /// 1 / (1 + e^−η) with η = β₀ + Σ βⱼ (xⱼ − mⱼ) / sⱼ, written out.
    static func risk(_ model: RegisteredModel, _ row: [Double]) -> Double {
        var eta = model.coefficients[0]
        for j in row.indices { eta += model.coefficients[j + 1] * (row[j] - model.centers[j]) / model.scales[j] }
        return 1 / (1 + exp(-eta))
    }

    static func json(_ response: TestResponse) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(buffer: response.body)) as? [String: Any])
    }

    static func body(_ values: String) -> ByteBuffer { ByteBuffer(string: #"{"values": "# + values + "}") }

    @Test(arguments: TestDatabases.backends)
    func predictsWithTheLatestOrAChosenVersion(_ backend: TestDatabases.Backend) async throws {
        try await TestDatabases.with(backend) { db, _ in
            let server = try await TestServer.make(db)
            let models = try await Self.register(db)
            try await server.test(as: .clinician) { client in
                try await client.execute(uri: "/api/models", method: .get) { response in
                    #expect(response.status == .ok)
                    let list = try #require(try Self.json(response)["models"] as? [[String: Any]])
                    #expect(list.map { $0["version"] as? Int } == [1, 2])
                    #expect(list.allSatisfy { $0["name"] as? String == "lung-death-2y" })
                    #expect(list[0]["values"] as? [String] == models[0].designNames)
                    let card = try #require(list[1]["card"] as? [String: Any])
                    #expect(card["pooled_auc"] as? Double == 0.69 && card["training_rows"] as? Int == 900)
                    #expect((card["sites"] as? [[String: Any]])?.first?["auc"] as? Double == 0.71)
                }
                // Stage 3: its indicator alone; the other stage indicators are 0.
                let values = #"{"age": 67, "sex: MALE": 1, "stage: Stage 3": 1}"#
                try await client.execute(uri: "/api/models/lung-death-2y/predict", method: .post, body: Self.body(values)) { response in
                    #expect(response.status == .ok, "\(String(buffer: response.body))")
                    let answer = try Self.json(response)
                    #expect(answer["model"] as? String == "lung-death-2y" && answer["version"] as? Int == 2)
                    let risk = try #require(answer["risk"] as? Double)
                    #expect(abs(risk - Self.risk(models[1], [67, 1, 0, 1, 0])) < 1e-12)
                    #expect((answer["card"] as? [String: Any])?["outcome"] as? String == "death")
                }
                try await client.execute(uri: "/api/models/lung-death-2y/predict?version=1", method: .post, body: Self.body(values)) { response in
                    let answer = try Self.json(response)
                    #expect(answer["version"] as? Int == 1)
                    #expect(abs((answer["risk"] as? Double ?? -1) - Self.risk(models[0], [67, 1, 0, 1, 0])) < 1e-12)
                }
                // The reference stage: any of its indicators given as 0.
                let reference = #"{"age": 58.5, "sex: MALE": 0, "stage: Stage 2": 0}"#
                try await client.execute(uri: "/api/models/lung-death-2y/predict", method: .post, body: Self.body(reference)) { response in
                    let answer = try Self.json(response)
                    #expect(abs((answer["risk"] as? Double ?? -1) - Self.risk(models[1], [58.5, 0, 0, 0, 0])) < 1e-12)
                }
            }
        }
    }

    @Test(arguments: TestDatabases.backends)
    func badValuesAndUnknownModelsAreNamed(_ backend: TestDatabases.Backend) async throws {
        try await TestDatabases.with(backend) { db, _ in
            let server = try await TestServer.make(db)
            _ = try await Self.register(db)
            let cases: [(uri: String, body: String, status: HTTPResponse.Status, names: [String])] = [
                ("/api/models/lung-death-2y/predict", #"{"sex: MALE": 1, "stage: Stage 3": 1}"#, .badRequest, ["needs a value for", "\"age\""]),
                ("/api/models/lung-death-2y/predict", #"{"age": 60, "sex: MALE": 1}"#, .badRequest,
                 ["\"stage: Stage 2\", \"stage: Stage 3\", \"stage: Stage 4\""]),
                ("/api/models/lung-death-2y/predict", #"{"age": 60, "sex: MALE": 1, "stage: Stage 3": 1, "psa": 4}"#, .badRequest,
                 ["has no value \"psa\""]),
                ("/api/models/lung-death-2y/predict", #"{"age": "sixty", "sex: MALE": 1, "stage: Stage 3": 1}"#, .badRequest,
                 ["value \"age\" must be a number"]),
                ("/api/models/lung-death-2y/predict", #"{"age": 60, "sex: MALE": 2, "stage: Stage 3": 1}"#, .badRequest,
                 ["\"sex: MALE\" is an indicator"]),
                ("/api/models/lung-death-2y/predict", #"{"age": 60, "sex: MALE": 1, "stage: Stage 3": 1, "stage: Stage 4": 1}"#, .badRequest,
                 ["at most one of"]),
                ("/api/models/lung-death-2y/predict?version=7", #"{"age": 60}"#, .notFound, ["lung-death-2y v7", "versions: 1, 2"]),
                ("/api/models/lung-death-2y/predict?version=zero", #"{"age": 60}"#, .badRequest, ["version must be"]),
                ("/api/models/prostate-psa/predict", #"{"age": 60}"#, .notFound, ["model prostate-psa", "models: lung-death-2y"]),
            ]
            try await server.test(as: .clinician) { client in
                for item in cases {
                    try await client.execute(uri: item.uri, method: .post, body: Self.body(item.body)) { response in
                        #expect(response.status == item.status, "\(item.body): \(String(buffer: response.body))")
                        let message = try #require((try Self.json(response)["error"] as? [String: Any])?["message"] as? String)
                        for name in item.names { #expect(message.contains(name), "\(item.body): \(message)") }
                    }
                }
                try await client.execute(uri: "/api/models/lung-death-2y/predict", method: .post, body: ByteBuffer(string: #"{"age": 60}"#)) { response in
                    #expect(response.status == .badRequest)
                    #expect(String(buffer: response.body).contains("the body needs \\\"values\\\""), "\(String(buffer: response.body))")
                }
            }
        }
    }

    @Test func onlyRolesAllowedDecisionSupportMayPredict() async throws {
        try await TestDatabases.with(.sqlite) { db, _ in
            let server = try await TestServer.make(db)
            _ = try await Self.register(db)
            for role in Role.allCases {
                try await server.test(as: role) { client in
                    let allowed = role.allows(.readPatient)
                    try await client.execute(uri: "/api/models", method: .get) { response in
                        #expect(response.status == (allowed ? .ok : .forbidden), "\(role)")
                    }
                    try await client.execute(uri: "/api/models/lung-death-2y/predict", method: .post,
                                             body: Self.body(#"{"age": 60, "sex: MALE": 1, "stage: Stage 4": 1}"#)) { response in
                        #expect(response.status == (allowed ? .ok : .forbidden), "\(role)")
                    }
                }
            }
            #expect(Role.clinician.allows(.readPatient) && !Role.researcher.allows(.readPatient))
            // Each request is audited with the model it asked.
            let audited = try await db.query("SELECT COUNT(*) AS n FROM optima_audit WHERE resource = ? AND outcome = ?",
                                             [.text("model lung-death-2y"), .text("success")])
            #expect(audited.first?["n"].integerValue == Int64(Role.allCases.count { $0.allows(.readPatient) }))
        }
    }
}
