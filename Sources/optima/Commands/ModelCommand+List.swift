import ArgumentParser
import DecisionSupport

extension ModelCommand {
    struct List: AsyncParsableCommand {
        static let configuration = CommandConfiguration(abstract: "Every registered model version, with what it predicts and its pooled AUC.")

        @OptionGroup var database: DatabaseOptions
        @Flag(help: "Print one JSON document: {\"models\": [{name, version, created, values, card}]}, as GET /api/models answers.")
        var json = false

        func run() async throws {
            let models = try await database.withDatabase { try await ModelRegistry(database: $0).models() }
            if json { return try Terminal.printJSON(encoding: ["models": models.map(ModelSummary.init)]) }
            if models.isEmpty { return print("No model registered yet (optima study run --registry registers one).") }
            for model in models {
                let card = model.card
                print("\(model.name) v\(model.version)  \(card.outcome) within \(card.horizonDays) days; \(card.sites.count) sites; "
                    + "pooled AUC \(card.pooledAUC.map { String(format: "%.3f", $0) } ?? "–"); registered \(ModelSummary(model).created)")
            }
        }
    }
}
