import ArgumentParser
import DecisionSupport
import Foundation

extension ModelCommand {
    struct Predict: AsyncParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "One patient's risk from a registered model.",
            discussion: """
                Give each value by its name in the model (optima model show NAME lists them): --value age=67 \
                --value "stage: Stage 3=1". Indicators of one covariate default to 0 once one of them is given.
                """)

        @Argument(help: "The model's name.") var name: String
        @Option(help: "The version (default: the latest).") var version: Int?
        @Option(name: .customLong("value"), help: "NAME=NUMBER, once per value (split at the last \"=\").") var values: [String] = []
        @OptionGroup var database: DatabaseOptions
        @Flag(help: "Print {model, version, risk, card} as one JSON document, as POST /api/models/{name}/predict answers.") var json = false

        func run() async throws {
            var given: [String: Double] = [:]
            for text in values {
                guard let split = text.lastIndex(of: "="), let number = Double(text[text.index(after: split)...].trimmingCharacters(in: .whitespaces)),
                      number.isFinite else {
                    throw Self.usage("--value \(text): expected NAME=NUMBER, e.g. age=67 or \"stage: Stage 3=1\"")
                }
                let key = text[..<split].trimmingCharacters(in: .whitespaces)
                guard given.updateValue(number, forKey: key) == nil else { throw Self.usage("--value \(key) is given twice") }
            }
            let prediction = try await database.withDatabase {
                try await ModelRegistry(database: $0).predict(name: name, version: version, values: given)
            }
            if json { return try Terminal.printJSON(encoding: prediction) }
            print("\(prediction.model) v\(prediction.version): risk of \(prediction.card.outcome) within \(prediction.card.horizonDays) days "
                + String(format: "%.1f%%", 100 * prediction.risk)
                + " (pooled AUC \(prediction.card.pooledAUC.map { String(format: "%.3f", $0) } ?? "–") on held-out subjects)")
        }

        /// One line on stderr and exit status 64 (EX_USAGE), as `optima study validate` does.
        private static func usage(_ line: String) -> ExitCode {
            FileHandle.standardError.write(Data("error: \(line)\n".utf8))
            return ExitCode(64)
        }
    }
}
