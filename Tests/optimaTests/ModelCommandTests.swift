import CDMStore
import CDMTestSupport
import DecisionSupport
import Evidence
import Foundation
import Testing

/// `optima model list|show|predict` on a registry in the database: the card in words, the risk of the model's
/// formula, JSON as the server answers it, and each bad value named on one line.
@Suite struct ModelCommandTests {
    let cli = CommandLineTests()

    /// Two versions of a lung model with age, sex and stage (Stage 1 the reference).
    static func register(_ db: any Database) async throws -> [RegisteredModel] {
        let stage = try Feature("stage=concepts:1635838,1635131,1634191,1633987")
        let card = ModelCard(studyHash: String(repeating: "d", count: 64), cohorts: ["lung cancer"], outcome: "death", horizonDays: 730,
                             sites: [ModelCard.Site(name: "site1", trainingRows: 410, evaluationRows: 140, auc: 0.714),
                                     ModelCard.Site(name: "site2", trainingRows: 520, evaluationRows: 160, auc: 0.655)],
                             algorithm: "fedprox", rounds: 40, epochs: 5, learningRate: 0.5, mu: 0.1, penalty: "lasso", lambda: 0.001,
                             trainingRows: 930, evaluationRows: 300, pooledAUC: 0.688,
                             calibration: [ModelCard.CalibrationBin(bin: 9, n: 61, observed: 0.18, expected: 0.19),
                                           ModelCard.CalibrationBin(bin: 15, n: 44, observed: 0.32, expected: 0.30)])
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

    static func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    @Test(arguments: TestDatabases.backends)
    func listShowAndPredict(_ backend: TestDatabases.Backend) async throws {
        try await TestDatabases.with(backend) { db, url in
            let empty = try cli.optima(["model", "list", "--db", url])
            #expect(empty.status == 0 && empty.stdout.contains("No model registered yet"), "\(empty.stderr)")
            let models = try await Self.register(db)

            let list = try cli.optima(["model", "list", "--db", url])
            #expect(list.status == 0, "\(list.stderr)")
            #expect(list.stdout.contains("lung-death-2y v1") && list.stdout.contains("lung-death-2y v2"))
            #expect(list.stdout.contains("death within 730 days; 2 sites; pooled AUC 0.688"), "\(list.stdout)")
            let listed = try #require(try Self.json(try cli.optima(["model", "list", "--db", url, "--json"]).stdout)["models"] as? [[String: Any]])
            #expect(listed.map { $0["version"] as? Int } == [1, 2])
            #expect(listed[0]["values"] as? [String] == models[0].designNames)

            let show = try cli.optima(["model", "show", "lung-death-2y", "--db", url])
            #expect(show.status == 0, "\(show.stderr)")
            for text in ["lung-death-2y v2", "Predicts: death within 730 days, for \"lung cancer\" (study dddddddddddd…)",
                         "Data: 2 sites (site1, site2); 930 training subjects, 300 held out for evaluation.",
                         "Training: fedprox, 40 rounds × 5 local epochs, learning rate 0.5, μ 0.1; lasso penalty λ 0.001.",
                         "pooled 0.688", "stage: Stage 3 (0/1)"] {
                #expect(show.stdout.contains(text), "\(text) — \(show.stdout)")
            }
            let lines = show.stdout.split(separator: "\n").map { $0.split(separator: " ").map(String.init) }
            #expect(lines.contains(["site1", "410", "140", "0.714"]), "\(show.stdout)")
            #expect(lines.contains(["15", "44", "0.32", "0.3"]), "\(show.stdout)")
            #expect(lines.contains(["age", "66", "9.5", "0.5"]), "\(show.stdout)")
            let first = try Self.json(try cli.optima(["model", "show", "lung-death-2y", "--version", "1", "--json", "--db", url]).stdout)
            #expect(first["version"] as? Int == 1 && first["coefficients"] as? [Double] == models[0].coefficients)

            let arguments = ["--value", "age=67", "--value", "sex: MALE=1", "--value", "stage: Stage 3=1", "--db", url]
            let predicted = try cli.optima(["model", "predict", "lung-death-2y", "--json"] + arguments)
            #expect(predicted.status == 0, "\(predicted.stderr)")
            let answer = try Self.json(predicted.stdout)
            let model = models[1], row = [67.0, 1, 0, 1, 0]
            let eta = row.indices.reduce(model.coefficients[0]) { $0 + model.coefficients[$1 + 1] * (row[$1] - model.centers[$1]) / model.scales[$1] }
            let risk = 1 / (1 + exp(-eta))
            #expect(answer["model"] as? String == "lung-death-2y" && answer["version"] as? Int == 2)
            #expect(abs((answer["risk"] as? Double ?? -1) - risk) < 1e-12)
            let text = try cli.optima(["model", "predict", "lung-death-2y"] + arguments)
            #expect(text.stdout.contains("lung-death-2y v2: risk of death within 730 days " + String(format: "%.1f%%", 100 * risk)), "\(text.stdout)")
        }
    }

    @Test func badValuesAndUnknownModelsAreOneClearLine() async throws {
        try await TestDatabases.with(.sqlite) { db, url in
            _ = try await Self.register(db)
            let cases: [([String], String)] = [
                (["predict", "lung-death-2y", "--value", "sex: MALE=1", "--value", "stage: Stage 4=1"], "needs a value for \"age\""),
                (["predict", "lung-death-2y", "--value", "age=60", "--value", "sex: MALE=1", "--value", "psa=4"], "has no value \"psa\""),
                (["predict", "lung-death-2y", "--value", "age:60"], "--value age:60: expected NAME=NUMBER"),
                (["predict", "lung-death-2y", "--value", "age=60", "--value", "age=61"], "--value age is given twice"),
                (["predict", "prostate-psa", "--value", "age=60"], "model prostate-psa is not registered (models: lung-death-2y)"),
                (["show", "lung-death-2y", "--version", "3"], "model lung-death-2y v3 is not registered (versions: 1, 2)"),
            ]
            for (arguments, message) in cases {
                let run = try cli.optima(["model"] + arguments + ["--db", url])
                #expect(run.status != 0, "\(arguments)")
                #expect(run.stderr.contains(message), "\(arguments): \(run.stderr)")
                #expect(run.stderr.split(separator: "\n").count == 1, "\(arguments): \(run.stderr)")
            }
        }
    }

    @Test(arguments: [["model"], ["model", "list"], ["model", "show"], ["model", "predict"]])
    func everyModelCommandHasHelp(_ path: [String]) throws {
        let run = try cli.optima(path + ["--help"])
        #expect(run.status == 0 && run.stdout.contains("USAGE"))
    }
}
