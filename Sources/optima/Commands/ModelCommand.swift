import ArgumentParser

/// `optima model list|show|predict`: the prediction models a federated study registered (`optima study run
/// --registry`), read from the registry in the database.
struct ModelCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "model",
        abstract: "List the registered prediction models, show a model card, or predict one patient's risk.",
        discussion: "Models are registered by `optima study run --registry DB`; name the same database with --db.",
        subcommands: [List.self, Show.self, Predict.self])
}
