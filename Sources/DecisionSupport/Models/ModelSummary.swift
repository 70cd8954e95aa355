import Governance

/// A registered model as a list shows it: name, version, when it was registered, the values a prediction needs
/// (by design name) and its card — what `GET /api/models` and `optima model list --json` answer.
public struct ModelSummary: Sendable, Codable, Equatable {
    public var name: String
    public var version: Int
    /// ISO 8601, UTC.
    public var created: String
    public var values: [String]
    public var card: ModelCard

    public init(_ model: RegisteredModel) {
        name = model.name
        version = model.version
        created = GovernanceClock.text(model.created)
        values = model.designNames
        card = model.card
    }
}
