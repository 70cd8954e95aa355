import ArgumentParser
import DecisionSupport

extension ModelCommand {
    struct Show: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "The model card in words: data, sites, rounds, AUC per site and pooled, calibration table, the values it needs.")

        @Argument(help: "The model's name.") var name: String
        @Option(help: "The version (default: the latest).") var version: Int?
        @OptionGroup var database: DatabaseOptions
        @Flag(help: "Print the whole registered model (coefficients, standardisation, card) as one JSON document.") var json = false

        func run() async throws {
            let model = try await database.withDatabase { try await ModelRegistry(database: $0).require(name: name, version: version) }
            if json { return try Terminal.printJSON(encoding: model) }
            for line in model.cardText { print(line) }
        }
    }
}
